/// How often a body must meet, as the documents require.
public enum CadenceRule: Hashable, Sendable, Codable {
    /// At least `count` meetings per calendar year ("ten minste tweemaal per jaar").
    case perYear(count: Int)
    /// At least `count` meetings in each half of the calendar year ("halfjaarlijks").
    case perHalfYear(count: Int)
    /// Once a year, expected around a season ("jaarlijks, rond de zomer").
    case yearlyAround(season: String)
    /// No rule.
    case none

    /// The minimum number of meetings per calendar year the rule implies.
    public var meetingsPerYear: Int {
        switch self {
        case .perYear(let count): return count
        case .perHalfYear(let count): return 2 * count
        case .yearlyAround: return 1
        case .none: return 0
        }
    }
}
