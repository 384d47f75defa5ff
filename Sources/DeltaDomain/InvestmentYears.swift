/// Which years an amount belongs to, for totals per year. One rule, so every page and export
/// splits years the same way:
/// - one year: that year;
/// - recurring per year (`recurring`): the whole amount in each year of the range;
/// - a range that is not recurring: the amount is spread over the years in a way the source does
///   not say, so it stays one bucket for the whole range and is never divided by guess;
/// - no years: unknown.
public enum InvestmentYears: Hashable, Sendable, Comparable {
    case year(Int)
    case span(first: Int, last: Int)
    case unknown

    /// The buckets an investment's amount is counted in.
    public static func buckets(of investment: Investment) -> [InvestmentYears] {
        switch (investment.firstYear, investment.lastYear) {
        case (nil, nil):
            return [.unknown]
        case (let first?, nil), (nil, let first?):
            return [.year(first)]
        case (let first?, let last?):
            if first == last { return [.year(first)] }
            if investment.recurring { return (min(first, last)...max(first, last)).map(InvestmentYears.year) }
            return [.span(first: min(first, last), last: max(first, last))]
        }
    }

    /// A stable key for grouping ("2026", "2026-2030", "unknown").
    public var key: String {
        switch self {
        case .year(let year): String(year)
        case .span(let first, let last): "\(first)-\(last)"
        case .unknown: "unknown"
        }
    }

    private var order: (Int, Int) {
        switch self {
        case .year(let year): (year, year)
        case .span(let first, let last): (first, last)
        case .unknown: (Int.max, Int.max)
        }
    }

    public static func < (lhs: InvestmentYears, rhs: InvestmentYears) -> Bool { lhs.order < rhs.order }
}
