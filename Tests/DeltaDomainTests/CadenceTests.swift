import DeltaDomain
import Testing

/// A meeting of the working group on a given day.
private func meeting(_ iso: String, _ status: MeetingStatus, id: String? = nil) -> Meeting {
    Meeting(id: id ?? "m-\(iso)-\(status.rawValue)", bodyID: "werkgroep", title: "Werkgroep",
            when: FuzzyPeriod(day: day(iso)), status: status)
}

@Suite("Cadence compliance")
struct CadenceTests {
    static let today = day("2026-06-15")
    static let twicePerYear = CadenceRule.perYear(count: 2)
    static let oncePerHalfYear = CadenceRule.perHalfYear(count: 1)

    private func check(_ rule: CadenceRule, _ meetings: [Meeting], year: Int, since: CalendarDate? = nil,
                       today: CalendarDate = CadenceTests.today) -> YearCompliance {
        CadenceRules.compliance(rule: rule, since: since, meetings: meetings, year: year, today: today)
    }

    // MARK: Yearly rules

    @Test func meetingOnThirtyFirstDecemberCountsForThatYear() {
        let meetings = [meeting("2025-03-10", .held), meeting("2025-12-31", .held), meeting("2026-01-01", .held)]
        let result = check(Self.twicePerYear, meetings, year: 2025)
        #expect(result.compliance == .met)
        #expect(result.held == 2)
        #expect(result.required == 2)
    }

    @Test func pastYearWithTooFewIsMissed() {
        let result = check(Self.twicePerYear, [meeting("2025-12-31", .held), meeting("2026-01-01", .held)], year: 2025)
        #expect(result.compliance == .missed)
        #expect(result.held == 1)
        #expect(result.explanation.contains("2025"))
    }

    @Test func cancelledMeetingsNeverCount() {
        let past = check(Self.twicePerYear, [meeting("2025-03-10", .held), meeting("2025-10-01", .cancelled)], year: 2025)
        #expect(past.compliance == .missed)
        let current = check(Self.twicePerYear, [meeting("2026-03-10", .held), meeting("2026-10-01", .cancelled)], year: 2026)
        #expect(current.compliance == .atRisk)
        #expect(current.planned == 0)
    }

    @Test func currentYearVerdicts() {
        let met = check(Self.twicePerYear, [meeting("2026-02-18", .held), meeting("2026-05-20", .held)], year: 2026)
        #expect(met.compliance == .met)
        let scheduled = check(Self.twicePerYear, [meeting("2026-02-18", .held), meeting("2026-10-01", .planned)], year: 2026)
        #expect(scheduled.compliance == .scheduled)
        #expect(scheduled.held == 1)
        #expect(scheduled.planned == 1)
        let atRisk = check(Self.twicePerYear, [meeting("2026-02-18", .held)], year: 2026)
        #expect(atRisk.compliance == .atRisk)
        #expect(atRisk.explanation.contains("31 december 2026"))
    }

    @Test func plannedMeetingsInThePastDoNotCount() {
        // Planned for May but never recorded as held: neither held nor still planned.
        let result = check(Self.twicePerYear, [meeting("2026-02-18", .held), meeting("2026-05-01", .planned)], year: 2026)
        #expect(result.compliance == .atRisk)
        #expect(result.held == 1)
        #expect(result.planned == 0)
        // A meeting planned for today may still take place.
        let todays = check(Self.twicePerYear, [meeting("2026-02-18", .held), meeting("2026-06-15", .planned)], year: 2026)
        #expect(todays.compliance == .scheduled)
    }

    @Test func meetingCountsOnTheLastDayOfItsPeriod() {
        // "eind 2026", planned: counts for 2026. A held meeting recorded as December 2025–January 2026 counts in 2026.
        let planned = Meeting(id: "m", bodyID: "werkgroep", title: "Werkgroep",
                              when: FuzzyPeriod.parse("eind 2026")!, status: .planned)
        let straddling = Meeting(id: "s", bodyID: "werkgroep", title: "Werkgroep",
                                 when: period("2025-12-01", "2026-01-31"), status: .held)
        let current = check(Self.twicePerYear, [planned, straddling], year: 2026)
        #expect(current.held == 1)
        #expect(current.planned == 1)
        #expect(current.compliance == .scheduled)
        #expect(check(Self.twicePerYear, [straddling], year: 2025).held == 0)
    }

    @Test func futureYearIsNotApplicable() {
        let result = check(Self.twicePerYear, [meeting("2027-03-01", .planned)], year: 2027)
        #expect(result.compliance == .notApplicable)
        #expect(result.required == 0)
    }

    @Test func yearsBeforeSinceAreNotApplicable() {
        let result = check(Self.twicePerYear, [], year: 2025, since: day("2026-02-18"))
        #expect(result.compliance == .notApplicable)
    }

    @Test func firstYearAfterMidYearStartStillNeedsTheFullRule() {
        // Set up on 18 February 2026: the working group still has to meet twice in 2026.
        let result = check(Self.twicePerYear, [meeting("2026-03-01", .held)], year: 2026, since: day("2026-02-18"))
        #expect(result.compliance == .atRisk)
        #expect(result.required == 2)
        let lateStart = check(Self.twicePerYear, [meeting("2025-11-01", .held)], year: 2025, since: day("2025-09-01"),
                              today: day("2026-01-10"))
        #expect(lateStart.compliance == .missed)
    }

    @Test func noRuleIsNotApplicable() {
        #expect(check(.none, [meeting("2026-03-01", .held)], year: 2026).compliance == .notApplicable)
        #expect(check(.perYear(count: 0), [], year: 2026).compliance == .notApplicable)
    }

    @Test func yearlyAroundASeasonCountsOncePerYear() {
        let rule = CadenceRule.yearlyAround(season: "zomer")
        #expect(check(rule, [meeting("2025-11-20", .held)], year: 2025).compliance == .met)
        #expect(check(rule, [], year: 2025).compliance == .missed)
        #expect(check(rule, [meeting("2026-07-01", .planned)], year: 2026).compliance == .scheduled)
    }

    // MARK: Half-year rules

    @Test func thirtiethOfJuneIsFirstHalfFirstOfJulySecond() {
        let split = check(Self.oncePerHalfYear, [meeting("2025-06-30", .held), meeting("2025-07-01", .held)], year: 2025)
        #expect(split.compliance == .met)
        #expect(split.held == 2)
        #expect(split.required == 2)
        let bothFirst = check(Self.oncePerHalfYear, [meeting("2025-01-15", .held), meeting("2025-06-30", .held)], year: 2025)
        #expect(bothFirst.compliance == .missed)
        let bothSecond = check(Self.oncePerHalfYear, [meeting("2025-07-01", .held), meeting("2025-12-31", .held)], year: 2025)
        #expect(bothSecond.compliance == .missed)
    }

    @Test func pastHalfWithTooFewMakesTheYearMissed() {
        // The first half of 2026 ended without a meeting; a planned autumn meeting cannot repair it.
        let result = check(Self.oncePerHalfYear, [meeting("2026-10-01", .planned)], year: 2026, today: day("2026-08-01"))
        #expect(result.compliance == .missed)
        #expect(result.explanation.contains("niet gehaald"))
    }

    @Test func currentYearHalves() {
        let scheduled = check(Self.oncePerHalfYear, [meeting("2026-03-01", .held), meeting("2026-10-01", .planned)], year: 2026)
        #expect(scheduled.compliance == .scheduled)
        let plannedThisHalf = check(Self.oncePerHalfYear, [meeting("2026-06-20", .planned), meeting("2026-10-01", .planned)],
                                    year: 2026)
        #expect(plannedThisHalf.compliance == .scheduled)
        let nothingAfterSummer = check(Self.oncePerHalfYear, [meeting("2026-03-01", .held)], year: 2026)
        #expect(nothingAfterSummer.compliance == .atRisk)
        let bothHeld = check(Self.oncePerHalfYear, [meeting("2026-03-01", .held), meeting("2026-07-02", .held)], year: 2026,
                             today: day("2026-08-01"))
        #expect(bothHeld.compliance == .met)
    }

    @Test func halvesBeforeSinceDoNotApply() {
        let result = check(Self.oncePerHalfYear, [meeting("2025-10-01", .held)], year: 2025, since: day("2025-09-01"))
        #expect(result.compliance == .met)
        #expect(result.required == 1)
        // Since 30 June: the first half still applies (it does not end before since).
        let edge = check(Self.oncePerHalfYear, [meeting("2025-10-01", .held)], year: 2025, since: day("2025-06-30"))
        #expect(edge.compliance == .missed)
        #expect(edge.required == 2)
    }

    // MARK: Wording and next deadline

    @Test func describesRulesInDutch() {
        #expect(CadenceRules.describe(.perYear(count: 2)) == "ten minste tweemaal per kalenderjaar")
        #expect(CadenceRules.describe(.perYear(count: 1)) == "ten minste eenmaal per kalenderjaar")
        #expect(CadenceRules.describe(.perYear(count: 6)) == "ten minste 6 keer per kalenderjaar")
        #expect(CadenceRules.describe(.perHalfYear(count: 1)) == "ten minste eenmaal per halfjaar")
        #expect(CadenceRules.describe(.yearlyAround(season: "zomer")) == "jaarlijks, rond de zomer")
        #expect(CadenceRules.describe(.yearlyAround(season: "de zomer")) == "jaarlijks, rond de zomer")
        #expect(CadenceRules.describe(.none) == "geen vaste regel")
    }

    @Test func nextMeetingDueBy() {
        #expect(CadenceRules.nextMeetingDueBy(rule: .none, meetings: [], today: Self.today) == nil)
        let once = [meeting("2026-02-18", .held)]
        let twice = once + [meeting("2026-05-20", .held)]
        #expect(CadenceRules.nextMeetingDueBy(rule: Self.twicePerYear, meetings: once, today: Self.today) == day("2026-12-31"))
        #expect(CadenceRules.nextMeetingDueBy(rule: Self.twicePerYear, meetings: twice, today: Self.today) == day("2027-12-31"))
        // Planned and cancelled meetings have not kept the rule yet.
        let notYet = once + [meeting("2026-09-01", .planned), meeting("2026-04-01", .cancelled)]
        #expect(CadenceRules.nextMeetingDueBy(rule: Self.twicePerYear, meetings: notYet, today: Self.today) == day("2026-12-31"))

        #expect(CadenceRules.nextMeetingDueBy(rule: Self.oncePerHalfYear, meetings: [], today: Self.today) == day("2026-06-30"))
        #expect(CadenceRules.nextMeetingDueBy(rule: Self.oncePerHalfYear, meetings: once, today: Self.today) == day("2026-12-31"))
        let summer = day("2026-08-01")
        #expect(CadenceRules.nextMeetingDueBy(rule: Self.oncePerHalfYear, meetings: once, today: summer) == day("2026-12-31"))
        #expect(CadenceRules.nextMeetingDueBy(rule: Self.oncePerHalfYear, meetings: [meeting("2026-07-15", .held)], today: summer)
            == day("2027-06-30"))
        #expect(CadenceRules.nextMeetingDueBy(rule: .yearlyAround(season: "zomer"), meetings: [], today: Self.today)
            == day("2026-12-31"))
    }
}
