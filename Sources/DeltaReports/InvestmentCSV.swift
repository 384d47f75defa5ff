import DeltaDomain

/// The investments as CSV: one documented column set for the amounts and one for the pivot
/// (docs/CSV.md). Codes are stable; names are in the reader's language.
public enum InvestmentCSV {
    /// The columns of `/investments.csv`, one row per investment.
    public static let columns = [
        "id", "title", "amount_kind", "minimum_eur", "maximum_eur", "wording", "organisation", "organisation_name", "country",
        "funding_source", "funding_source_name", "status", "first_year", "last_year", "recurring", "dossier", "part_of",
        "agreement", "measure", "source_document", "source_document_date", "source_quote",
    ]

    /// The columns of `/investments/pivot.csv`: one row per non-empty cell, then the row totals
    /// (empty `column_key`), the column totals (empty `row_key`) and the grand total (both empty).
    public static let pivotColumns = [
        "row_dimension", "row_key", "row_name", "column_dimension", "column_key", "column_name",
        "at_least_eur", "at_most_eur", "of_which_up_to_eur", "exact", "amount_count",
    ]

    /// One row per investment, in the order given.
    public static func table(_ investments: [Investment], organisationNames: [String: String], documentDates: [String: FuzzyPeriod],
                             labels: Labels) -> CSVTable {
        var table = CSVTable(header: columns)
        func text(_ value: String?) -> CSVTable.Field { value.map { .text($0) } ?? .empty }
        func year(_ value: Int?) -> CSVTable.Field { value.map { .integer($0) } ?? .empty }
        for i in investments {
            let upTo = i.amount.kind == .upToAtMost
            table.append([
                .text(i.id), .text(i.title), .text(i.amount.kind.rawValue),
                upTo ? .empty : .euros(cents: i.amount.minimumCents), .euros(cents: i.amount.maximumCents),
                .text(i.wording), .text(i.organisationID), text(organisationNames[i.organisationID]), .text(i.country.rawValue),
                text(i.fundingSource?.rawValue), text(i.fundingSource.map(labels.fundingSource)), text(i.status?.rawValue),
                year(i.firstYear), year(i.lastYear), .text(i.recurring ? "yes" : "no"), text(i.dossierID), text(i.partOfID),
                text(i.agreementID), text(i.measureID), text(i.source?.documentID),
                i.source.map { CSVTable.isoDate(documentDates[$0.documentID]) } ?? .empty, text(i.source?.quote),
            ])
        }
        return table
    }

    /// The pivot's cells and totals, each as at least / at most / of which "up to".
    public static func pivotTable(_ pivot: InvestmentPivot, rowName: (String) -> String, columnName: (String) -> String) -> CSVTable {
        var table = CSVTable(header: pivotColumns)
        func add(_ row: String?, _ column: String?, _ total: AmountTotal) {
            table.append([
                .text(pivot.rows.rawValue), .text(row ?? ""), .text(row.map(rowName) ?? ""),
                .text(pivot.columns.rawValue), .text(column ?? ""), .text(column.map(columnName) ?? ""),
                .euros(cents: total.firmCents), .euros(cents: total.ceilingCents), .euros(cents: total.upperBoundCents),
                .text(total.isExact ? "yes" : "no"), .integer(total.count),
            ])
        }
        for row in pivot.rowKeys {
            for column in pivot.columnKeys {
                let total = pivot.cell(row, column)
                if total.count > 0 { add(row, column, total) }
            }
        }
        for row in pivot.rowKeys { add(row, nil, pivot.rowTotals[row] ?? AmountTotal()) }
        for column in pivot.columnKeys { add(nil, column, pivot.columnTotals[column] ?? AmountTotal()) }
        add(nil, nil, pivot.grandTotal)
        return table
    }
}
