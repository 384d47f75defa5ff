import DeltaImport
import Foundation

/// Runs the real programs tests check our output with (python3, soffice) and keeps their files
/// in a fresh temporary directory.
public enum ExternalTools {
    /// A failure of a program, with what it wrote on standard error.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Writes `contents` to a new file in a new temporary directory.
    public static func temporaryFile(named name: String, contents: String) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("deltaberaad-tool-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = directory.appendingPathComponent(name)
        try contents.write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    /// Runs a program to its end (killed after `timeout` seconds) and returns its standard output;
    /// a non-zero exit is a failure that quotes standard error.
    public static func run(_ executable: String, _ arguments: [String], input: String? = nil, timeout: TimeInterval = 60) async throws -> String {
        let outcome: ExternalProgram.Outcome
        do {
            outcome = try await ExternalProgram.run(executable, arguments, input: input, timeout: .seconds(timeout))
        } catch is ExternalProgram.NotStarted {
            throw Failure(description: "\(arguments.first ?? executable) could not be started (scripts/test installs it)")
        } catch is ExternalProgram.TimedOut {
            throw Failure(description: "\(arguments.first ?? executable) did not finish within \(Int(timeout)) s")
        }
        guard outcome.succeeded else {
            throw Failure(description: "\(arguments.first ?? executable) exited with \(outcome.status): \(outcome.errors)")
        }
        return outcome.output
    }
}
