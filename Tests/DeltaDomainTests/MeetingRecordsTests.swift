import DeltaDomain
import Testing

@Suite("Cadence with meeting records and rules over several years")
struct MeetingRecordsTests {
    static let today = day("2026-06-15")

    private func held(_ iso: String) -> Meeting {
        Meeting(id: "m-\(iso)", bodyID: "b", title: "Overleg", when: FuzzyPeriod(day: day(iso)), status: .held)
    }

    @Test("a past year without recorded meetings is unknown when the register does not keep the body's meetings")
    func notKeptIsUnknown() {
        let result = CadenceRules.compliance(rule: .perYear(count: 1), since: day("2018-11-05"), records: .notKept,
                                             meetings: [], year: 2020, today: Self.today)
        #expect(result.compliance == .unknown)
        guard case .calendarYear(_, _, _, .notRecorded) = result.explanation else {
            Issue.record("explanation: \(result.explanation)")
            return
        }
    }

    @Test("missed only from the day the register keeps the meetings; met stays met without records")
    func missedFromRecordedSince() {
        let records = MeetingRecords.since(day("2024-01-01"))
        let before = CadenceRules.compliance(rule: .perYear(count: 1), since: nil, records: records, meetings: [], year: 2023, today: Self.today)
        let after = CadenceRules.compliance(rule: .perYear(count: 1), since: nil, records: records, meetings: [], year: 2024, today: Self.today)
        #expect(before.compliance == .unknown)
        #expect(after.compliance == .missed)
        let met = CadenceRules.compliance(rule: .perYear(count: 1), since: nil, records: .notKept, meetings: [held("2023-05-01")],
                                          year: 2023, today: Self.today)
        #expect(met.compliance == .met)
        // Records kept from the body's first day count as kept for its whole first year.
        let firstYear = CadenceRules.compliance(rule: .perYear(count: 2), since: day("2024-02-18"), records: .since(day("2024-02-18")),
                                                meetings: [held("2024-05-01")], year: 2024, today: Self.today)
        #expect(firstYear.compliance == .missed)
    }

    @Test("half-year rules: a half before the records is unknown, a later one missed")
    func halves() {
        let result = CadenceRules.compliance(rule: .perHalfYear(count: 1), since: nil, records: .since(day("2025-07-01")),
                                             meetings: [], year: 2025, today: Self.today)
        #expect(result.compliance == .missed)
        let unknown = CadenceRules.compliance(rule: .perHalfYear(count: 1), since: nil, records: .since(day("2026-01-01")),
                                              meetings: [], year: 2025, today: Self.today)
        #expect(unknown.compliance == .unknown)
    }

    @Test("every two years: periods from the body's first year; a meeting in either year keeps both")
    func everyTwoYears() {
        let rule = CadenceRule.everyYears(years: 2)
        let since = day("2021-03-01")
        #expect(CadenceRules.yearsPeriod(containing: 2022, length: 2, since: since) == (2021, 2022))
        #expect(CadenceRules.yearsPeriod(containing: 2023, length: 2, since: since) == (2023, 2024))
        #expect(CadenceRules.yearsPeriod(containing: 2020, length: 2, since: nil) == (2020, 2021))
        let meetings = [held("2022-10-01")]
        let first = CadenceRules.compliance(rule: rule, since: since, meetings: meetings, year: 2021, today: Self.today)
        let second = CadenceRules.compliance(rule: rule, since: since, meetings: meetings, year: 2022, today: Self.today)
        #expect(first.compliance == .met && second.compliance == .met)
        let gap = CadenceRules.compliance(rule: rule, since: since, meetings: meetings, year: 2024, today: Self.today)
        #expect(gap.compliance == .missed)
        // The running period 2025–2026: nothing held yet, at risk until its last day.
        let running = CadenceRules.compliance(rule: rule, since: since, meetings: meetings, year: 2026, today: Self.today)
        #expect(running.compliance == .atRisk)
        #expect(CadenceRules.nextMeetingDueBy(rule: rule, since: since, meetings: meetings, today: Self.today) == day("2026-12-31"))
        #expect(CadenceRules.ruleValue(rule) == .everyYears(years: 2))
    }
}

@Suite("Shared milestones, evidence and years of investments")
struct SharedRecordsTests {
    @Test("a shared milestone belongs to each of its dossiers and is grouped under each")
    func sharedMilestone() {
        let signing = Milestone(id: "ondertekening", dossierIDs: ["a", "b"], title: "Ondertekening",
                                due: FuzzyPeriod(day: day("2026-02-18")), status: .achieved, achievedOn: day("2026-02-18"))
        let own = Milestone(id: "eigen", dossierID: "a", title: "Eigen", due: FuzzyPeriod(day: day("2026-05-01")))
        let groups = Milestone.byDossier([signing, own])
        #expect(groups["a"]?.map(\.id) == ["ondertekening", "eigen"])
        #expect(groups["b"]?.map(\.id) == ["ondertekening"])
        #expect(signing.belongs(to: "b") && !own.belongs(to: "b"))
        #expect(signing.homeDossierID == "a")
    }

    @Test("complete needs evidence; other degrees do not")
    func evidenceRule() {
        #expect(CompletionRules.problem(completion: .complete, evidence: []) == .completeWithoutEvidence)
        #expect(CompletionRules.problem(completion: .complete, evidence: [.link(url: "https://example.org", title: "x")]) == nil)
        #expect(CompletionRules.problem(completion: .substantial, evidence: []) == nil)
    }

    @Test("years: one year, a recurring range counted each year, a spread range kept as one bucket, unknown")
    func years() {
        func investment(_ first: Int?, _ last: Int?, recurring: Bool = false) -> Investment {
            Investment(id: "i", title: "I", amount: .exact(cents: 100), wording: "€1", organisationID: "o", country: .NL,
                       firstYear: first, lastYear: last, recurring: recurring)
        }
        #expect(InvestmentYears.buckets(of: investment(2026, nil)) == [.year(2026)])
        #expect(InvestmentYears.buckets(of: investment(2026, 2026)) == [.year(2026)])
        #expect(InvestmentYears.buckets(of: investment(2026, 2028, recurring: true)) == [.year(2026), .year(2027), .year(2028)])
        #expect(InvestmentYears.buckets(of: investment(2026, 2030)) == [.span(first: 2026, last: 2030)])
        #expect(InvestmentYears.buckets(of: investment(nil, nil)) == [.unknown])
        #expect([InvestmentYears.unknown, .span(first: 2026, last: 2030), .year(2027), .year(2026)].sorted()
                == [.year(2026), .span(first: 2026, last: 2030), .year(2027), .unknown])
    }
}
