import DeltaDomain
import DeltaStore
import Foundation
import SQLKit
import Yams

/// Imports data files into the register: all files are read and checked, then written in one
/// transaction. Any problem aborts the import with every error found, and nothing is written.
public enum Importer {
    /// Reads data files into a snapshot without touching a database. References to records not
    /// in these files are checked against `known` (ids already in the register). A quote from a
    /// document `known` names but holds no paragraphs for throws `KnownRecords.ParagraphsNeeded`.
    public static func read(files: [String], known: KnownRecords = KnownRecords()) throws -> RegisterSnapshot {
        try read(files: files, known: known, partBytes: partBytes)
    }

    /// `read(files:known:)` with large sections composed in parts of `partBytes`.
    static func read(files: [String], known: KnownRecords, partBytes: Int) throws -> RegisterSnapshot {
        do {
            return try read(files: files, known: known, lazily: true, partBytes: partBytes)
        } catch is CompositionOrder.Missed {
            return try read(files: files, known: known, lazily: false)
        } catch is ComposedFile.PartFailed {
            return try read(files: files, known: known, lazily: false)
        }
    }

    /// The size of the parts a large section is composed in (`DataFileLayout`): small enough that
    /// their nodes are a few megabytes, large enough that composing them costs no more than whole.
    static let partBytes = 256 << 10

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
    static func read(files: [String], known: KnownRecords, lazily: Bool, partBytes: Int = Importer.partBytes) throws -> RegisterSnapshot {
        var parser = RecordParser()
        parser.documentYears = known.documentYears
        parser.stationNames = Set(try StationFile.shipped().map(\.name))
        var errors: [ImportError] = []
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
            for index in files.indices {
                guard let file = composed[index], file.root[section] != nil else { continue }
                parser.fileVersion = file.version
                do {
                    try file.forEachRecord(section) { node in
                        do { try read(&parser, node, file.path) } catch let error as ImportError { errors.append(error) }
                    }
                } catch let error as ImportError {
                    errors.append(error)
                }
            }
        }
        if !composeErrors.isEmpty { throw ImportErrors(errors: composeErrors.sorted { $0.0 < $1.0 }.map(\.1)) }
        if !errors.isEmpty { throw ImportErrors(errors: errors) }
        errors += parser.resolveLinkNames(known: known.railLinks)
        errors += checkReferences(parser, known: known)
        errors += checkCycles(parser)
        var snapshot = parser.snapshot
        let pendings = parser.passages.map { $0.0 }
        let located = locateAll(pendings, in: snapshot.documents, known: known.paragraphs)
        let unread = Set(pendings.indices.compactMap { index -> String? in
            guard case .noDocument = located[index], known.documentIDs.contains(pendings[index].documentID) else { return nil }
            return pendings[index].documentID
        })
        if !unread.isEmpty { throw KnownRecords.ParagraphsNeeded(documentIDs: unread) }
        for (index, (pending, assign)) in parser.passages.enumerated() {
            switch located[index] {
            case .noDocument: continue
            case .found(let anchor, let start, let length):
                assign(&snapshot, PassageReference(documentID: pending.documentID, anchor: anchor, start: start,
                                                   length: length, quote: pending.quote))
            case .notFound:
                errors.append(pending.location.error(key: "import.passage.notInDocument", [
                    "record": pending.context, "quote": .verbatim(String(pending.quote.prefix(80))),
                    "document": .verbatim(pending.documentID),
                ]))
            }
        }
        if !errors.isEmpty { throw ImportErrors(errors: errors.sorted { ($0.file, $0.line ?? 0) < ($1.file, $1.line ?? 0) }) }
        return snapshot
    }

    /// Each file read and composed (YAML, then the limits), in the order given, in parallel:
    /// files do not depend on one another. A file that must be composed whole fails with `ComposedFile.PartFailed`, any other
    /// problem with an `ImportError`.
    private static func compose(_ files: [String], partBytes: Int?) -> [Result<ComposedFile, any Error>] {
        Parallel.map(files) { file in
            guard let data = FileManager.default.contents(atPath: file) else {
                return .failure(ImportError(file: file, line: nil, key: "import.file.unreadable"))
            }
            guard let text = String(data: data, encoding: .utf8) else {
                return .failure(ImportError(file: file, line: nil, key: "import.file.notUTF8"))
            }
            do { return .success(try ComposedFile(path: file, text: text, partBytes: partBytes)) } catch let error as ImportError {
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

    /// Reads the files and writes them into the register in one transaction.
    public static func run(files: [String], engine: any DatabaseEngine, actor: AuditActor = .importer()) async throws -> WriteSummary {
        try await engine.transaction { db in
            let register = Register(db: db, scope: .everything)
            var known = try await KnownRecords.load(from: register)
            var snapshot: RegisterSnapshot?
            do {
                snapshot = try read(files: files, known: known)
            } catch let needed as KnownRecords.ParagraphsNeeded {
                // The files quote stored documents: read their paragraphs, then the files again.
                try await known.loadParagraphs(needed.documentIDs, from: register)
                snapshot = try read(files: files, known: known)
            }
            let writer = RegisterWriter(db: db, actor: actor)
            // Taken out, so that the records read are let go before the search index reads the
            // register again (at 1 000× that was the import's peak: 566 MiB, against 325 MiB read).
            let summary = try await writer.save(snapshot.take()!)
            // The records are gone; their memory goes back too, or the index's rebuild takes more.
            Heap.releaseFreeMemory()
            try await writer.updateSearch(after: summary)
            return summary
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
            return indices.map { index in
                (index, locate(pendings[index], in: paragraphs).map { .found(anchor: $0.anchor, start: $0.start, length: $0.length) } ?? .notFound)
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

    private static func locate(_ pending: PendingPassage, in paragraphs: [Paragraph]) -> (anchor: String, start: Int, length: Int)? {
        if let hint = pending.anchorHint, let paragraph = paragraphs.first(where: { $0.anchor == hint }),
           let found = TextLayout.locate(quote: pending.quote, in: [paragraph]) {
            return found
        }
        return TextLayout.locate(quote: pending.quote, in: paragraphs)
    }

    /// A record that is (through others) its own parent would break the foreign keys; say where.
    private static func checkCycles(_ parser: RecordParser) -> [ImportError] {
        let snapshot = parser.snapshot
        let graphs: [(RecordKind, [String: String])] = [
            (.organisation, Dictionary(snapshot.organisations.compactMap { o in o.parentID.map { (o.id, $0) } }, uniquingKeysWith: { a, _ in a })),
            (.body, Dictionary(snapshot.bodies.compactMap { b in b.parentID.map { (b.id, $0) } }, uniquingKeysWith: { a, _ in a })),
            (.investment, Dictionary(snapshot.investments.compactMap { i in i.partOfID.map { (i.id, $0) } }, uniquingKeysWith: { a, _ in a })),
            (.goal, Dictionary(snapshot.goals.compactMap { g in g.parentID.map { (g.id, $0) } }, uniquingKeysWith: { a, _ in a })),
        ]
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

    private static func checkReferences(_ parser: RecordParser, known: KnownRecords) -> [ImportError] {
        let snapshot = parser.snapshot
        let ids: [RecordKind: Set<String>] = [
            .organisation: Set(snapshot.organisations.map(\.id)).union(known.organisationIDs),
            .document: Set(snapshot.documents.map(\.id)).union(known.documentIDs),
            .body: Set(snapshot.bodies.map(\.id)).union(known.bodyIDs),
            .dossier: Set(snapshot.dossiers.map(\.id)).union(known.dossierIDs),
            .investment: Set(snapshot.investments.map(\.id)).union(known.investmentIDs),
            .agreement: Set(snapshot.agreements.map(\.id)).union(known.agreementIDs),
            .goal: Set(snapshot.goals.map(\.id)).union(known.goalIDs),
            .meeting: Set(snapshot.meetings.map(\.id)).union(known.meetingIDs),
            .allocationRegime: Set(snapshot.allocationRegimes.map(\.id)).union(known.allocationRegimeIDs),
            .railLink: Set(snapshot.railLinks.map(\.id)).union(known.railLinks.map(\.id)),
            .obstacle: Set(snapshot.obstacles.map(\.id)).union(known.obstacleIDs),
        ]
        return parser.references.compactMap { reference in
            ids[reference.kind]?.contains(reference.id) == true ? nil
                : reference.location.error(key: "import.unknownReference", [
                    "record": reference.context, "kind": .kind(reference.kind), "id": .verbatim(reference.id),
                ])
        }
    }
}
