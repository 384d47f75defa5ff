import DeltaDomain
import Testing

@Suite("Goal tree roll-up")
struct GoalRollUpTests {
    static let goals = [
        Goal(id: "g", level: .goal, title: "Doel"),
        Goal(id: "p1", level: .priority, parentID: "g", title: "Prioriteit 1"),
        Goal(id: "p2", level: .priority, parentID: "g", title: "Prioriteit 2"),
        Goal(id: "m1", level: .measure, parentID: "p1", title: "Met indicatoren"),
        Goal(id: "m2", level: .measure, parentID: "p1", title: "Met een dossier", dossierIDs: ["d-risk", "d-ok"]),
        Goal(id: "m3", level: .measure, parentID: "p2", title: "Zonder gegevens"),
    ]

    private func indicator(_ id: String, goal: String, baseline: Double?, target: Double?, values: [Double]) -> Indicator {
        Indicator(id: id, goalID: goal, title: id, unit: "%",
                  baseline: baseline.map { .init(value: $0, date: day("2024-12-31")) },
                  target: target.map { .init(value: $0, date: day("2030-12-31")) },
                  values: values.enumerated().map { .init(value: $1, date: day("2025-12-31").adding(days: $0)) })
    }

    @Test("attainment is the way from baseline to target, limited to 0…1; falling targets too")
    func attainment() {
        #expect(GoalRollUp.attainment(of: indicator("a", goal: "m1", baseline: 10, target: 20, values: [15])) == 0.5)
        #expect(GoalRollUp.attainment(of: indicator("a", goal: "m1", baseline: 10, target: 20, values: [12, 25])) == 1)
        #expect(GoalRollUp.attainment(of: indicator("a", goal: "m1", baseline: 100, target: 50, values: [75])) == 0.5)
        #expect(GoalRollUp.attainment(of: indicator("a", goal: "m1", baseline: 10, target: 20, values: [5])) == 0)
    }

    @Test("no baseline, no target or no value is no data, never 0 %")
    func noData() {
        #expect(GoalRollUp.attainment(of: indicator("a", goal: "m1", baseline: nil, target: 20, values: [15])) == nil)
        #expect(GoalRollUp.attainment(of: indicator("a", goal: "m1", baseline: 10, target: 20, values: [])) == nil)
        #expect(GoalRollUp.attainment(of: indicator("a", goal: "m1", baseline: 10, target: 10, values: [10])) == nil)
    }

    @Test("measures average their indicators with data; others take dossier health; parents average children with data")
    func rollUp() {
        let indicators = [indicator("i1", goal: "m1", baseline: 0, target: 10, values: [5]),
                          indicator("i2", goal: "m1", baseline: 0, target: 10, values: [10]),
                          indicator("i3", goal: "m1", baseline: nil, target: 10, values: [3])]
        let progress = GoalRollUp.progress(goals: Self.goals, indicators: indicators,
                                           dossierHealth: ["d-risk": .atRisk, "d-ok": .onTrack])
        let m1 = progress["m1"]!
        #expect(m1.attainment == 0.75 && m1.withData == 2 && m1.withoutData == 1 && m1.basis == .indicators)
        let m2 = progress["m2"]!
        #expect(m2.attainment == nil && m2.health == .atRisk && m2.basis == .dossierHealth)
        let m3 = progress["m3"]!
        #expect(m3.hasNoData && m3.basis == .noData)
        let p1 = progress["p1"]!
        #expect(p1.attainment == 0.75 && p1.health == .atRisk && p1.withData == 2 && p1.withoutData == 0)
        let p2 = progress["p2"]!
        #expect(p2.hasNoData && p2.withoutData == 1)
        // The goal: only p1 has data; p2's "no data" does not pull the mean down to 37.5 %.
        let g = progress["g"]!
        #expect(g.attainment == 0.75 && g.withData == 1 && g.withoutData == 1)
    }
}
