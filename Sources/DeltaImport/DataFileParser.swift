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

    /// The place of a kind's section in `sections`.
    static func section(of kind: RecordKind) -> Int { sectionOfKind[kind] ?? sections.count }

    /// By name, so that the places always follow `sections`' order.
    private static let sectionOfKind: [RecordKind: Int] = [
        RecordKind.organisation: "organisations", .document: "documents", .body: "bodies", .railLink: "rail_links",
        .dossier: "dossiers", .agreement: "agreements", .goal: "goals", .indicator: "indicators", .milestone: "milestones",
        .meeting: "meetings", .investment: "investments", .allocationRegime: "allocation_regimes", .obstacle: "obstacles",
    ].compactMapValues { sections.firstIndex(of: $0) }

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
///
/// A large file is composed a part at a time (`DataFileLayout`): its skeleton when it is opened,
/// the records of a split section while they are read. Any part that does not compose, keep the
/// limits or read as a list throws `PartFailed`, and the importer composes every file whole.
struct ComposedFile {
    /// A part of a split section did not compose as the whole file would (or not at all): the
    /// file must be composed whole, which gives the exact message if there is something wrong.
    struct PartFailed: Error {}

    let path: String
    let root: YAMLMapping
    /// The file's format version (4 for `deltaberaad/4`).
    let version: Int
    /// The file's text and layout while its split sections are still to be read.
    private let text: [UInt8]
    private let layout: DataFileLayout?

    /// `partBytes`: compose sections larger than this a part of about this size at a time; nil
    /// composes the whole file at once.
    init(path: String, text: String, partBytes: Int? = nil) throws {
        try self.init(path: path, bytes: Array(text.utf8), partBytes: partBytes)
    }

    /// `init(path:text:partBytes:)` from the file's bytes, which must be UTF-8. Why bytes: the
    /// layout reads them, and a large file held both as text and as bytes was two of the three
    /// largest blocks of a 1 000× import's heap (25 MB each for the agreements).
    init(path: String, bytes: [UInt8], partBytes: Int? = nil) throws {
        self.path = path
        let layout = partBytes.flatMap { DataFileLayout(text: bytes, sectionNames: Set(DataFormat.sections), partBytes: $0) }
        let node: Node?
        if let layout {
            // The skeleton must compose, keep the limits and hold the split sections as lists; if
            // not, the whole file says what is wrong with it.
            do {
                node = try Yams.compose(yaml: String(decoding: layout.skeleton, as: UTF8.self), .basic)
                if let node { try DataFileLimits.check(node, file: path, bytes: layout.skeleton.count) }
            } catch {
                throw PartFailed()
            }
        } else {
            do {
                // `.basic`: every scalar stays text, which is all the reader uses (it reads numbers,
                // dates and yes/no itself, with messages at file:line); the default resolver ran
                // several regular expressions over every scalar to guess a type nobody asked for.
                node = try Yams.compose(yaml: String(decoding: bytes, as: UTF8.self), .basic)
            } catch let error as YamlError {
                throw ImportError(file: path, line: error.line, key: "import.file.notYAML", arguments: ["problem": .verbatim(error.shortDescription)])
            }
        }
        guard let node else { throw ImportError(file: path, line: nil, key: "import.file.empty") }
        if layout == nil { try DataFileLimits.check(node, file: path, bytes: bytes.count) }
        let root = try YAMLMapping(node, file: path, context: .file)
        self.root = root
        if let layout, layout.sections.keys.contains(where: { root[$0]?.sequence?.isEmpty != true }) { throw PartFailed() }
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
        self.layout = layout
        self.text = layout == nil ? [] : bytes
    }

    /// Calls `body` with each record of `section`, in order. A split section is composed two parts
    /// at a time (one per core), each let go once its records are read.
    func forEachRecord(_ section: String, _ body: (Node) async throws -> Void) async throws {
        guard let split = layout?.sections[section] else {
            for node in try root.list(section) { try await body(node) }
            return
        }
        let text = text, path = path
        for batch in stride(from: 0, to: split.parts.count, by: 2).map({ $0..<min($0 + 2, split.parts.count) }) {
            let composed: [[Node]?] = Parallel.map(Array(batch)) { part in
                let partText = DataFileLayout.partText(text, section: split, part: part)
                guard let node = try? Yams.compose(yaml: partText, .basic), let items = node.sequence,
                      (try? DataFileLimits.check(node, file: path, bytes: split.parts[part].count)) != nil else { return nil }
                return Array(items)
            }
            for nodes in composed {
                guard let nodes else { throw PartFailed() }
                for node in nodes { try await body(node) }
            }
        }
    }
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
