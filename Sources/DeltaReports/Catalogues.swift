import Foundation
import Yams

/// The catalogues of every language, read from `locales/<language>/*.yaml`.
///
/// Each language has the same files; each file is a nested YAML mapping whose leaves are texts.
/// A key defined twice (in one file or across files of a language) is an error, so that each
/// text exists once.
public struct Catalogues: Sendable {
    private let byLanguage: [Language: Catalogue]

    /// Catalogues built from texts already in memory (tests).
    public init(_ catalogues: [Catalogue]) {
        byLanguage = Dictionary(uniqueKeysWithValues: catalogues.map { ($0.language, $0) })
    }

    /// The catalogue of a language; an empty one if it was not loaded.
    public subscript(language: Language) -> Catalogue {
        byLanguage[language] ?? Catalogue(language: language, entries: [:])
    }

    /// Reads `directory/<language>/*.yaml` for every language.
    public static func load(directory: String) throws -> Catalogues {
        var catalogues: [Catalogue] = []
        let files = FileManager.default
        for language in Language.allCases {
            let folder = (directory as NSString).appendingPathComponent(language.rawValue)
            let names = (try? files.contentsOfDirectory(atPath: folder)) ?? []
            let yamlNames = names.filter { $0.hasSuffix(".yaml") }.sorted()
            guard !yamlNames.isEmpty else { throw CatalogueError(file: folder, line: nil, problem: .noFiles) }
            var entries: [String: String] = [:]
            for name in yamlNames {
                let path = (folder as NSString).appendingPathComponent(name)
                guard let data = files.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                    throw CatalogueError(file: path, line: nil, problem: .unreadable)
                }
                try parse(text, file: path, into: &entries)
            }
            catalogues.append(Catalogue(language: language, entries: entries))
        }
        return Catalogues(catalogues)
    }

    /// Adds the texts of one YAML file to `entries`, refusing keys that are already there.
    public static func parse(_ text: String, file: String, into entries: inout [String: String]) throws {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            throw CatalogueError(file: file, line: nil, problem: .notYAML("\(error)"))
        }
        guard let root else { return }
        try walk(root, prefix: "", file: file, into: &entries)
    }

    private static func walk(_ node: Node, prefix: String, file: String, into entries: inout [String: String]) throws {
        switch node {
        case .mapping(let mapping):
            for (keyNode, value) in mapping {
                guard let key = keyNode.string, !key.isEmpty, !key.contains(".") else {
                    throw CatalogueError(file: file, line: keyNode.mark?.line, problem: .badKey(keyNode.string ?? ""))
                }
                try walk(value, prefix: prefix.isEmpty ? key : "\(prefix).\(key)", file: file, into: &entries)
            }
        case .scalar(let scalar):
            guard !prefix.isEmpty else { throw CatalogueError(file: file, line: node.mark?.line, problem: .notAMapping) }
            if entries[prefix] != nil { throw CatalogueError(file: file, line: node.mark?.line, problem: .duplicate(prefix)) }
            entries[prefix] = scalar.string
        default:
            throw CatalogueError(file: file, line: node.mark?.line, problem: .notAMapping)
        }
    }
}
