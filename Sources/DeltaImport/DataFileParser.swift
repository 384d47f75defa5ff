import DeltaDomain
import Foundation
import Yams

/// The format this version reads and writes.
public enum DataFormat {
    /// The value of the `format:` line.
    public static let current = "deltaberaad/4"
    /// Earlier versions this one still reads (their keys are a subset of the current ones).
    static let readable: Set<String> = ["deltaberaad/1", "deltaberaad/2", "deltaberaad/3", current]
    /// Sections that only files of a later format may hold, with the version that added them
    /// (format 3 added the allocation regimes, format 4 the rail links and the obstacles).
    static let sectionsSince: [String: Int] = ["allocation_regimes": 3, "rail_links": 4, "obstacles": 4]
    /// Section names in the order they are read (links before the dossiers that name them).
    static let sections = ["organisations", "documents", "bodies", "rail_links", "dossiers", "agreements", "goals", "indicators",
                           "milestones", "meetings", "investments", "allocation_regimes", "obstacles"]

    /// The number of a readable `format:` value ("deltaberaad/3" → 3).
    static func version(of format: String) -> Int { Int(format.split(separator: "/").last ?? "") ?? 0 }
}

/// A reference from one record to another, checked once every file has been read.
struct PendingReference {
    /// Organisation, document, body, dossier or investment.
    let kind: RecordKind
    let id: String
    let location: SourceLocation
    let context: ImportArgument
}

/// A quoted passage waiting for its document's paragraphs.
struct PendingPassage {
    let documentID: String
    let quote: String
    let anchorHint: String?
    let location: SourceLocation
    let context: ImportArgument
}

/// One data file, composed into YAML nodes and checked for its `format` line.
struct ComposedFile {
    let path: String
    let root: YAMLMapping
    /// The file's format version (4 for `deltaberaad/4`).
    let version: Int

    init(path: String, text: String) throws {
        self.path = path
        let node: Node?
        do {
            // `.basic`: every scalar stays text, which is all the reader uses (it reads numbers,
            // dates and yes/no itself, with messages at file:line); the default resolver ran
            // several regular expressions over every scalar to guess a type nobody asked for.
            node = try Yams.compose(yaml: text, .basic)
        } catch let error as YamlError {
            throw ImportError(file: path, line: error.line, key: "import.file.notYAML", arguments: ["problem": .verbatim(error.shortDescription)])
        }
        guard let node else { throw ImportError(file: path, line: nil, key: "import.file.empty") }
        try DataFileLimits.check(node, file: path, bytes: text.utf8.count)
        root = try YAMLMapping(node, file: path, context: .file)
        try root.rejectUnknownKeys(Set(["format"] + DataFormat.sections))
        guard let format = try root.optionalString("format") else {
            throw ImportError(file: path, line: 1, key: "import.file.noFormat", arguments: ["format": .verbatim(DataFormat.current)])
        }
        guard DataFormat.readable.contains(format) else {
            throw root.error(key: "import.file.unknownFormat", ["format": .verbatim(format), "current": .verbatim(DataFormat.readable.sorted().reversed().joined(separator: ", "))],
                             at: "format")
        }
        version = DataFormat.version(of: format)
        for (section, since) in DataFormat.sectionsSince.sorted(by: { $0.key < $1.key }) where since > version && root[section] != nil {
            throw root.error(key: "import.regime.needsFormat", ["section": .verbatim(section), "format": .verbatim(format),
                                                                      "needed": .verbatim("deltaberaad/\(since)")], at: section)
        }
    }

    func records(_ section: String) throws -> [Node] { try root.list(section) }
}

extension YamlError {
    var line: Int? {
        switch self {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): return mark.line
        default: return nil
        }
    }

    var shortDescription: String {
        switch self {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _): return problem
        default: return "\(self)"
        }
    }
}
