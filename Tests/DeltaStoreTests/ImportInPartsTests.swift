@testable import DeltaImport
import DeltaDomain
import DeltaStore
import DeltaTestSupport
import Foundation
import SQLKit
import Testing

/// An import writes each part of the files as soon as it is read (`Importer.read(...into:)`), so
/// that memory holds a part, not the register. What it stores, and every refusal, must be what
/// writing everything at once gives.
@Suite("Import: written a part at a time")
struct ImportInPartsTests {
    /// Records that name a record of their own kind further down: a chain of parents, a relation to a
    /// later document, a body under a later one, a measure under a later priority.
    static let forward = """
        format: deltaberaad/2
        organisations:
          - {id: org-c, name: C, country: NL, level: national, parent: org-b}
          - {id: org-b, name: B, country: NL, level: national, parent: org-a}
          - {id: org-x, name: X, country: BE, level: federal}
          - {id: org-d, name: D, country: NL, level: national, parent: org-c}
          - {id: org-a, name: A, country: NL, level: national}
        documents:
          - id: doc-1
            kind: other
            title: Eerste
            date: 2026-01-05
            issuers: [org-d]
            relations:
              - {type: builds-on, document: doc-3}
            text: De eerste brief.
          - {id: doc-2, kind: other, title: Tweede, date: 2026-01-06, text: De tweede brief.}
          - {id: doc-3, kind: other, title: Derde, date: 2026-01-07, text: De derde brief over de werkgroep.}
        bodies:
          - id: sub
            name: Subgroep
            kind: working-group
            parent: top
            source: {document: doc-3, quote: de werkgroep}
            members:
              - {organisation: org-b, role: member}
          - {id: top, name: Werkgroep, kind: working-group}
        goals:
          - {id: m-1, level: measure, parent: p-1, title: Maatregel}
          - {id: p-1, level: priority, parent: g-1, title: Prioriteit}
          - {id: g-1, level: goal, title: Doel}
        """

    private func files() throws -> [String] { TestPaths.demoFiles + (try TestFiles.yaml([Self.forward])) }

    @Test("written three records at a time, with parents and related records further down, an import stores what it stores at once", arguments: allEngines)
    func sameRegister(kind: EngineKind) async throws {
        let files = try files()
        try await withDatabase(kind) { whole in
            try await withDatabase(kind) { parts in
                let atOnce = try await Importer.run(files: files, engine: whole.engine, actor: .importer(), partSize: .max)
                let inParts = try await Importer.run(files: files, engine: parts.engine, actor: .importer(), partSize: 3)
                #expect(inParts == atOnce)
                #expect(try await snapshot(parts.engine) == (try await snapshot(whole.engine)))
                #expect(try await rowCounts(parts.engine) == (try await rowCounts(whole.engine)))
                let stored = try await snapshot(parts.engine)
                #expect(stored.organisations.first { $0.id == "org-d" }?.parentID == "org-c")
                #expect(stored.bodies.first { $0.id == "sub" }?.establishedBy?.quote == "de werkgroep")
                // Again, in parts: nothing changes.
                let again = try await Importer.run(files: files, engine: parts.engine, actor: .importer(), partSize: 3)
                #expect(again.inserted == 0 && again.updated == 0 && again.unchanged == atOnce.inserted, "\(again)")
            }
        }
    }

    /// Records each part handed over, as the register's writer would get them.
    struct Parts: PartOutput {
        var parts: [RegisterSnapshot] = []
        var whole = SnapshotOutput()
        mutating func paragraphs(of documentIDs: Set<String>) async throws -> [String: [Paragraph]] {
            try await whole.paragraphs(of: documentIDs)
        }
        mutating func take(_ part: RegisterSnapshot, writable: Bool) async throws {
            if part.recordCount > 0 { parts.append(part) }
            try await whole.take(part, writable: writable)
        }
    }

    @Test("no part holds more than its size, but for records waiting for one of their kind further down")
    func partsAreBounded() async throws {
        // Waiting depends on each kind's place among the sections: every kind has one.
        #expect(RecordKind.allCases.allSatisfy { DataFormat.section(of: $0) < DataFormat.sections.count })
        var output = Parts()
        try await Importer.read(files: TestPaths.demoFiles, known: KnownRecords(), lazily: true, partBytes: Importer.partBytes,
                                partSize: 5, into: &output)
        let whole = try await Importer.read(files: TestPaths.demoFiles)
        #expect(output.parts.count > 20)
        #expect(output.whole.snapshot.recordCount == whole.recordCount)
        // The demo's documents that relate to a later one, or to one that waits, wait for the last part.
        let order = Dictionary(uniqueKeysWithValues: whole.documents.enumerated().map { ($1.id, $0) })
        var waiting = Set<String>()
        for (position, document) in whole.documents.enumerated()
        where document.relations.contains(where: { (order[$0.targetID] ?? 0) > position || waiting.contains($0.targetID) }) {
            waiting.insert(document.id)
        }
        #expect(!waiting.isEmpty)
        for part in output.parts {
            #expect(part.recordCount - part.documents.filter { waiting.contains($0.id) }.count <= 5, "\(part.documents.map(\.id))")
        }

        var forward = Parts()
        try await Importer.read(files: [try files().last!], known: KnownRecords(), lazily: true, partBytes: Importer.partBytes,
                                partSize: 2, into: &forward)
        // org-c, org-b and org-d wait for org-a; doc-1 for doc-3; sub for top; m-1 and p-1 for g-1.
        #expect(forward.parts.map(\.recordCount) == [1, 4, 1, 2, 1, 1, 3])
        #expect(forward.parts[1].organisations.map(\.id) == ["org-c", "org-b", "org-d", "org-a"])
        #expect(forward.parts[3].documents.map(\.id) == ["doc-1", "doc-3"])
    }

    @Test("a parent nobody defines, or a reference to an earlier section nobody defines, is reported, never a broken foreign key", arguments: allEngines)
    func unresolvedStopsWriting(kind: EngineKind) async throws {
        let cases = [
            "organisations:\n  - {id: o-1, name: A, country: NL, level: national, parent: nobody}\n  - {id: o-2, name: B, country: NL, level: national}\n",
            "organisations:\n  - {id: o-1, name: A, country: NL, level: national}\ndossiers:\n  - {id: d-1, title: D, summary: S, body: nobody, leads: [o-1]}\n",
        ]
        for (number, text) in cases.enumerated() {
            let files = try TestFiles.yaml(["format: deltaberaad/1\n" + text])
            try await withDatabase(kind) { database in
                do {
                    _ = try await Importer.run(files: files, engine: database.engine, actor: .importer(), partSize: 1)
                    Issue.record("case \(number) was imported")
                } catch let errors as ImportErrors {
                    #expect(errors.errors.map(\.key) == ["import.unknownReference"], "case \(number): \(errors.errors)")
                }
                #expect(try await snapshot(database.engine).recordCount == 0)
            }
        }
    }

    @Test("a read that must start again after a part was written (a section the scan missed) writes everything once", arguments: allEngines)
    func startedAgain(kind: EngineKind) async throws {
        // The quoted key is found only when the third file is composed, after the organisations were written.
        let texts = [
            "format: deltaberaad/1\norganisations:\n  - id: org-x\n    name: Ministerie\n    country: NL\n    level: national\n",
            "format: deltaberaad/1\nbodies: []\n",
            "format: deltaberaad/1\ndossiers: []\n\"documents\": []\n",
        ]
        let files = try TestFiles.yaml(texts)
        try await withDatabase(kind) { database in
            let summary = try await Importer.run(files: files, engine: database.engine, actor: .importer(), partSize: 1)
            #expect(summary.inserted == 1, "\(summary)")
            #expect(try await snapshot(database.engine).organisations.map(\.id) == ["org-x"])
            let audited = try await database.engine.read { db in
                try await db.raw("SELECT COUNT(*) AS n FROM audit_log").first()?.decode(column: "n", as: Int.self)
            }
            #expect(audited == 1, "one audit entry: the first attempt's was rolled back")
        }
    }

    @Test("an import that fails after many parts were written (each while the next was read) leaves nothing behind", arguments: allEngines)
    func failsAfterParts(kind: EngineKind) async throws {
        // The demo, written three records at a time, then a file whose last record is refused.
        let bad = "format: deltaberaad/2\nmilestones:\n  - {id: late, title: Laat, status: someday}\n"
        let files = TestPaths.demoFiles + (try TestFiles.yaml([bad]))
        try await withDatabase(kind) { database in
            do {
                _ = try await Importer.run(files: files, engine: database.engine, actor: .importer(), partSize: 3)
                Issue.record("the import succeeded")
            } catch let errors as ImportErrors {
                #expect(!errors.errors.isEmpty)
            }
            #expect(try await snapshot(database.engine).recordCount == 0)
            let audited = try await database.engine.read { db in
                try await db.raw("SELECT COUNT(*) AS n FROM audit_log").first()?.decode(column: "n", as: Int.self)
            }
            #expect(audited == 0, "the parts written before the refusal were rolled back")
            // And the register takes the same files without the bad one afterwards.
            let summary = try await Importer.run(files: TestPaths.demoFiles, engine: database.engine, actor: .importer(), partSize: 3)
            #expect(summary.inserted > 100, "\(summary)")
        }
    }
}
