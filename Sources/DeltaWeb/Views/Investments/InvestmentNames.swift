import DeltaDomain
import DeltaReports

/// The names of pivot keys in the reader's language: dossier titles, countries, funding
/// sources, years and statuses, with "none" worded per dimension.
struct InvestmentNames: Sendable {
    let index: RegisterIndex

    func name(_ dimension: InvestmentPivot.Dimension, _ key: String) -> String {
        let labels = index.labels
        if key == InvestmentPivot.noValue, dimension != .year {
            return labels.text("app.investments.none.\(dimension.rawValue)")
        }
        switch dimension {
        case .dossier: return index.dossiers[key]?.title ?? key
        case .country: return Country(rawValue: key).map(labels.country) ?? key
        case .fundingSource: return FundingSource(rawValue: key).map(labels.fundingSource) ?? key
        case .year: return labels.yearBucket(key)
        case .status: return InvestmentStatus(rawValue: key).map(labels.investmentStatus) ?? key
        }
    }

    /// A page for the key, when it is a record.
    func url(_ dimension: InvestmentPivot.Dimension, _ key: String) -> String? {
        dimension == .dossier && index.dossiers[key] != nil ? "/dossiers/\(key)" : nil
    }

    func head(_ dimension: InvestmentPivot.Dimension, _ key: String) -> PivotHeadView {
        PivotHeadView(key: key, name: name(dimension, key), url: url(dimension, key))
    }
}

extension PivotView {
    /// The view of a pivot, with names in the reader's language.
    /// `lineLimit`: the rows built and shown at most (the totals always cover them all).
    init(_ pivot: InvestmentPivot, names: InvestmentNames, lineLimit: Int = .max) {
        let labels = names.index.labels
        let heads = pivot.columnKeys.map { names.head(pivot.columns, $0) }
        rows = pivot.rows.rawValue
        rowsLabel = labels.text("app.investments.dimension.\(pivot.rows.rawValue)")
        columns = pivot.columns.rawValue
        columnsLabel = labels.text("app.investments.dimension.\(pivot.columns.rawValue)")
        columnHeads = heads
        lineCount = pivot.rowKeys.count
        lines = pivot.rowKeys.prefix(lineLimit).map { row in
            let head = names.head(pivot.rows, row)
            return PivotLineView(head: head, cells: heads.map { TotalView(key: $0.key, name: $0.name, total: pivot.cell(row, $0.key), labels: labels) },
                                 total: TotalView(key: row, name: head.name, total: pivot.rowTotals[row] ?? AmountTotal(), labels: labels))
        }
        columnTotals = heads.map { TotalView(key: $0.key, name: $0.name, total: pivot.columnTotals[$0.key] ?? AmountTotal(), labels: labels) }
        grandTotal = TotalView(key: "", name: labels.text("app.investments.grandTotal"), total: pivot.grandTotal, labels: labels)
        investmentCount = pivot.investmentCount
        investmentCountLabel = labels.numbers.integer(pivot.investmentCount)
    }
}
