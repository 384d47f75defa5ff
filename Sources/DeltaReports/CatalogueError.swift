import Foundation
import Yams

/// Why a catalogue file could not be read, with the file and line.
public struct CatalogueError: Error, CustomStringConvertible, Sendable {
    /// What is wrong.
    public enum Problem: Sendable {
        case noFiles, unreadable, notYAML(String), notAMapping, badKey(String), duplicate(String)
    }

    public let file: String
    public let line: Int?
    public let problem: Problem

    public var description: String {
        let place = line.map { "\(file):\($0)" } ?? file
        switch problem {
        case .noFiles: return "\(place): no catalogue files (*.yaml)"
        case .unreadable: return "\(place): cannot be read as UTF-8"
        case .notYAML(let detail): return "\(place): not valid YAML: \(detail)"
        case .notAMapping: return "\(place): a catalogue is a mapping of keys to texts"
        case .badKey(let key): return "\(place): key “\(key)” must be a non-empty name without dots"
        case .duplicate(let key): return "\(place): “\(key)” is defined twice"
        }
    }
}
