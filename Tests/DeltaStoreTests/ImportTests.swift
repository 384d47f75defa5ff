import DeltaDomain
import DeltaImport
import DeltaStore
import Testing

@Suite("Import: upserts and idempotence")
struct ImportTests {
    @Test("importing the demo twice changes nothing, not even versions", arguments: allEngines)
    func demoTwiceIsIdempotent(kind: EngineKind) async throws {
        try await withDatabase(kind) { database in
            let first = try await Demo.importInto(database.engine)
            #expect(first.updated == 0 && first.unchanged == 0)
            let countsBefore = try await rowCounts(database.engine)
            let versionsBefore = try await recordVersions(database.engine)
            let snapshotBefore = try await snapshot(database.engine)
            #expect(first.inserted == snapshotBefore.recordCount)
            let notOne = versionsBefore.filter { !$0.value.hasPrefix("1 ") }
            #expect(notOne.isEmpty, "a first import writes version 1")

            let second = try await Demo.importInto(database.engine)
            #expect(second.inserted == 0)
            #expect(second.updated == 0)
            #expect(second.unchanged == first.inserted)

            #expect(try await rowCounts(database.engine) == countsBefore)
            let versionsAfter = try await recordVersions(database.engine)
            let changed = versionsAfter.filter { versionsBefore[$0.key] != $0.value }.keys.sorted()
            #expect(changed.isEmpty, "records rewritten by the second import: \(changed)")
            #expect(try await snapshot(database.engine) == snapshotBefore)
        }
    }

    @Test("compared with the register a few records at a time, an import finds the new, changed and unchanged records it finds at once", arguments: allEngines)
    func comparedInParts(kind: EngineKind) async throws {
        try await withDatabase(kind) { database in
            try await Demo.importInto(database.engine)
            var changed = try await snapshot(database.engine)
            #expect(changed.dossiers.count > 6 && changed.agreements.count > 6 && changed.milestones.count > 3)
            changed.dossiers[changed.dossiers.count - 1].title += " (gewijzigd)"
            changed.agreements[4].title += " (gewijzigd)"
            changed.milestones[changed.milestones.count - 2].title += " (gewijzigd)"
            // A new record in a part before a changed one, and one in a part of its own.
            var new = changed.dossiers[0]
            new.id = "nieuw-dossier"
            changed.dossiers.insert(new, at: 2)
            new.id = "nog-een-dossier"
            changed.dossiers.insert(new, at: 3)
            let written = changed
            let summary = try await database.engine.transaction { db in
                try await RegisterWriter(db: db, partSize: 3).save(written)
            }
            #expect(summary.inserted == 2 && summary.updated == 3 && summary.unchanged == changed.recordCount - 5, "\(summary)")
            let stored = try await snapshot(database.engine)
            func byID<R: Identifiable & Hashable>(_ records: [R]) -> [R.ID: R] { Dictionary(uniqueKeysWithValues: records.map { ($0.id, $0) }) }
            #expect(byID(stored.dossiers) == byID(changed.dossiers))
            #expect(byID(stored.agreements) == byID(changed.agreements))
            #expect(byID(stored.milestones) == byID(changed.milestones))
            #expect(stored.recordCount == changed.recordCount)
        }
    }

    @Test("a changed title updates the record and raises its version to 2", arguments: allEngines)
    func changedTitleUpdates(kind: EngineKind) async throws {
        let directory = try TemporaryDirectory()
        let original = try directory.write("v1/register.yaml", Fixture.small(dossierTitle: "Coördinatie van ERTMS"))
        let changed = try directory.write("v2/register.yaml", Fixture.small(dossierTitle: "Coördinatie en uitrol van ERTMS"))
        try await withDatabase(kind) { database in
            let first = try await Importer.run(files: [original], engine: database.engine)
            #expect(first.inserted == 4 && first.updated == 0 && first.unchanged == 0, "\(first)")
            #expect(try await storedVersion(database.engine, table: "dossiers", id: "ertms") == 1)

            let second = try await Importer.run(files: [changed], engine: database.engine)
            #expect(second.inserted == 0)
            #expect(second.updated == 1)
            #expect(second.unchanged == 3)

            #expect(try await storedVersion(database.engine, table: "dossiers", id: "ertms") == 2)
            #expect(try await storedVersion(database.engine, table: "organisations", id: "ienw") == 1)
            #expect(try await storedVersion(database.engine, table: "bodies", id: "werkgroep") == 1)
            let dossier = try await reading(database.engine) { try await $0.dossier(id: "ertms") }
            #expect(dossier?.title == "Coördinatie en uitrol van ERTMS")
            #expect(dossier?.bodyID == "werkgroep")
            #expect(try await rowCounts(database.engine)["dossiers"] == 1)

            // The same file once more: nothing changes.
            let third = try await Importer.run(files: [changed], engine: database.engine)
            #expect(third.inserted == 0 && third.updated == 0 && third.unchanged == 4, "\(third)")
            #expect(try await storedVersion(database.engine, table: "dossiers", id: "ertms") == 2)
        }
    }

    @Test("a later file may refer to records already in the register", arguments: allEngines)
    func referencesToStoredRecords(kind: EngineKind) async throws {
        let directory = try TemporaryDirectory()
        let base = try directory.write("base.yaml", Fixture.small(dossierTitle: "ERTMS"))
        let later = try directory.write("later.yaml", """
            format: deltaberaad/1
            agreements:
              - id: afspraak-werkgroep
                title: De werkgroep komt tweemaal per jaar bijeen
                source:
                  document: verklaring
                  quote: De werkgroep komt ten minste   tweemaal per jaar bijeen
                dossiers: [ertms]
                body: werkgroep
            milestones:
              - id: ertms-kader
                dossier: ertms
                title: Afsprakenkader
                due: rond de zomer
                source: {document: verklaring, quote: "rond de zomer van 2026"}
            """)
        try await withDatabase(kind) { database in
            _ = try await Importer.run(files: [base], engine: database.engine)
            let summary = try await Importer.run(files: [later], engine: database.engine)
            #expect(summary.inserted == 2 && summary.updated == 0, "\(summary)")
            let stored = try await reading(database.engine) { try await $0.agreement(id: "afspraak-werkgroep") }
            let agreement = try #require(stored)
            let paragraphs = try await reading(database.engine) { try await $0.paragraphs(documentID: "verklaring") }
            #expect(passageText(agreement.source, in: paragraphs) == "De werkgroep komt ten minste tweemaal per jaar bijeen")
            #expect(agreement.dossierIDs == ["ertms"])
            // A period without a year takes the year of the source document (stored, not in this file).
            let milestones = try await reading(database.engine) { try await $0.milestones(dossierID: "ertms") }
            let milestone = try #require(milestones.first)
            #expect(milestone.due.earliest == day("2026-06-01") && milestone.due.latest == day("2026-09-30"))
        }
    }
}

/// Small data files for the tests.
enum Fixture {
    /// One organisation, a document, a body and a dossier (four records).
    static func small(dossierTitle: String) -> String {
        """
        format: deltaberaad/1
        organisations:
          - id: ienw
            name: Ministerie van Infrastructuur en Waterstaat
            country: NL
            level: national
        documents:
          - id: verklaring
            kind: joint-declaration
            title: Verklaring
            date: 2026-02-18
            issuers: [ienw]
            text: |
              De werkgroep komt ten minste tweemaal per jaar bijeen om de voortgang te bespreken.

              Er ligt rond de zomer van 2026 een concreet afsprakenkader.
        bodies:
          - id: werkgroep
            name: Werkgroep
            kind: working-group
            cadence: {per_year: 2}
            members:
              - {organisation: ienw, role: co-chair}
        dossiers:
          - id: ertms
            title: \(dossierTitle)
            summary: Coördinatie en uitrol van ERTMS.
            body: werkgroep
            leads: [ienw]
        """
    }
}
