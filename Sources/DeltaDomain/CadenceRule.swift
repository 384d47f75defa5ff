/// How often a body must meet, as the documents require.
public enum CadenceRule: Hashable, Sendable, Codable {
    /// At least `count` meetings per calendar year ("ten minste tweemaal per jaar").
    case perYear(count: Int)
    /// At least `count` meetings in each half of the calendar year ("halfjaarlijks").
    case perHalfYear(count: Int)
    /// Once a year, expected around a season ("jaarlijks, rond de zomer").
    case yearlyAround(season: String)
    /// At least one meeting in every period of `years` calendar years ("om de twee jaar").
    case everyYears(years: Int)
    /// No rule.
    case none

    /// The minimum number of meetings per calendar year the rule implies (0 for a rule over
    /// several years, which may be kept in another year of its period).
    public var meetingsPerYear: Int {
        switch self {
        case .perYear(let count): return count
        case .perHalfYear(let count): return 2 * count
        case .yearlyAround: return 1
        case .everyYears: return 0
        case .none: return 0
        }
    }

    /// Whether the rule asks for any meeting at all.
    public var requiresMeetings: Bool {
        switch self {
        case .everyYears(let years): years > 0
        default: meetingsPerYear > 0
        }
    }
}
