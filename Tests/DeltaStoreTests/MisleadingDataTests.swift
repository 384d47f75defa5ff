import DeltaDomain
import DeltaReports
import DeltaServices
import DeltaStore
import DeltaTestSupport
import Testing

@Suite("deltaberaad check: data that can mislead")
struct MisleadingDataTests {
    static let actor = AuditActor(name: "test", via: "session")

    @Test("agreements without dossier or body, open milestones without owner, completion without evidence, dates without source",
          arguments: allEngines)
    func findings(kind: EngineKind) async throws {
        try await withDatabase(kind) { database in
            try await database.engine.transaction { db in
                let editor = RecordEditor(db: db, actor: Self.actor)
                try await editor.save(Organisation(id: "o", name: "Org", country: .NL, level: .national), expectedVersion: nil)
                try await editor.save(Document(id: "undated", kind: .minutes, title: "Zonder datum", date: nil, text: "Er is iets afgesproken."),
                                      expectedVersion: nil)
                try await editor.save(Document(id: "dated", kind: .minutes, title: "Met datum", date: day("2026-01-05"), text: "Tekst."),
                                      expectedVersion: nil)
                try await editor.save(Dossier(id: "d", title: "Dossier", summary: "S"), expectedVersion: nil)
                let passage = PassageReference(documentID: "undated", anchor: "p1", start: 0, length: 2, quote: "Er")
                // Written by an older version, before completion needed evidence.
                try await editor.save(Agreement(id: "loose", title: "Los", source: passage, completion: .complete), expectedVersion: nil)
                try await editor.save(Agreement(id: "placed", title: "Geplaatst", source: passage, dossierIDs: ["d"], completion: .complete,
                                                evidence: [.link(url: "https://example.org", title: "Verslag")]), expectedVersion: nil)
                try await editor.save(Milestone(id: "nobody", dossierID: "d", title: "Van niemand", due: FuzzyPeriod(day: day("2027-01-01"))),
                                      expectedVersion: nil)
                try await editor.save(Milestone(id: "owned", dossierID: "d", title: "Van iemand", due: FuzzyPeriod(day: day("2027-01-01")),
                                                ownerID: "o"), expectedVersion: nil)
            }
            let found = try await database.engine.read { db in
                try await RegisterCheck.findings(in: Register(db: db, scope: .everything), today: day("2026-06-01"))
            }
            let lines = found.map(TestCatalogues.labels(.en).finding)
            #expect(lines.contains { $0.hasPrefix("agreement without dossier or body loose") })
            #expect(!lines.contains { $0.contains("placed") }, "\(lines)")
            #expect(lines.contains { $0.hasPrefix("complete without evidence loose") })
            #expect(lines.contains { $0.hasPrefix("milestone without owner nobody") })
            #expect(!lines.contains { $0.contains("owned") })
            #expect(lines.contains { $0.hasPrefix("document without a source for its date dated") })
            #expect(!lines.contains { $0.contains("undated") && $0.hasPrefix("document") }, "an unknown date needs no source")
        }
    }
}
