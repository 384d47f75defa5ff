import DeltaDomain
import DeltaImport
import DeltaStore
import DeltaTestSupport
import Foundation
import Testing

@Suite("Export and import round trip")
struct RoundTripTests {
    @Test("demo → export → import into a fresh database → same snapshot, same files", arguments: allEngines)
    func demoRoundTrip(kind: EngineKind) async throws {
        try await roundTrip(kind, files: try Demo.files())
    }

    @Test("records using every optional part survive export and import", arguments: allEngines)
    func edgeCaseRoundTrip(kind: EngineKind) async throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("edge.yaml", Self.edgeCases)
        try await roundTrip(kind, files: [file]) { exported in
            let internalOrganisation = exported.organisations.first(where: { $0.id == "org-internal" })
            let summit = exported.bodies.first(where: { $0.id == "summit" })
            let approx = exported.investments.first(where: { $0.id == "approx" })
            let small = exported.investments.first(where: { $0.id == "small" })
            let observer = exported.memberships.first(where: { $0.organisationID == "org-internal" })
            #expect(internalOrganisation?.visibility == .internal)
            #expect(exported.documents.first?.visibility == .delegationPrivate)
            #expect(summit?.cadence == .yearlyAround(season: "zomer"))
            #expect(approx?.amount == .approximate(cents: 123_456))
            #expect(approx?.firstYear == 2026)
            #expect(approx?.lastYear == 2030)
            #expect(small?.amount == .exact(cents: 5))
            let regime = exported.allocationRegimes.first(where: { $0.id == "nl-regime" })
            #expect(regime?.fundingSources == [.nlMobiliteitsfonds, .other])
            #expect(regime?.explanation == "Eerste regel.\nTweede regel met <b>tekens</b> & \"aanhalingstekens\".")
            #expect(regime?.source?.documentID == "verslag")
            #expect(exported.allocationRegimes.first(where: { $0.id == "eu-regime" })?.explanation == nil)
            #expect(exported.allocationRegimes.first(where: { $0.id == "intern-regime" })?.visibility == .internal)
            #expect(observer?.until == day("2027-12-31"))
            #expect(exported.agreements.first?.due?.latest == day("2026-06-30"))
        }
    }

    @Test("export --public of a register with hidden records imports cleanly into an empty one and exports the same again",
          arguments: allEngines)
    func publicExportRoundTrip(kind: EngineKind) async throws {
        let first = try TemporaryDirectory(), second = try TemporaryDirectory()
        // Tests/Fixtures/hidden-records.yaml: hidden records of every kind, and public ones that refer to them.
        let exported = try await withDatabase(kind) { database in
            _ = try await Importer.run(files: [TestPaths.hiddenRecordsFixture], engine: database.engine)
            let exported = try await snapshot(database.engine, scope: .publicOnly)
            try Exporter.write(exported, to: first.url.path)
            return exported
        }
        #expect(exported.dossiers.map(\.id).sorted() == ["pub-dossier", "pub-dossier-2"])
        #expect(exported.milestones.first { $0.id == "pub-ms-shared" }?.dossierIDs == ["pub-dossier"])
        #expect(exported.investments.map(\.id).sorted() == ["pub-inv", "pub-inv-2", "pub-inv-in-hidden-agreement"])
        try await withDatabase(kind) { database in
            let summary = try await Importer.run(files: try first.yamlFiles(), engine: database.engine)
            #expect(summary.inserted == exported.recordCount && summary.updated == 0, "\(summary)")
            let restored = try await snapshot(database.engine)
            expectEqual(restored, exported)
            try Exporter.write(restored, to: second.url.path)
        }
        let firstNames = try FileManager.default.subpathsOfDirectory(atPath: first.url.path).sorted()
        #expect(firstNames == (try FileManager.default.subpathsOfDirectory(atPath: second.url.path).sorted()))
        for name in firstNames where name.hasSuffix(".yaml") || name.hasSuffix(".txt") {
            let a = FileManager.default.contents(atPath: first.url.appendingPathComponent(name).path)
            let b = FileManager.default.contents(atPath: second.url.appendingPathComponent(name).path)
            #expect(a != nil && a == b, "\(name) differs between the public export and the export of its import")
            let text = a.map { String(decoding: $0, as: UTF8.self).lowercased() } ?? ""
            #expect(!text.contains("zzpriv") && !text.contains("zzhide"), "\(name) names a hidden record")
        }
    }

    private func roundTrip(_ kind: EngineKind, files: [String], check: (RegisterSnapshot) -> Void = { _ in }) async throws {
        let first = try TemporaryDirectory(), second = try TemporaryDirectory()
        let original = try await withDatabase(kind) { database in
            _ = try await Importer.run(files: files, engine: database.engine)
            let original = try await snapshot(database.engine)
            try Exporter.write(original, to: first.url.path)
            return original
        }
        check(original)
        #expect(original.recordCount > 0)
        let exportedFiles = try first.yamlFiles()
        let exportedNames = exportedFiles.map { URL(fileURLWithPath: $0).lastPathComponent }
        #expect(exportedNames == ["agreements.yaml", "allocation_regimes.yaml", "bodies.yaml", "documents.yaml", "dossiers.yaml", "goals.yaml", "indicators.yaml",
                                  "investments.yaml", "meetings.yaml", "milestones.yaml", "obstacles.yaml", "organisations.yaml", "rail_links.yaml"])

        try await withDatabase(kind) { database in
            let summary = try await Importer.run(files: exportedFiles, engine: database.engine)
            #expect(summary.inserted == original.recordCount && summary.updated == 0, "\(summary)")
            let restored = try await snapshot(database.engine)
            expectEqual(restored, original)
            try Exporter.write(restored, to: second.url.path)
        }

        let firstNames = try FileManager.default.subpathsOfDirectory(atPath: first.url.path).sorted()
        let secondNames = try FileManager.default.subpathsOfDirectory(atPath: second.url.path).sorted()
        #expect(firstNames == secondNames)
        for name in firstNames where name.hasSuffix(".yaml") || name.hasSuffix(".txt") {
            let a = FileManager.default.contents(atPath: first.url.appendingPathComponent(name).path)
            let b = FileManager.default.contents(atPath: second.url.appendingPathComponent(name).path)
            #expect(a != nil && a == b, "\(name) differs between the first and the second export")
        }
    }

    /// Compares snapshots part by part, so a failure names the records that differ.
    private func expectEqual(_ restored: RegisterSnapshot, _ original: RegisterSnapshot) {
        func differing<T: Equatable>(_ a: [T], _ b: [T]) -> String {
            guard a != b else { return "" }
            if a.count != b.count { return "\(a.count) vs \(b.count) records" }
            return zip(a, b).filter { $0 != $1 }.prefix(3).map { "\($0)\n   ≠ \($1)" }.joined(separator: "\n")
        }
        #expect(restored.organisations == original.organisations, "\(differing(restored.organisations, original.organisations))")
        #expect(restored.documents == original.documents, "\(differing(restored.documents, original.documents))")
        #expect(restored.bodies == original.bodies, "\(differing(restored.bodies, original.bodies))")
        #expect(restored.memberships == original.memberships, "\(differing(restored.memberships, original.memberships))")
        #expect(restored.dossiers == original.dossiers, "\(differing(restored.dossiers, original.dossiers))")
        #expect(restored.agreements == original.agreements, "\(differing(restored.agreements, original.agreements))")
        #expect(restored.milestones == original.milestones, "\(differing(restored.milestones, original.milestones))")
        #expect(restored.meetings == original.meetings, "\(differing(restored.meetings, original.meetings))")
        #expect(restored.investments == original.investments, "\(differing(restored.investments, original.investments))")
        #expect(restored.goals == original.goals, "\(differing(restored.goals, original.goals))")
        #expect(restored.indicators == original.indicators, "\(differing(restored.indicators, original.indicators))")
        #expect(restored.allocationRegimes == original.allocationRegimes, "\(differing(restored.allocationRegimes, original.allocationRegimes))")
        #expect(restored == original)
    }

    /// Records that use the optional parts the demo data does not: other visibilities, inline
    /// text, a season cadence, membership end dates, approximate and decimal amounts, years, a
    /// funding source, periods without a year, a mandate without a document; and every key of
    /// format 2: imprecise and unknown dates with their source, stubs and relations, meeting
    /// records and a two-year rule, shared milestones, evidence, meeting notes, the investment
    /// fields, the goal tree and its indicators; and format 3's allocation regimes (several
    /// funding sources, a multi-line explanation with a source, none, an internal one).
    static let edgeCases = """
        format: deltaberaad/4
        organisations:
          - id: org-public
            name: Ministerie
            short_name: Min
            country: NL
            level: national
            website: https://example.org/ministerie
          - id: org-internal
            name: Afdeling
            country: NL
            level: national
            parent: org-public
            visibility: internal
        documents:
          - id: verslag
            kind: minutes
            title: "Verslag: delegatieoverleg"
            date: 2026-03-02
            date_source: kop van het verslag
            relations:
              - {type: builds-on, document: oude-verklaring, planned: true, quote: "De delegaties spreken af", note: Zie de kop.}
              - {type: cites, document: brief-zonder-datum}
            place: Den Haag
            language: nl
            issuers: [org-public]
            signatories:
              - {name: Iemand, role: Voorzitter}
            deadline: eind maart
            attachments: 0
            summary: Intern verslag.
            visibility: delegation-private
            text: |
              Verslag

              De delegaties spreken af voor de zomer een voorstel te doen.
              De kosten zijn circa 1234,56 euro.
          - id: oude-verklaring
            kind: declaration-of-intent
            title: Oude verklaring
            stub: true
            date: juni 2022
            date_source: genoemd in het verslag
            reference: REF-1
          - id: brief-zonder-datum
            kind: letter-to-parliament
            title: Brief zonder datum
            stub: true
        bodies:
          - id: summit
            name: Top
            kind: summit
            cadence: {yearly_around: zomer}
            members:
              - {organisation: org-public, role: chair, person: "Voorzitter, tijdelijk", from: 2026-01-01}
              - {organisation: org-internal, role: observer, invited: false, until: 2027-12-31}
          - id: half
            name: Halfjaarlijks overleg
            kind: regional-consultation
            description: Komt elk halfjaar bijeen.
            cadence: {per_half_year: 1}
            parent: summit
            since: 2026-03-02
            meetings_recorded_since: 2026-03-02
          - id: biennial
            name: Tweejaarlijks overleg
            kind: platform
            cadence: {every_years: 2}
            visibility: internal
        rail_links:
          - id: a-b
            name: A–B
          - id: hamont-weert
            name: Hamont–Weert
            aliases: [Weert–Hamont, "IJzeren: Rijn"]
            stations: [Hamont, Budel, Weert]
            status: under-construction
            use: [passenger, freight]
            sides:
              - {country: BE, section: "Hamont–grens", ertms: level 2, electrification: 25 kV 50 Hz, freight_740m: true}
              - {country: NL, freight_740m: false}
              - {country: DE}
            summary: |
              Twee regels
              samenvatting.
            source: {document: verslag, quote: "De delegaties spreken af"}
            visibility: internal
        dossiers:
          - id: dossier-x
            title: Dossier X
            summary: Een dossier.
            themes: [freight]
            leads: [org-public]
            rail_links: [A–B, Weert–Hamont]
            mandate: {given: Q3 2026, body: summit, note: Nog te bevestigen.}
          - id: dossier-y
            title: Dossier Y
            summary: Nog een dossier.
        agreements:
          - id: voorstel
            title: Voorstel voor de zomer
            source: {document: verslag, quote: "De delegaties spreken af voor de zomer een voorstel te doen."}
            parties: [org-public, org-internal]
            dossiers: [dossier-x]
            body: summit
            due: voor de zomer
            completion: substantial
            visibility: internal
          - id: gedaan
            title: Gedaan
            source: {document: verslag, quote: "De kosten zijn circa"}
            body: summit
            completion: complete
            evidence:
              - {document: verslag, quote: "voor de zomer een voorstel"}
              - {link: "https://example.org/besluit", title: Besluit}
              - {meeting: top-2026, decision: b1}
        goals:
          - id: doel
            level: goal
            title: Een doel
            source: {document: verslag, quote: De delegaties spreken af}
          - id: prioriteit
            level: priority
            parent: doel
            title: Een prioriteit
            description: Uitleg.
          - id: maatregel
            level: measure
            parent: prioriteit
            title: Een maatregel
            dossiers: [dossier-x, dossier-y]
            agreements: [voorstel]
            visibility: internal
        indicators:
          - id: aandeel
            goal: maatregel
            title: Aandeel
            unit: "%"
            baseline: {value: 12.5, date: 2024-12-31}
            target: {value: 20}
            values:
              - {value: 14, date: 2025-12-31, source: jaarverslag}
            source: {document: verslag, quote: De kosten zijn}
        milestones:
          - id: gedeeld
            dossiers: [dossier-x, dossier-y]
            title: Gedeelde gebeurtenis
            due: 2026-05-01
            status: planned
          - id: voorstel-klaar
            dossier: dossier-x
            title: Voorstel klaar
            due: eind maart
            owner: org-internal
            status: delayed
            source: {document: verslag, quote: voor de zomer een voorstel}
            note: Loopt uit.
        meetings:
          - id: top-2026
            body: summit
            title: Top 2026
            when: juni
            status: planned
            note: Misschien samen met het halfjaarlijks overleg.
            source: {document: verslag, quote: De delegaties spreken af}
          - id: half-2026
            body: half
            title: Eerste overleg
            when: 2026-03-02
            place: Brussel
            status: cancelled
          - id: timed-2026
            body: half
            title: Overleg met tijd
            when: 2026-10-05
            time: "10.00 tot 12.30 uur"
            time_zone: Europe/Amsterdam
            online: true
            invitees:
              - {organisation: org-public, attendance: present}
              - {person: Gastspreker}
            status: confirmed
        investments:
          - id: approx
            title: Geschatte kosten
            amount: {approximate: "1234.56"}
            wording: circa 1234,56 euro
            organisation: org-public
            country: NL
            funding_source: nl-mobiliteitsfonds
            years: {per_year: [2026, 2030]}
            status: committed
            co_financing: [{organisation: org-public, percent: 60}, {organisation: org-internal, percent: 12.5}]
            agreement: voorstel
            measure: maatregel
            dossier: dossier-x
            source: {document: verslag, quote: "circa 1234,56 euro"}
          - id: small
            title: Klein deel
            amount: {exact: "0.05"}
            wording: vijf cent
            organisation: org-public
            country: BE
            years: [2027]
            part_of: approx
            visibility: delegation-private
        allocation_regimes:
          - id: nl-regime
            country: NL
            funding_sources: [nl-mobiliteitsfonds, other]
            title: "Mobiliteitsfonds: regels"
            explanation: |
              Eerste regel.
              Tweede regel met <b>tekens</b> & "aanhalingstekens".
            source: {document: verslag, quote: De delegaties spreken af}
          - id: eu-regime
            country: EU
            title: CEF
          - id: intern-regime
            country: BE
            funding_sources: [flemish-budget]
            title: Intern
            explanation: Alleen voor ingelogden.
            visibility: internal
        """
}
