/// Rules for the meeting cadence that declarations impose on bodies ("de werkgroep komt ten
/// minste tweemaal per jaar bijeen").
///
/// Counting, shared by all functions:
/// - a meeting falls on the last day of its `when` period (`when.latest`): a held meeting
///   recorded as "juni 2026" counts in June, and one on 31 December counts for that year;
/// - a meeting counts as **held** when its status is `held`, whatever the date;
/// - a meeting counts as **planned** when its status is `planned` and its day is today or
///   later (a meeting planned for today may still take place); a planned meeting whose day has
///   passed counts for nothing, it should have been recorded as held or cancelled;
/// - a `cancelled` meeting never counts.
public enum CadenceRules {
    /// Cadence compliance of a body in `year`, judged on `today`.
    ///
    /// Not applicable for rule `.none`, for years before the year of `since`, and for years after
    /// today's year. For a past year the verdict is met (held ≥ required) or missed. For the
    /// current year: met when held ≥ required, scheduled when held + planned ≥ required, else
    /// at risk. `yearlyAround(season:)` is counted as once per calendar year; the season is an
    /// expectation, not a condition.
    ///
    /// Half-year rules (`perHalfYear`) judge January–June and July–December separately (30 June
    /// is in the first half, 1 July in the second) with the same verdicts per half; a half that
    /// has ended with too few meetings is missed. The year is met only if every applicable half
    /// is met; missed if any half is missed; otherwise at risk if any half is at risk, else
    /// scheduled.
    ///
    /// A body set up during the year (`since` mid-year): for yearly rules the full rule still
    /// applies in that first year. Why: the declarations say "ten minste tweemaal per jaar"
    /// without pro-rating, and flagging a new body early is more useful than excusing it. For
    /// half-year rules, a half that ends before `since` does not apply; the half containing
    /// `since` does.
    ///
    /// Unknown instead of missed: a period that ended with too few meetings recorded is missed
    /// only when `records` says the register keeps every meeting of that period
    /// (`MeetingRecords.keepsAll`); otherwise it is unknown, because the meetings may simply
    /// never have been entered.
    ///
    /// Rules over several years (`everyYears`): periods of that many calendar years, counted
    /// from the year of `since` (or, without `since`, from years divisible by the length); a
    /// year is judged on the whole period it falls in, so each year of a period shows the same
    /// verdict, and a period still running is scheduled or at risk until its last day.
    public static func compliance(rule: CadenceRule, since: CalendarDate?, records: MeetingRecords = .complete,
                                  meetings: [Meeting], year: Int, today: CalendarDate) -> YearCompliance {
        func notApplicable(_ why: CadenceExplanation) -> YearCompliance {
            YearCompliance(year: year, compliance: .notApplicable, held: 0, planned: 0, required: 0, explanation: why)
        }
        guard rule.requiresMeetings else {
            return notApplicable(.noRule)
        }
        if let since, year < since.year {
            return notApplicable(.notYetEstablished(year: year, since: since))
        }
        if year > today.year {
            return notApplicable(.notBegun(year: year))
        }
        if case .perHalfYear(let count) = rule {
            return halfYearCompliance(count: count, since: since, records: records, meetings: meetings, year: year, today: today)
        }
        if case .everyYears(let years) = rule {
            return severalYearsCompliance(years: years, since: since, records: records, meetings: meetings, year: year, today: today)
        }
        // perYear and yearlyAround: the whole calendar year, the full rule even in the first year.
        let start = CalendarDate.startOf(month: 1, year: year), end = CalendarDate.endOf(month: 12, year: year)
        let tally = Tally(meetings: meetings, from: start, to: end, today: today)
        let required = rule.meetingsPerYear
        let outcome = outcome(required: required, tally: tally, periodEnd: end, today: today,
                              recorded: records.keepsAll(from: start, bodySince: since))
        let explanation = CadenceExplanation.calendarYear(year: year, rule: ruleValue(rule),
                                                          tally: tally.value(required: required), outcome: outcome)
        return YearCompliance(year: year, compliance: outcome.compliance, held: tally.held, planned: tally.planned,
                              required: required, explanation: explanation)
    }

    /// What a rule says, as data for its wording: a rule requiring no meetings is `.none`, a
    /// blank season is nil; the season's words are kept as written (they are register content).
    public static func ruleValue(_ rule: CadenceRule) -> CadenceRuleDescription {
        switch rule {
        case .everyYears(let years):
            return years > 0 ? .everyYears(years: years) : .none
        case .perYear(let count):
            return count > 0 ? .perYear(count: count) : .none
        case .perHalfYear(let count):
            return count > 0 ? .perHalfYear(count: count) : .none
        case .yearlyAround(let season):
            let trimmed = season.trimmingSpaces
            return .yearly(around: trimmed.isEmpty ? nil : trimmed)
        case .none:
            return .none
        }
    }


    /// The latest day by which the next meeting must be held to keep the rule (nil for .none).
    ///
    /// Only held meetings count (a planned meeting still has to happen). Yearly rules: if fewer
    /// than required were held in today's year, 31 December of this year; otherwise 31 December
    /// of next year. Half-year rules: the end of the current half (30 June or 31 December) if it
    /// still lacks meetings, otherwise the end of the next half. A rule requiring nothing gives nil.
    public static func nextMeetingDueBy(rule: CadenceRule, since: CalendarDate? = nil, meetings: [Meeting], today: CalendarDate) -> CalendarDate? {
        let required: Int
        let periodStart: CalendarDate
        let periodEnd: CalendarDate
        let nextPeriodEnd: CalendarDate
        switch rule {
        case .none:
            return nil
        case .everyYears(let years):
            guard years > 0 else { return nil }
            let period = yearsPeriod(containing: today.year, length: years, since: since)
            let periodEnd = CalendarDate.endOf(month: 12, year: period.last)
            let held = Tally(meetings: meetings, from: CalendarDate.startOf(month: 1, year: period.first), to: periodEnd, today: today).held
            return held < 1 ? periodEnd : CalendarDate.endOf(month: 12, year: period.last + years)
        case .perYear(let count):
            required = count
            periodStart = CalendarDate.startOf(month: 1, year: today.year)
            periodEnd = CalendarDate.endOf(month: 12, year: today.year)
            nextPeriodEnd = CalendarDate.endOf(month: 12, year: today.year + 1)
        case .yearlyAround:
            required = 1
            periodStart = CalendarDate.startOf(month: 1, year: today.year)
            periodEnd = CalendarDate.endOf(month: 12, year: today.year)
            nextPeriodEnd = CalendarDate.endOf(month: 12, year: today.year + 1)
        case .perHalfYear(let count):
            required = count
            if today.month <= 6 {
                periodStart = CalendarDate.startOf(month: 1, year: today.year)
                periodEnd = CalendarDate.endOf(month: 6, year: today.year)
                nextPeriodEnd = CalendarDate.endOf(month: 12, year: today.year)
            } else {
                periodStart = CalendarDate.startOf(month: 7, year: today.year)
                periodEnd = CalendarDate.endOf(month: 12, year: today.year)
                nextPeriodEnd = CalendarDate.endOf(month: 6, year: today.year + 1)
            }
        }
        guard required > 0 else { return nil }
        let held = Tally(meetings: meetings, from: periodStart, to: periodEnd, today: today).held
        return held < required ? periodEnd : nextPeriodEnd
    }

    // MARK: - Internals

    /// Meetings counted in a period (see the counting rules on `CadenceRules`).
    private struct Tally {
        var held = 0
        var planned = 0
        /// Planned meetings whose day has passed without being recorded as held.
        var unrecorded = 0

        init(meetings: [Meeting], from start: CalendarDate, to end: CalendarDate, today: CalendarDate) {
            for meeting in meetings {
                let day = meeting.when.latest
                guard start <= day, day <= end else { continue }
                switch meeting.status {
                case .held: held += 1
                case .planned, .confirmed: if day >= today { planned += 1 } else { unrecorded += 1 }
                case .cancelled, .postponed: break
                }
            }
        }

        /// The counts as the explanation carries them.
        func value(required: Int) -> CadenceExplanation.Tally {
            CadenceExplanation.Tally(held: held, planned: planned, required: required, unrecorded: unrecorded)
        }
    }

    private static func outcome(required: Int, tally: Tally, periodEnd: CalendarDate,
                                today: CalendarDate, recorded: Bool) -> CadenceExplanation.Outcome {
        if tally.held >= required { return .met }
        if periodEnd < today { return recorded ? .missed : .notRecorded }
        if tally.held + tally.planned >= required { return .scheduled }
        return .atRisk(missing: required - tally.held - tally.planned, before: periodEnd)
    }

    /// The calendar years of the `length`-year period holding `year`: counted from the year of
    /// `since`, or from a year divisible by `length` when there is none.
    public static func yearsPeriod(containing year: Int, length: Int, since: CalendarDate?) -> (first: Int, last: Int) {
        let origin = since?.year ?? 0
        let offset = ((year - origin) % length + length) % length
        return (year - offset, year - offset + length - 1)
    }

    private static func severalYearsCompliance(years: Int, since: CalendarDate?, records: MeetingRecords, meetings: [Meeting],
                                               year: Int, today: CalendarDate) -> YearCompliance {
        let period = yearsPeriod(containing: year, length: years, since: since)
        let start = CalendarDate.startOf(month: 1, year: period.first), end = CalendarDate.endOf(month: 12, year: period.last)
        let tally = Tally(meetings: meetings, from: start, to: end, today: today)
        let outcome = outcome(required: 1, tally: tally, periodEnd: end, today: today,
                              recorded: records.keepsAll(from: start, bodySince: since))
        let explanation = CadenceExplanation.severalYears(year: year, rule: .everyYears(years: years), firstYear: period.first,
                                                          lastYear: period.last, tally: tally.value(required: 1), outcome: outcome)
        return YearCompliance(year: year, compliance: outcome.compliance, held: tally.held, planned: tally.planned,
                              required: 1, explanation: explanation)
    }

    private static func halfYearCompliance(count: Int, since: CalendarDate?, records: MeetingRecords, meetings: [Meeting],
                                           year: Int, today: CalendarDate) -> YearCompliance {
        let halves: [(half: CadenceExplanation.Half, start: CalendarDate, end: CalendarDate)] = [
            (.first, CalendarDate.startOf(month: 1, year: year), CalendarDate.endOf(month: 6, year: year)),
            (.second, CalendarDate.startOf(month: 7, year: year), CalendarDate.endOf(month: 12, year: year)),
        ]
        var held = 0, planned = 0, required = 0
        var verdicts: [Compliance] = []
        var parts: [CadenceExplanation.HalfYear] = []
        for half in halves {
            // A half that ended before the body existed does not apply.
            if let since, half.end < since {
                parts.append(.notApplicable(half: half.half, since: since))
                continue
            }
            let tally = Tally(meetings: meetings, from: half.start, to: half.end, today: today)
            let halfOutcome = outcome(required: count, tally: tally, periodEnd: half.end, today: today,
                                      recorded: records.keepsAll(from: half.start, bodySince: since))
            verdicts.append(halfOutcome.compliance)
            held += tally.held
            planned += tally.planned
            required += count
            parts.append(.judged(half: half.half, tally: tally.value(required: count), outcome: halfOutcome))
        }
        let compliance: Compliance
        // A half at risk now matters more than an earlier half nobody recorded.
        if verdicts.contains(.missed) {
            compliance = .missed
        } else if verdicts.contains(.atRisk) {
            compliance = .atRisk
        } else if verdicts.contains(.unknown) {
            compliance = .unknown
        } else if verdicts.allSatisfy({ $0 == .met }) {
            compliance = .met
        } else {
            compliance = .scheduled
        }
        let explanation = CadenceExplanation.halfYears(year: year, rule: ruleValue(.perHalfYear(count: count)), halves: parts)
        return YearCompliance(year: year, compliance: compliance, held: held, planned: planned,
                              required: required, explanation: explanation)
    }
}
