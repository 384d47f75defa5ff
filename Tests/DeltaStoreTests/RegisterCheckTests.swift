import DeltaDomain
import DeltaReports
import DeltaServices
import DeltaStore
import DeltaTestSupport
import Testing

// Note: closures are kept out of #expect arguments on purpose; see TestDatabase.swift.
@Suite("Register check")
struct RegisterCheckTests {
    private func findings(_ engine: any DatabaseEngine, on today: String) async throws -> [String] {
        let date = day(today)
        // The findings as the command line prints them in English.
        let found = try await reading(engine) { try await RegisterCheck.findings(in: $0, today: date) }
        return found.map(TestCatalogues.labels(.en).finding)
    }

    /// The ids of the overdue milestones in the findings, in order.
    private func overdueIDs(_ lines: [String]) -> [String] {
        lines.filter { $0.hasPrefix("overdue milestone ") }.map { String($0.split(separator: " ")[2]) }
    }

    /// The findings about one body's cadence.
    private func cadenceLines(_ lines: [String], body: String) -> [String] {
        lines.filter { $0.hasPrefix("cadence ") && $0.split(separator: " ")[2] == body }
    }

    @Test("overdue milestones and cadence risks of the demo, with today pinned", arguments: allEngines)
    func demoFindings(kind: EngineKind) async throws {
        try await withDatabase(kind) { database in
            try await Demo.importInto(database.engine)

            let november = try await findings(database.engine, on: "2026-11-23")
            let overdueNovember = overdueIDs(november)
            #expect(overdueNovember.contains("afsprakenkader-zomer-2026"), "\(november)")
            #expect(overdueNovember.contains("vervolgbijeenkomst-2026-q2"))
            #expect(overdueNovember.contains("kamerdebat-spoorgoederenvervoer-2026"))
            // A shared milestone is one finding, not one per dossier.
            let framework = overdueNovember.filter { $0 == "afsprakenkader-zomer-2026" }
            #expect(framework.count == 1, "\(overdueNovember)")
            let achieved = overdueNovember.filter { $0.hasPrefix("ondertekening-") }
            #expect(achieved.isEmpty, "achieved milestones are never overdue")
            let werkgroep = cadenceLines(november, body: "werkgroep-be-nl")
            #expect(werkgroep.count == 1 && werkgroep.first?.hasPrefix("cadence at-risk werkgroep-be-nl ") == true
                    && werkgroep.first?.contains(" 2026: ") == true, "\(werkgroep)")
            // No meeting of the consultation is recorded as held in 2026; its two planned ones lie in the past.
            let consultation = cadenceLines(november, body: "politiek-overleg")
            #expect(consultation.count == 1 && consultation.first?.hasPrefix("cadence at-risk politiek-overleg ") == true
                    && consultation.first?.contains(" 2026: ") == true
                    && consultation.first?.contains("2 planned meetings lie in the past but have not been recorded as held") == true, "\(consultation)")
            // Overdue milestones come first.
            let kinds = november.map { $0.hasPrefix("overdue milestone ") ? 0 : 1 }
            #expect(kinds == kinds.sorted())

            let february = try await findings(database.engine, on: "2026-02-19")
            let overdueFebruary = overdueIDs(february)
            #expect(overdueFebruary.count < overdueNovember.count)
            #expect(!overdueFebruary.contains("afsprakenkader-zomer-2026"))
            let werkgroepFebruary = cadenceLines(february, body: "werkgroep-be-nl")
            #expect(werkgroepFebruary.first?.hasPrefix("cadence at-risk werkgroep-be-nl ") == true, "\(werkgroepFebruary)")
            // In February the consultation's planned meetings still lie ahead: its rule is not at risk.
            #expect(cadenceLines(february, body: "politiek-overleg").isEmpty, "\(february)")
        }
    }
}
