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
        #expect(result.dutchExplanation.contains("2025"))
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
        #expect(atRisk.dutchExplanation.contains("31 december 2026"))
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
        #expect(result.dutchExplanation.contains("niet gehaald"))
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
        #expect(dutchRule(.perYear(count: 2)) == "ten minste tweemaal per kalenderjaar")
        #expect(dutchRule(.perYear(count: 1)) == "ten minste eenmaal per kalenderjaar")
        #expect(dutchRule(.perYear(count: 6)) == "ten minste 6 keer per kalenderjaar")
        #expect(dutchRule(.perHalfYear(count: 1)) == "ten minste eenmaal per halfjaar")
        #expect(dutchRule(.yearlyAround(season: "zomer")) == "jaarlijks, rond de zomer")
        #expect(dutchRule(.yearlyAround(season: "de zomer")) == "jaarlijks, rond de zomer")
        #expect(dutchRule(.none) == "geen vaste regel")
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

@Suite("Cadence compliance as values")
struct CadenceExplanationTests {
    static let today = day("2026-06-15")
    static let twicePerYear = CadenceRule.perYear(count: 2)
    static let oncePerHalfYear = CadenceRule.perHalfYear(count: 1)

    private func check(_ rule: CadenceRule, _ meetings: [Meeting], year: Int, since: CalendarDate? = nil,
                       today: CalendarDate = CadenceExplanationTests.today) -> YearCompliance {
        CadenceRules.compliance(rule: rule, since: since, meetings: meetings, year: year, today: today)
    }

    private func tally(held: Int, planned: Int = 0, required: Int, unrecorded: Int = 0) -> CadenceExplanation.Tally {
        CadenceExplanation.Tally(held: held, planned: planned, required: required, unrecorded: unrecorded)
    }

    @Test func ruleValues() {
        #expect(CadenceRules.ruleValue(.perYear(count: 2)) == .perYear(count: 2))
        #expect(CadenceRules.ruleValue(.perYear(count: 0)) == CadenceRuleDescription.none)
        #expect(CadenceRules.ruleValue(.perHalfYear(count: 1)) == .perHalfYear(count: 1))
        #expect(CadenceRules.ruleValue(.perHalfYear(count: 0)) == CadenceRuleDescription.none)
        // The season is register content: kept as written, only trimmed.
        #expect(CadenceRules.ruleValue(.yearlyAround(season: " zomer ")) == .yearly(around: "zomer"))
        #expect(CadenceRules.ruleValue(.yearlyAround(season: "rond de zomer")) == .yearly(around: "rond de zomer"))
        #expect(CadenceRules.ruleValue(.yearlyAround(season: "  ")) == .yearly(around: nil))
        #expect(CadenceRules.ruleValue(.none) == CadenceRuleDescription.none)
    }

    @Test func notApplicableSaysWhy() {
        #expect(check(.none, [], year: 2026).explanation == .noRule)
        #expect(check(.perYear(count: 0), [], year: 2026).explanation == .noRule)
        #expect(check(Self.twicePerYear, [], year: 2025, since: day("2026-02-18")).explanation
            == .notYetEstablished(year: 2025, since: day("2026-02-18")))
        #expect(check(Self.twicePerYear, [], year: 2027).explanation == .notBegun(year: 2027))
    }

    @Test func calendarYearValues() {
        let missed = check(Self.twicePerYear, [meeting("2025-12-31", .held), meeting("2026-01-01", .held)], year: 2025)
        #expect(missed.explanation
            == .calendarYear(year: 2025, rule: .perYear(count: 2), tally: tally(held: 1, required: 2), outcome: .missed))
        let met = check(Self.twicePerYear, [meeting("2026-02-18", .held), meeting("2026-05-20", .held)], year: 2026)
        #expect(met.explanation
            == .calendarYear(year: 2026, rule: .perYear(count: 2), tally: tally(held: 2, required: 2), outcome: .met))
        let scheduled = check(Self.twicePerYear, [meeting("2026-02-18", .held), meeting("2026-10-01", .planned)], year: 2026)
        #expect(scheduled.explanation
            == .calendarYear(year: 2026, rule: .perYear(count: 2), tally: tally(held: 1, planned: 1, required: 2),
                             outcome: .scheduled))
        let season = check(.yearlyAround(season: "zomer"), [], year: 2025)
        #expect(season.explanation
            == .calendarYear(year: 2025, rule: .yearly(around: "zomer"), tally: tally(held: 0, required: 1), outcome: .missed))
    }

    @Test func atRiskSaysHowManyAndByWhen() {
        // Planned for May but never recorded as held: counted as unrecorded, not as planned.
        let result = check(Self.twicePerYear, [meeting("2026-02-18", .held), meeting("2026-05-01", .planned)], year: 2026)
        #expect(result.explanation
            == .calendarYear(year: 2026, rule: .perYear(count: 2), tally: tally(held: 1, required: 2, unrecorded: 1),
                             outcome: .atRisk(missing: 1, before: day("2026-12-31"))))
        let none = check(.perYear(count: 4), [meeting("2026-10-01", .planned)], year: 2026)
        #expect(none.explanation
            == .calendarYear(year: 2026, rule: .perYear(count: 4), tally: tally(held: 0, planned: 1, required: 4),
                             outcome: .atRisk(missing: 3, before: day("2026-12-31"))))
    }

    @Test func halfYearValues() {
        let missed = check(Self.oncePerHalfYear, [meeting("2026-10-01", .planned)], year: 2026, today: day("2026-08-01"))
        #expect(missed.explanation == .halfYears(year: 2026, rule: .perHalfYear(count: 1), halves: [
            .judged(half: .first, tally: tally(held: 0, required: 1), outcome: .missed),
            .judged(half: .second, tally: tally(held: 0, planned: 1, required: 1), outcome: .scheduled),
        ]))
        let atRisk = check(Self.oncePerHalfYear, [meeting("2026-03-01", .held)], year: 2026)
        #expect(atRisk.explanation == .halfYears(year: 2026, rule: .perHalfYear(count: 1), halves: [
            .judged(half: .first, tally: tally(held: 1, required: 1), outcome: .met),
            .judged(half: .second, tally: tally(held: 0, required: 1), outcome: .atRisk(missing: 1, before: day("2026-12-31"))),
        ]))
        let sinceAutumn = check(Self.oncePerHalfYear, [meeting("2025-10-01", .held)], year: 2025, since: day("2025-09-01"))
        #expect(sinceAutumn.explanation == .halfYears(year: 2025, rule: .perHalfYear(count: 1), halves: [
            .notApplicable(half: .first, since: day("2025-09-01")),
            .judged(half: .second, tally: tally(held: 1, required: 1), outcome: .met),
        ]))
    }

    @Test func outcomeMatchesTheVerdict() {
        for year in [2025, 2026] {
            let result = check(Self.twicePerYear, [meeting("2025-05-01", .held), meeting("2026-09-01", .planned)], year: year)
            guard case .calendarYear(_, _, _, let outcome) = result.explanation else {
                Issue.record("expected a calendar-year explanation for \(year), got \(result.explanation)")
                continue
            }
            #expect(outcome.compliance == result.compliance, "year \(year)")
        }
    }

    /// The Dutch `explanation` and `describe` are rendered from the values and say exactly what they always said.
    @Test func dutchSentencesComeFromTheValues() {
        #expect(check(.none, [], year: 2026).dutchExplanation == "Voor dit overleg geldt geen vaste vergaderregel.")
        #expect(check(Self.twicePerYear, [], year: 2025, since: day("2026-02-18")).dutchExplanation
            == "In 2025 bestond dit overleg nog niet; de regel geldt sinds 18 februari 2026.")
        #expect(check(Self.twicePerYear, [], year: 2027).dutchExplanation == "2027 is nog niet begonnen.")
        #expect(check(Self.twicePerYear, [meeting("2025-12-31", .held)], year: 2025).dutchExplanation
            == "In 2025: 1 van de 2 vereiste vergaderingen gehouden — regel: ten minste tweemaal per kalenderjaar. "
            + "De regel is niet gehaald.")
        #expect(check(Self.twicePerYear, [meeting("2026-02-18", .held), meeting("2026-05-01", .planned)], year: 2026).dutchExplanation
            == "In 2026: 1 van de 2 vereiste vergaderingen gehouden (1 geplande vergadering ligt in het verleden maar is "
            + "niet als gehouden geregistreerd) — regel: ten minste tweemaal per kalenderjaar. "
            + "Plan nog 1 vergadering vóór 31 december 2026.")
        #expect(check(Self.twicePerYear, [meeting("2026-02-18", .held), meeting("2026-10-01", .planned)], year: 2026).dutchExplanation
            == "In 2026: 1 van de 2 vereiste vergaderingen gehouden, 1 gepland — regel: ten minste tweemaal per kalenderjaar.")
        #expect(check(.yearlyAround(season: "zomer"), [], year: 2025).dutchExplanation
            == "In 2025: 0 van de 1 vereiste vergadering gehouden — regel: jaarlijks, rond de zomer. De regel is niet gehaald.")
        #expect(check(Self.oncePerHalfYear, [meeting("2026-10-01", .planned)], year: 2026, today: day("2026-08-01")).dutchExplanation
            == "2026, regel ten minste eenmaal per halfjaar. Eerste halfjaar: 0 van de 1 vereiste vergadering gehouden — "
            + "niet gehaald. Tweede halfjaar: 0 van de 1 vereiste vergadering gehouden, 1 gepland.")
        #expect(check(Self.oncePerHalfYear, [meeting("2025-10-01", .held)], year: 2025, since: day("2025-09-01")).dutchExplanation
            == "2025, regel ten minste eenmaal per halfjaar. Eerste halfjaar: niet van toepassing (overleg sinds "
            + "1 september 2025). Tweede halfjaar: 1 van de 1 vereiste vergadering gehouden.")
        #expect(check(Self.oncePerHalfYear, [meeting("2026-03-01", .held)], year: 2026).dutchExplanation
            == "2026, regel ten minste eenmaal per halfjaar. Eerste halfjaar: 1 van de 1 vereiste vergadering gehouden. "
            + "Tweede halfjaar: 0 van de 1 vereiste vergadering gehouden — in gevaar.")
        #expect(dutchRule(.yearlyAround(season: "rond de zomer")) == "jaarlijks, rond de zomer")
        #expect(dutchRule(.yearlyAround(season: "het najaar")) == "jaarlijks, rond het najaar")
        #expect(dutchRule(.yearlyAround(season: " ")) == "jaarlijks")
        #expect(dutchRule(.perHalfYear(count: 0)) == "geen vaste regel")
    }
}
