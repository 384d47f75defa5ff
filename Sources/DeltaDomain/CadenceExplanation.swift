/// Why a body's year got its cadence verdict (`YearCompliance`), as data: the counts, the rule,
/// and what is still needed.
///
/// Why data and not a sentence: the explanation is shown in Dutch, French and English, so the
/// rules say what they counted and each language says it in its own words (see `Labels` in
/// DeltaReports).
public enum CadenceExplanation: Hashable, Sendable, Codable {
    /// The body has no meeting rule (`CadenceRule.none`, or a rule that requires nothing).
    case noRule
    /// The body did not exist yet in `year`; its rule applies from `since`.
    case notYetEstablished(year: Int, since: CalendarDate)
    /// `year` is after today's year.
    case notBegun(year: Int)
    /// A yearly rule (`perYear`, `yearlyAround`) judged over the whole calendar `year`.
    case calendarYear(year: Int, rule: CadenceRuleDescription, tally: Tally, outcome: Outcome)
    /// A rule over several years judged over the period `firstYear`…`lastYear` that holds `year`.
    case severalYears(year: Int, rule: CadenceRuleDescription, firstYear: Int, lastYear: Int, tally: Tally, outcome: Outcome)
    /// A half-year rule judged per half of `year`; both halves, in order.
    case halfYears(year: Int, rule: CadenceRuleDescription, halves: [HalfYear])
    /// Only the counts of `year`, without the rule. The rules never produce this; it is what
    /// `YearCompliance`'s sentence-only initialiser records, since it is not told the rule.
    case counts(year: Int, tally: Tally)

    /// The meetings counted in a period (see the counting rules on `CadenceRules`).
    public struct Tally: Hashable, Sendable, Codable {
        /// Meetings held in the period.
        public let held: Int
        /// Meetings planned for today or later in the period.
        public let planned: Int
        /// Meetings the rule requires in the period.
        public let required: Int
        /// Planned meetings whose day has passed without being recorded as held; shown because
        /// the register is probably incomplete rather than the rule missed.
        public let unrecorded: Int

        /// Creates a tally.
        public init(held: Int, planned: Int, required: Int, unrecorded: Int = 0) {
            self.held = held
            self.planned = planned
            self.required = required
            self.unrecorded = unrecorded
        }
    }

    /// The verdict of one period, with what is still needed when it is at risk.
    public enum Outcome: Hashable, Sendable, Codable {
        /// Enough meetings were held.
        case met
        /// Enough are held and planned.
        case scheduled
        /// The period is still running and `missing` more meetings must be planned, to be held
        /// no later than `before` (the period's last day).
        case atRisk(missing: Int, before: CalendarDate)
        /// The period is over with too few meetings held.
        case missed
        /// The period is over with too few meetings recorded, in a time the register did not
        /// keep the body's meetings.
        case notRecorded

        /// The matching `Compliance`.
        public var compliance: Compliance {
            switch self {
            case .met: .met
            case .scheduled: .scheduled
            case .atRisk: .atRisk
            case .missed: .missed
            case .notRecorded: .unknown
            }
        }
    }

    /// January–June or July–December.
    public enum Half: String, Hashable, Sendable, Codable, CaseIterable {
        case first, second
    }

    /// How one half of the year was judged.
    public enum HalfYear: Hashable, Sendable, Codable {
        /// The half ended before the body existed (`since`), so the rule does not apply to it.
        case notApplicable(half: Half, since: CalendarDate)
        /// The half was judged on its counts.
        case judged(half: Half, tally: Tally, outcome: Outcome)

        /// Which half this is.
        public var half: Half {
            switch self {
            case .notApplicable(let half, _), .judged(let half, _, _): half
            }
        }
    }
}
