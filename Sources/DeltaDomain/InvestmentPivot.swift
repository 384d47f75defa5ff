/// Investments cross-tabulated over two dimensions (dossier × country × funding source × year ×
/// status), after filters, with row, column and grand totals. Every cell is an `AmountTotal`
/// made by the one counting rule in `InvestmentTotals`, so ranges stay bands, "up to" stays a
/// ceiling and parts are never counted next to their whole.
public struct InvestmentPivot: Hashable, Sendable {
    /// What rows or columns are grouped by.
    public enum Dimension: String, Hashable, Sendable, Codable, CaseIterable {
        case dossier, country, fundingSource = "funding-source", year, status

        /// The group an investment's contribution in a year bucket belongs to.
        public func key(_ investment: Investment, _ bucket: InvestmentYears) -> String {
            switch self {
            case .dossier: investment.dossierID ?? InvestmentPivot.noValue
            case .country: investment.country.rawValue
            case .fundingSource: investment.fundingSource?.rawValue ?? InvestmentPivot.noValue
            case .year: bucket.key
            case .status: investment.status?.rawValue ?? InvestmentPivot.noValue
            }
        }
    }

    /// Which investments (and, for a year, which year buckets) are counted. Empty sets mean "all".
    public struct Filter: Hashable, Sendable, Codable {
        public var dossierIDs: Set<String>
        public var countries: Set<Country>
        public var fundingSources: Set<FundingSource>
        public var statuses: Set<InvestmentStatus>
        /// A year: keeps that year's bucket and ranges of years that include it (their amount is
        /// not divided, so the range stays its own column), and leaves unknown years out.
        public var year: Int?

        public init(dossierIDs: Set<String> = [], countries: Set<Country> = [], fundingSources: Set<FundingSource> = [],
                    statuses: Set<InvestmentStatus> = [], year: Int? = nil) {
            self.dossierIDs = dossierIDs; self.countries = countries; self.fundingSources = fundingSources
            self.statuses = statuses; self.year = year
        }

        /// Whether an investment passes the filter, years apart.
        public func admits(_ investment: Investment) -> Bool {
            (dossierIDs.isEmpty || investment.dossierID.map(dossierIDs.contains) == true)
                && (countries.isEmpty || countries.contains(investment.country))
                && (fundingSources.isEmpty || investment.fundingSource.map(fundingSources.contains) == true)
                && (statuses.isEmpty || investment.status.map(statuses.contains) == true)
        }

        /// Whether an investment is selected: it passes the filter and has a year bucket that does.
        /// The one rule for the list, the CSV and the pivot's count.
        public func selects(_ investment: Investment) -> Bool {
            admits(investment) && InvestmentYears.buckets(of: investment).contains(where: admits)
        }

        /// Whether a year bucket passes the filter.
        public func admits(_ bucket: InvestmentYears) -> Bool {
            guard let year else { return true }
            switch bucket {
            case .year(let value): return value == year
            case .span(let first, let last): return (first...last).contains(year)
            case .unknown: return false
            }
        }
    }

    /// The key of the group for a missing value (no dossier, no funding source, no status).
    public static let noValue = "none"

    public let rows: Dimension
    public let columns: Dimension
    /// Row keys in order.
    public let rowKeys: [String]
    /// Column keys in order.
    public let columnKeys: [String]
    /// Totals by row key, then column key; absent where nothing counts.
    public let cells: [String: [String: AmountTotal]]
    public let rowTotals: [String: AmountTotal]
    public let columnTotals: [String: AmountTotal]
    public let grandTotal: AmountTotal
    /// How many investments passed the filter.
    public let investmentCount: Int

    /// Cross-tabulates `investments` by `rows` × `columns` after `filter`.
    ///
    /// Wholes that the filter leaves out no longer hide their parts, so a part counts when only
    /// it is selected. Row, column and grand totals apply the counting rule to their own group
    /// (not sums of cells), so a part and its whole in different cells of one row count once.
    public init(_ investments: [Investment], rows: Dimension, columns: Dimension, filter: Filter = Filter()) {
        self.rows = rows
        self.columns = columns
        let admitted = investments.filter(filter.admits)
        investmentCount = admitted.filter(filter.selects).count
        func keyed(_ key: @escaping (Investment, InvestmentYears) -> String) -> [String: AmountTotal] {
            InvestmentTotals.totals(admitted) { investment, bucket in filter.admits(bucket) ? key(investment, bucket) : nil }
        }
        let separator = "\u{1F}"
        let pairs = keyed { rows.key($0, $1) + separator + columns.key($0, $1) }
        var cells: [String: [String: AmountTotal]] = [:]
        for (pair, total) in pairs {
            let parts = pair.split(separator: Character(separator), maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            cells[parts[0], default: [:]][parts[1]] = total
        }
        self.cells = cells
        rowTotals = keyed { rows.key($0, $1) }
        columnTotals = keyed { columns.key($0, $1) }
        grandTotal = keyed { _, _ in "" }[""] ?? AmountTotal()
        rowKeys = Self.ordered(Array(rowTotals.keys), rows)
        columnKeys = Self.ordered(Array(columnTotals.keys), columns)
    }

    /// Keys in a stable order: years chronologically (unknown last), other values by name with
    /// the missing value last.
    public static func ordered(_ keys: [String], _ dimension: Dimension) -> [String] {
        func rank(_ key: String) -> (Int, Int, Int, String) {
            if dimension == .year {
                let parts = key.split(separator: "-").compactMap { Int($0) }
                if let first = parts.first { return (0, first, parts.last ?? first, key) }
                return (1, 0, 0, key)
            }
            if dimension == .fundingSource, let index = FundingSource.allCases.firstIndex(where: { $0.rawValue == key }) { return (0, index, 0, key) }
            if dimension == .status, let index = InvestmentStatus.allCases.firstIndex(where: { $0.rawValue == key }) { return (0, index, 0, key) }
            if dimension == .country, let index = Country.allCases.firstIndex(where: { $0.rawValue == key }) { return (0, index, 0, key) }
            return key == noValue ? (1, 0, 0, key) : (0, 0, 0, key)
        }
        return keys.sorted { rank($0) < rank($1) }
    }

    /// The total in one cell (empty when nothing counts there).
    public func cell(_ row: String, _ column: String) -> AmountTotal { cells[row]?[column] ?? AmountTotal() }
}
