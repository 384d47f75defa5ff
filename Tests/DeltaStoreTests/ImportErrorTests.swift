import DeltaDomain
import DeltaImport
import DeltaReports
import DeltaStore
import DeltaTestSupport
import Foundation
import Testing

/// One kind of bad data file. The line the error must name is marked with `# <- here`.
struct BadInput: Sendable, CustomTestStringConvertible {
    let name: String
    /// The file's text; nil for a file that does not exist.
    let yaml: String?
    /// Words the message must contain.
    let mentions: [String]

    var testDescription: String { name }

    /// The 1-based line marked `# <- here`.
    var markedLine: Int? {
        guard let yaml else { return nil }
        return yaml.split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.contains("# <- here") }.map { $0 + 1 }
    }

    static let all: [BadInput] = [
        BadInput(name: "invalid YAML syntax", yaml: """
            format: deltaberaad/1
            organisations:
              - id: org-x
                name: Ministerie: van Zaken  # <- here
                country: NL
                level: national
            """, mentions: ["not valid YAML"]),
        BadInput(name: "missing format line", yaml: """
            # Organisaties zonder format-regel  # <- here
            organisations:
              - id: org-x
                name: Ministerie
                country: NL
                level: national
            """, mentions: ["format: deltaberaad/4"]),
        BadInput(name: "wrong format version", yaml: """
            # Een bestand van een latere versie
            format: deltaberaad/9  # <- here
            organisations:
              - id: org-x
                name: Ministerie
                country: NL
                level: national
            """, mentions: ["deltaberaad/4", "deltaberaad/3", "deltaberaad/2", "deltaberaad/1"]),
        BadInput(name: "unknown key (typo)", yaml: """
            format: deltaberaad/1
            organisations:
              - id: org-x
                name: Ministerie
                contry: NL  # <- here
                level: national
            """, mentions: ["unknown key", "contry", "organisation"]),
        BadInput(name: "unknown key (typo) holding a mapping", yaml: """
            format: deltaberaad/1
            agreements:
              - id: afspraak-x
                title: Werkgroep
                sorce:  # <- here
                  document: doc-1
                  quote: De werkgroep komt ten minste tweemaal per jaar bijeen
            """, mentions: ["unknown key", "sorce"]),
        BadInput(name: "unknown reference (dossier → body)", yaml: """
            format: deltaberaad/1
            dossiers:
              - id: dossier-x
                title: Dossier X
                summary: Een dossier met een verkeerde werkgroep.
                themes: [freight]
                body: werkgroep-bestaat-niet  # <- here
                leads: [org-nl]
            """, mentions: ["dossier “dossier-x”", "unknown body", "werkgroep-bestaat-niet"]),
        BadInput(name: "quote not in the document", yaml: """
            format: deltaberaad/1
            agreements:
              - id: afspraak-x
                title: Iets dat niet in de tekst staat
                source:
                  document: doc-1
                  quote: De werkgroep komt ten minste driemaal per jaar bijeen  # <- here
                parties: [org-nl]
            """, mentions: ["agreement “afspraak-x”", "is not in document", "doc-1"]),
        BadInput(name: "unparseable period", yaml: """
            format: deltaberaad/1
            milestones:
              - id: mijlpaal-x
                dossier: dossier-a
                title: Afsprakenkader
                due: ergens binnenkort  # <- here
            """, mentions: ["milestone “mijlpaal-x”", "ergens binnenkort", "not a period"]),
        BadInput(name: "bad enum value", yaml: """
            format: deltaberaad/1
            organisations:
              - id: org-x
                name: Ministerie
                country: NL
                level: nationaal  # <- here
            """, mentions: ["nationaal", "not a valid level", "national"]),
        BadInput(name: "duplicate id", yaml: """
            format: deltaberaad/1
            organisations:
              - id: org-y
                name: Ministerie
                country: NL
                level: national
              - id: org-y  # <- here
                name: Ministerie bis
                country: NL
                level: national
            """, mentions: ["organisation “org-y”", "defined twice", "bad.yaml:3"]),
        BadInput(name: "range with low > high", yaml: """
            format: deltaberaad/1
            investments:
              - id: investering-x
                title: Investering
                amount: {range: [250000000, 200000000]}  # <- here
                wording: €200–250 miljoen
                organisation: org-nl
                country: NL
            """, mentions: ["investment “investering-x”", "range", "lowest ≤ highest"]),
        BadInput(name: "achieved milestone without achieved_on", yaml: """
            format: deltaberaad/1
            milestones:
              - id: mijlpaal-x
                dossier: dossier-a
                title: Verklaring ondertekend
                due: 18 februari 2026
                status: achieved  # <- here
            """, mentions: ["milestone “mijlpaal-x”", "achieved_on"]),
        BadInput(name: "a file that does not exist", yaml: nil, mentions: ["cannot be read"]),
        // Nine levels of aliases would stand for a billion nodes in a file of a few hundred bytes.
        BadInput(name: "aliases that multiply (billion laughs)", yaml: """
            format: deltaberaad/3
            dossiers:
              - &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]
              - &l1 [*l0, *l0, *l0, *l0, *l0, *l0, *l0, *l0, *l0, *l0]
              - &l2 [*l1, *l1, *l1, *l1, *l1, *l1, *l1, *l1, *l1, *l1]
              - &l3 [*l2, *l2, *l2, *l2, *l2, *l2, *l2, *l2, *l2, *l2]
              - &l4 [*l3, *l3, *l3, *l3, *l3, *l3, *l3, *l3, *l3, *l3]
              - &l5 [*l4, *l4, *l4, *l4, *l4, *l4, *l4, *l4, *l4, *l4]
              - &l6 [*l5, *l5, *l5, *l5, *l5, *l5, *l5, *l5, *l5, *l5]
              - &l7 [*l6, *l6, *l6, *l6, *l6, *l6, *l6, *l6, *l6, *l6]
              - &l8 [*l7, *l7, *l7, *l7, *l7, *l7, *l7, *l7, *l7, *l7]
            """, mentions: ["aliases", "larger than the file"]),
        BadInput(name: "a text longer than the API allows", yaml: """
            format: deltaberaad/1
            organisations:
              - id: org-long
                name: "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"  # <- here
                country: NL
                level: national
            """, mentions: ["“name”", "2001 characters", "at most 2000"]),
        BadInput(name: "a control character in a text", yaml: """
            format: deltaberaad/1
            organisations:
              - id: org-nul
                name: "voor\\0na"  # <- here
                country: NL
                level: national
            """, mentions: ["“name”", "control character"]),
        BadInput(name: "allocation regime: unknown funding source", yaml: """
            format: deltaberaad/3
            allocation_regimes:
              - id: regime-x
                country: NL
                funding_sources: [nl-mobiliteitsfonds, nl-mirt]  # <- here
                title: Mobiliteitsfonds
            """, mentions: ["allocation regime “regime-x”", "nl-mirt", "funding_sources"]),
        BadInput(name: "allocation regime: funding source twice", yaml: """
            format: deltaberaad/3
            allocation_regimes:
              - id: regime-x
                country: BE
                funding_sources: [flemish-budget, flemish-budget]  # <- here
                title: Vlaamse begroting
            """, mentions: ["allocation regime “regime-x”", "flemish-budget", "twice"]),
        BadInput(name: "allocation regime: no country", yaml: """
            format: deltaberaad/3
            allocation_regimes:
              - id: regime-x  # <- here
                title: Vlaamse begroting
            """, mentions: ["allocation regime “regime-x”", "country"]),
        BadInput(name: "allocation regime: source quote not in the document", yaml: """
            format: deltaberaad/3
            allocation_regimes:
              - id: regime-x
                country: EU
                title: CEF
                explanation: Uitleg.
                source:
                  document: doc-1
                  quote: Een zin die nergens staat  # <- here
            """, mentions: ["allocation regime “regime-x”", "doc-1"]),
        BadInput(name: "allocation regimes in a format 2 file", yaml: """
            format: deltaberaad/2
            allocation_regimes:  # <- here
              - id: regime-x
                country: EU
                title: CEF
            """, mentions: ["allocation_regimes", "deltaberaad/3", "deltaberaad/2"]),
        BadInput(name: "rail links in a format 3 file", yaml: """
            format: deltaberaad/3
            rail_links:  # <- here
              - id: hamont-weert
                name: Hamont–Weert
            """, mentions: ["rail_links", "deltaberaad/4", "deltaberaad/3"]),
        BadInput(name: "a rail link through a station the station file does not have", yaml: """
            format: deltaberaad/4
            rail_links:
              - id: hamont-weert
                name: Hamont–Weert
                stations: [Hamont, Weert Centraal]  # <- here
            """, mentions: ["rail link “hamont-weert”", "Weert Centraal", "station file"]),
        BadInput(name: "a rail link with a status the register does not know", yaml: """
            format: deltaberaad/4
            rail_links:
              - id: hamont-weert
                name: Hamont–Weert
                status: gesloten  # <- here
            """, mentions: ["gesloten", "operational", "not-functional"]),
        BadInput(name: "a dossier naming a rail link nobody defined (format 4)", yaml: """
            format: deltaberaad/4
            dossiers:
              - id: dossier-x
                title: Dossier X
                summary: Een dossier over een verbinding die er niet is.
                rail_links: [Zandvoort–Knokke]  # <- here
            """, mentions: ["dossier “dossier-x”", "Zandvoort–Knokke", "rail_links"]),
    ]
}

@Suite("Import errors: file:line, a clear message, and nothing written")
struct ImportErrorTests {
    /// The messages are checked in English, the wording the data authors' documentation uses.
    static let english = TestCatalogues.labels(.en)

    @Test("bad input is reported at the right line and nothing is written", arguments: BadInput.all, allEngines)
    func badInput(_ input: BadInput, kind: EngineKind) async throws {
        let directory = try TemporaryDirectory()
        let base = try directory.write("base.yaml", Self.base)
        let good = try directory.write("good.yaml", Self.goodInSameRun)
        let badPath: String
        if let yaml = input.yaml {
            badPath = try directory.write("bad.yaml", yaml)
        } else {
            badPath = directory.path("bestaat-niet.yaml")
        }

        try await withDatabase(kind) { database in
            let engine = database.engine
            _ = try await Importer.run(files: [base], engine: engine)
            let countsBefore = try await rowCounts(engine)
            let versionsBefore = try await recordVersions(engine)
            let snapshotBefore = try await snapshot(engine)

            let errors = try await expectImportErrors(files: [good, badPath], engine: engine)
            let report = errors.rendered(in: Self.english)
            #expect(errors.errors.count == 1, "expected one error, got:\n\(report)")
            let mine = errors.errors.first(where: { $0.file == badPath })
            let error = try #require(mine, "no error names \(badPath):\n\(report)")
            let message = error.message(in: Self.english)
            let rendered = error.rendered(in: Self.english)

            if let line = input.markedLine {
                #expect(error.line == line, "expected line \(line): \(rendered)")
                #expect(report.contains("\(badPath):\(line): "), "\(report)")
            } else {
                #expect(error.line == nil, "\(rendered)")
                #expect(report.hasPrefix("\(badPath): "), "\(report)")
            }
            for word in input.mentions {
                #expect(message.contains(word) || rendered.contains(word), "“\(word)” not in: \(rendered)")
            }

            // Nothing was written: not the good records of the same run, not the change to dossier-a.
            #expect(try await rowCounts(engine) == countsBefore)
            #expect(try await recordVersions(engine) == versionsBefore)
            #expect(try await snapshot(engine) == snapshotBefore)
            let orgDE = try await reading(engine) { try await $0.organisation(id: "org-de") }
            #expect(orgDE == nil)
        }
    }

    @Test("every error of a run is reported, in file and line order", arguments: allEngines)
    func allErrorsReported(kind: EngineKind) async throws {
        let directory = try TemporaryDirectory()
        let base = try directory.write("base.yaml", Self.base)
        let bad = try directory.write("bad.yaml", """
            format: deltaberaad/1
            organisations:
              - id: org-x
                name: Ministerie
                country: XX
                level: national
              - id: org-y
                name: Ministerie
                country: NL
                level: nationaal
            """)
        try await withDatabase(kind) { database in
            _ = try await Importer.run(files: [base], engine: database.engine)
            let before = try await rowCounts(database.engine)
            let errors = try await expectImportErrors(files: [bad], engine: database.engine)
            let report = errors.rendered(in: Self.english)
            #expect(errors.errors.map(\.line) == [5, 10], "\(report)")
            #expect(report.contains("\(bad):5: "), "\(report)")
            #expect(report.contains("\(bad):10: "), "\(report)")
            #expect(try await rowCounts(database.engine) == before)
        }
    }

    @Test("a parent cycle is a data error at a line, not a database error", arguments: allEngines)
    func parentCycle(kind: EngineKind) async throws {
        let directory = try TemporaryDirectory()
        let base = try directory.write("base.yaml", Self.base)
        let bad = try directory.write("cycle.yaml", """
            format: deltaberaad/1
            organisations:
              - id: org-a
                name: A
                country: NL
                level: national
                parent: org-b
              - id: org-b
                name: B
                country: NL
                level: national
                parent: org-a
            """)
        try await withDatabase(kind) { database in
            _ = try await Importer.run(files: [base], engine: database.engine)
            let before = try await rowCounts(database.engine)
            do {
                let summary = try await Importer.run(files: [bad], engine: database.engine)
                Issue.record("a parent cycle was imported: \(summary)")
            } catch let errors as ImportErrors {
                let lines = errors.errors.map(\.line)
                let report = errors.rendered(in: Self.english)
                #expect(errors.errors.count == 1 && (lines == [7] || lines == [12]), "\(report)")
                #expect(report.hasPrefix("\(bad):"), "\(report)")
                #expect(report.contains("org-a") && report.contains("org-b"), "\(report)")
                #expect(report.contains("is its own ancestor"), "\(report)")
            } catch {
                Issue.record("expected ImportErrors naming \(bad) and the line, got \(String(reflecting: error))")
            }
            #expect(try await rowCounts(database.engine) == before)
        }
    }

    @Test("an error reads in French with its file:line, and the data's own words stay as written")
    func frenchRendering() async throws {
        let directory = try TemporaryDirectory()
        let bad = try directory.write("mauvais.yaml", """
            format: deltaberaad/1
            organisations:
              - id: org-x
                name: Ministère
                contry: BE
                level: federal
            """)
        let errors: ImportErrors
        do {
            let snapshot = try await Importer.read(files: [bad])
            Issue.record("a file with an unknown key was read: \(snapshot.organisations.count) organisations")
            return
        } catch let caught as ImportErrors {
            errors = caught
        }
        let error = try #require(errors.errors.first, "no error")
        #expect(errors.errors.count == 1, "\(errors)")
        let french = TestCatalogues.labels(.fr)
        let line = errors.rendered(in: french)
        #expect(line.hasPrefix("\(bad):5: "), "file:line first: \(line)")
        #expect(line == error.rendered(in: french), "\(line)")
        let message = error.message(in: french)
        let expected = "organisation « org-x » : clé inconnue « contry » (clés admises : country, id, level, name, parent, short_name, visibility, website)"
        #expect(message == expected, "\(message)")
        let english = error.message(in: Self.english)
        #expect(english == "organisation “org-x”: unknown key “contry” (allowed: country, id, level, name, parent, short_name, visibility, website)")
        let dutch = error.message(in: TestCatalogues.labels(.nl))
        #expect(dutch == "organisatie “org-x”: onbekende sleutel “contry” (toegestaan: country, id, level, name, parent, short_name, visibility, website)")
    }

    private func expectImportErrors(files: [String], engine: any DatabaseEngine) async throws -> ImportErrors {
        do {
            let summary = try await Importer.run(files: files, engine: engine)
            Issue.record("the import succeeded (\(summary)) but should have failed")
            throw TestSetupError(description: "no import error")
        } catch let errors as ImportErrors {
            return errors
        }
    }

    /// The register the bad files are imported into.
    static let base = """
        format: deltaberaad/1
        organisations:
          - id: org-nl
            name: Ministerie Nederland
            country: NL
            level: national
          - id: org-be
            name: Federale Overheidsdienst België
            country: BE
            level: federal
        documents:
          - id: doc-1
            kind: joint-declaration
            title: Verklaring
            date: 2026-02-18
            issuers: [org-nl, org-be]
            text: |
              De werkgroep komt ten minste tweemaal per jaar bijeen om de voortgang te bespreken.

              Er ligt rond de zomer van 2026 een concreet afsprakenkader.
        bodies:
          - id: wg
            name: Werkgroep
            kind: working-group
            cadence: {per_year: 2}
            members:
              - {organisation: org-nl, role: co-chair}
              - {organisation: org-be, role: co-chair}
        dossiers:
          - id: dossier-a
            title: Dossier A
            summary: Een dossier om mee te testen.
            body: wg
            leads: [org-nl, org-be]
        agreements:
          - id: afspraak-a
            title: Werkgroep tweemaal per jaar
            source:
              document: doc-1
              quote: De werkgroep komt ten minste tweemaal per jaar bijeen
            parties: [org-nl, org-be]
            dossiers: [dossier-a]
            body: wg
        """

    /// Valid records imported in the same run as the bad file: new ones and a change.
    static let goodInSameRun = """
        format: deltaberaad/1
        organisations:
          - id: org-de
            name: Bundesministerium
            country: DE
            level: federal
        dossiers:
          - id: dossier-a
            title: Dossier A, gewijzigd
            summary: Een dossier om mee te testen.
            body: wg
            leads: [org-nl, org-be]
          - id: dossier-b
            title: Dossier B
            summary: Nog een dossier.
            body: wg
        milestones:
          - id: mijlpaal-b
            dossier: dossier-b
            title: Afsprakenkader
            due: rond de zomer van 2026
            source: {document: doc-1, quote: rond de zomer van 2026}
        """
}
