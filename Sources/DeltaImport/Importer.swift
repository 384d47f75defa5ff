import DeltaDomain
import DeltaStore
import Foundation
import SQLKit
import Yams

/// Imports data files into the register: the files are read a part at a time, each part written
/// as soon as it is read and checked, all in one transaction. Any problem aborts the import with
/// every error found, and the transaction is rolled back: nothing is written.
public enum Importer {
    /// Reads data files into a snapshot without touching a database. References to records not
    /// in these files are checked against `known` (ids already in the register). Quotes are looked
    /// up in the files' documents; one from a document only the register holds is checked when
    /// `run` writes it.
    public static func read(files: [String], known: KnownRecords = KnownRecords()) async throws -> RegisterSnapshot {
        try await read(files: files, known: known, partBytes: partBytes)
    }

    /// `read(files:known:)` with large sections composed in parts of `partBytes`.
    static func read(files: [String], known: KnownRecords, partBytes: Int) async throws -> RegisterSnapshot {
        try await composingWholeIfNeeded { lazily in try await read(files: files, known: known, lazily: lazily, partBytes: partBytes) }
    }

    /// `read(files:known:)`, composing files as `lazily` says (see below).
    static func read(files: [String], known: KnownRecords, lazily: Bool, partBytes: Int = Importer.partBytes) async throws -> RegisterSnapshot {
        var output = SnapshotOutput()
        // One part a section: the snapshot is kept whole anyway, and its records stay in the files' order.
        try await read(files: files, known: known, lazily: lazily, partBytes: partBytes, partSize: .max, into: &output)
        return output.snapshot
    }

    /// Reads the files and writes them into the register in one transaction.
    public static func run(files: [String], engine: any DatabaseEngine, actor: AuditActor = .importer()) async throws -> WriteSummary {
        try await run(files: files, engine: engine, actor: actor, partSize: Register.recordsPerRead)
    }

    /// `run(files:engine:actor:)`, reading and writing `partSize` records at a time (tests take few).
    static func run(files: [String], engine: any DatabaseEngine, actor: AuditActor, partSize: Int) async throws -> WriteSummary {
        try await composingWholeIfNeeded { lazily in
            try await engine.transaction { db in
                let register = Register(db: db, scope: .everything)
                let writer = RegisterWriter(db: db, actor: actor, partSize: partSize)
                var output = RegisterOutput(register: register, writer: writer)
                do {
                    try await read(files: files, known: try await KnownRecords.load(from: register), lazily: lazily,
                                   partBytes: partBytes, partSize: partSize, into: &output)
                    try await output.finish()
                } catch {
                    await output.abandon()
                    throw error
                }
                // The parts are written and let go; their memory goes back too, or the index's rebuild takes more.
                Heap.releaseFreeMemory()
                try await writer.updateSearch(after: output.summary)
                return output.summary
            }
        }
    }

    /// Runs `body` composing files lazily, and again composing them whole should a lazy
    /// composition not follow a file (`CompositionOrder.Missed`, `ComposedFile.PartFailed`); an
    /// import rolls back what the first attempt wrote.
    private static func composingWholeIfNeeded<T>(_ body: (_ lazily: Bool) async throws -> T) async throws -> T {
        do {
            return try await body(true)
        } catch is CompositionOrder.Missed {
            return try await body(false)
        } catch is ComposedFile.PartFailed {
            return try await body(false)
        }
    }

    /// The size of the parts a large section is composed in (`DataFileLayout`): small enough that
    /// their nodes are a few megabytes, large enough that composing them costs no more than whole.
    static let partBytes = 256 << 10

    /// Reads the files section by section and hands the records to `output` every `partSize`
    /// records and at each section's end, with their quotes and link names resolved.
    ///
    /// Why parts: holding every record of the files until all were read was the peak of an
    /// import's memory (333 MiB at 1 000×). A part is written as soon as it is read; what the
    /// checks after reading need stays: the ids defined, the references to records not read yet,
    /// the parents (for cycles) and the links. Records that refer to one of their own kind further
    /// down wait for the end of their section (`RecordParser.held`): the writer puts parents first
    /// within a part, and foreign keys only run to earlier sections or to the same one.
    ///
    /// `lazily`: each file is composed just before its first section is read (two at a time, one
    /// per core), in the order a scan of its top-level keys gives, and let go after its last.
    /// Why: a file's YAML nodes take several times its size, and composing every file up front
    /// held all of them at once (480 of the 586 MB of a 1 000× import's peak). Should the scan
    /// have missed a section (it reads keys as written, not as YAML means them), the read starts
    /// again with every file composed first (`CompositionOrder.Missed`): the scan only ever
    /// changes when a file is composed, never what is read.
    ///
    /// `lazily` also composes a large section a part of `partBytes` at a time (`DataFileLayout`);
    /// a part that does not compose as the whole file would throws `ComposedFile.PartFailed`, and
    /// the read starts again with every file composed whole.
    static func read<Output: PartOutput>(files: [String], known: KnownRecords, lazily: Bool, partBytes: Int, partSize: Int,
                                         into output: inout Output) async throws {
        var parser = RecordParser()
        parser.known = known
        parser.documentYears = known.documentYears
        parser.stationNames = Set(try StationFile.shipped().map(\.name))
        var errors: [ImportError] = []
        // Found while parts are handed over, reported only if reading found nothing, in this order.
        var linkErrors: [ImportError] = [], passageErrors: [ImportError] = []
        // Documents first, so periods without a year can take their source document's year.
        let readers: [(String, (inout RecordParser, Node, String) throws -> Void)] = [
            ("organisations", { try $0.organisation($1, file: $2) }), ("documents", { try $0.document($1, file: $2) }),
            ("bodies", { try $0.body($1, file: $2) }), ("rail_links", { try $0.railLink($1, file: $2) }), ("dossiers", { try $0.dossier($1, file: $2) }),
            ("agreements", { try $0.agreement($1, file: $2) }), ("goals", { try $0.goal($1, file: $2) }),
            ("indicators", { try $0.indicator($1, file: $2) }), ("milestones", { try $0.milestone($1, file: $2) }),
            ("meetings", { try $0.meeting($1, file: $2) }), ("investments", { try $0.investment($1, file: $2) }),
            ("allocation_regimes", { try $0.allocationRegime($1, file: $2) }), ("obstacles", { try $0.obstacle($1, file: $2) }),
        ]
        let sections = readers.map(\.0)
        var order = CompositionOrder(files: files, sections: sections, lazily: lazily)
        // Composing problems are reported alone, in the files' order, as when every file was
        // composed before anything was read; the files after one are still composed for theirs.
        var composeErrors: [(Int, ImportError)] = []
        var composed: [Int: ComposedFile] = [:]
        var lastSection: [Int: Int] = [:]
        /// Hands the records read since the last part to `output`.
        func handOver(sectionEnd: Bool) async throws {
            if sectionEnd { parser.endSection() }
            // Once reading has failed, only its errors are reported: nothing else is worth resolving.
            let checking = errors.isEmpty
            if checking {
                linkErrors += parser.resolveLinkNames()
                passageErrors += try await locatePassages(&parser, in: &output)
            } else {
                parser.linkNames = []
                parser.passages = []
            }
            var part = RegisterSnapshot()
            swap(&part, &parser.snapshot)
            if !parser.held.isEmpty { parser.snapshot = part.removeHeld(parser.held) }
            try await output.take(part, writable: checking && !parser.unresolvable)
        }
        for (sectionIndex, (section, read)) in readers.enumerated() {
            let batch = order.filesNeeded(before: sectionIndex)
            for (index, outcome) in zip(batch, compose(batch.map { files[$0] }, partBytes: lazily ? partBytes : nil)) {
                switch outcome {
                case .failure(let error as ImportError): composeErrors.append((index, error))
                case .failure(let error): throw error
                case .success(let file):
                    let present = sections.indices.filter { file.root[sections[$0]] != nil }
                    if let first = present.first, first < sectionIndex { throw CompositionOrder.Missed() }
                    composed[index] = file
                    lastSection[index] = present.last ?? -1
                }
            }
            defer {
                for (index, last) in lastSection where last <= sectionIndex { composed[index] = nil; lastSection[index] = nil }
            }
            guard composeErrors.isEmpty else { continue }
            parser.section = sectionIndex
            var readSincePart = 0
            for index in files.indices {
                guard let file = composed[index], file.root[section] != nil else { continue }
                parser.fileVersion = file.version
                do {
                    try await file.forEachRecord(section) { node in
                        do { try read(&parser, node, file.path) } catch let error as ImportError { errors.append(error) }
                        readSincePart += 1
                        if readSincePart >= partSize {
                            readSincePart = 0
                            try await handOver(sectionEnd: false)
                        }
                    }
                } catch let error as ImportError {
                    errors.append(error)
                }
            }
            try await handOver(sectionEnd: true)
        }
        if !composeErrors.isEmpty { throw ImportErrors(errors: composeErrors.sorted { $0.0 < $1.0 }.map(\.1)) }
        if !errors.isEmpty { throw ImportErrors(errors: errors) }
        errors += linkErrors
        errors += checkReferences(parser)
        errors += checkCycles(parser)
        errors += passageErrors
        if !errors.isEmpty { throw ImportErrors(errors: errors.sorted { ($0.file, $0.line ?? 0) < ($1.file, $1.line ?? 0) }) }
    }

    /// Finds the passages quoted by the records read since the last part, in the documents of that
    /// part or else in those `output` knows (earlier parts, the register), and puts each in its
    /// record. Returns an error for each quote its document does not hold; a quote from a document
    /// nobody knows is left to the reference check.
    private static func locatePassages<Output: PartOutput>(_ parser: inout RecordParser, in output: inout Output) async throws -> [ImportError] {
        guard !parser.passages.isEmpty else { return [] }
        let passages = parser.passages
        parser.passages = []
        let pendings = passages.map(\.0)
        let elsewhere = Set(pendings.map(\.documentID)).subtracting(parser.snapshot.documents.map(\.id))
        let located = locateAll(pendings, in: parser.snapshot.documents, known: try await output.paragraphs(of: elsewhere))
        var errors: [ImportError] = []
        for (index, (pending, assign)) in passages.enumerated() {
            switch located[index] {
            case .noDocument: continue
            case .found(let anchor, let start, let length):
                assign(&parser.snapshot, PassageReference(documentID: pending.documentID, anchor: anchor, start: start,
                                                          length: length, quote: pending.quote))
            case .notFound:
                errors.append(pending.location.error(key: "import.passage.notInDocument", [
                    "record": pending.context, "quote": .verbatim(String(pending.quote.prefix(80))),
                    "document": .verbatim(pending.documentID),
                ]))
            }
        }
        return errors
    }

    /// Each file read and composed (YAML, then the limits), in the order given, in parallel:
    /// files do not depend on one another. A file that must be composed whole fails with `ComposedFile.PartFailed`, any other
    /// problem with an `ImportError`.
    private static func compose(_ files: [String], partBytes: Int?) -> [Result<ComposedFile, any Error>] {
        Parallel.map(files) { file in
            // The bytes alone are kept: the file's data and a checked text are let go at once.
            guard let bytes = FileManager.default.contents(atPath: file).map({ [UInt8]($0) }) else {
                return .failure(ImportError(file: file, line: nil, key: "import.file.unreadable"))
            }
            guard String(validating: bytes, as: UTF8.self) != nil else {
                return .failure(ImportError(file: file, line: nil, key: "import.file.notUTF8"))
            }
            do { return .success(try ComposedFile(path: file, bytes: bytes, partBytes: partBytes)) } catch let error as ImportError {
                return .failure(error)
            } catch let error as ComposedFile.PartFailed {
                return .failure(error)
            } catch {
                // Composing reports its problems as ImportErrors (YAML errors at their line); any
                // other error cannot leave the parallel loop, so it is the file's, unreadable.
                return .failure(ImportError(file: file, line: nil, key: "import.file.unreadable"))
            }
        }
    }

    /// Where each quoted passage is, in the order given. Each quoted document is laid out once, in
    /// parallel with the others, and its paragraphs let go once its quotes are found: holding every
    /// document's paragraphs at once (67 MB of text at 1 000×) was a large part of an import's peak.
    private static func locateAll(_ pendings: [PendingPassage], in documents: [Document], known: [String: [Paragraph]]) -> [Located] {
        let files = Dictionary(documents.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let quoted = Array(Dictionary(grouping: pendings.indices, by: { pendings[$0].documentID }))
        let found: [[(Int, Located)]] = Parallel.map(quoted) { documentID, indices in
            guard let paragraphs = files[documentID]?.paragraphs ?? known[documentID] else { return indices.map { ($0, .noDocument) } }
            let finder = QuoteFinder(paragraphs)
            return indices.map { index in
                (index, locate(pendings[index], with: finder).map { .found(anchor: $0.anchor, start: $0.start, length: $0.length) } ?? .notFound)
            }
        }
        var located = [Located](repeating: .noDocument, count: pendings.count)
        for (index, place) in found.joined() { located[index] = place }
        return located
    }

    /// Where a quoted passage was found, if its document is known.
    private enum Located: Sendable {
        case found(anchor: String, start: Int, length: Int)
        case notFound
        case noDocument
    }

    /// In the paragraph the file names, if the quote is there; else the first that holds it.
    private static func locate(_ pending: PendingPassage, with finder: QuoteFinder) -> (anchor: String, start: Int, length: Int)? {
        if let hint = pending.anchorHint, let found = finder.locate(pending.quote, inParagraph: hint) { return found }
        return finder.locate(pending.quote)
    }

    /// A record that is (through others) its own parent would break the foreign keys; say where.
    private static func checkCycles(_ parser: RecordParser) -> [ImportError] {
        let graphs: [(RecordKind, [String: String])] = [.organisation, .body, .investment, .goal].map { ($0, parser.parents[$0] ?? [:]) }
        var errors: [ImportError] = []
        for (kind, parents) in graphs {
            var reported = Set<String>()
            for start in parents.keys.sorted() where !reported.contains(start) {
                var seen: [String] = [start]
                var current = start
                while let next = parents[current], seen.count <= parents.count {
                    if next == start {
                        let location = parser.parentLocations["\(kind.rawValue)/\(start)"] ?? SourceLocation(file: "?", line: nil)
                        errors.append(location.error(key: "import.cycle", [
                            "record": .record(kind, start), "chain": .verbatim((seen + [start]).joined(separator: " → ")),
                        ]))
                        reported.formUnion(seen)
                        break
                    }
                    if seen.contains(next) { break }
                    seen.append(next)
                    current = next
                }
            }
        }
        return errors
    }

    /// The references to records not read when they were read: each must be defined in the files,
    /// made from a dossier's link name, or held by the register.
    private static func checkReferences(_ parser: RecordParser) -> [ImportError] {
        let links = Set(parser.railLinksRead.map(\.id))
        return parser.references.compactMap { reference in
            parser.definitions["\(reference.kind.rawValue)/\(reference.id)"] != nil || parser.known.contains(reference.kind, reference.id)
                || (reference.kind == .railLink && links.contains(reference.id)) ? nil
                : reference.location.error(key: "import.unknownReference", [
                    "record": reference.context, "kind": .kind(reference.kind), "id": .verbatim(reference.id),
                ])
        }
    }
}
