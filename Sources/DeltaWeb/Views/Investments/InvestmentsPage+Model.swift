import DeltaDomain
import DeltaReports
import DeltaStore

/// The investments page: the pivot over dossier × country × funding source × year × status
/// with its filters, the chart per year and country with the same figures as a table, every
/// amount, and totals that keep upper bounds apart.
struct InvestmentsPage: Codable, Sendable {
    let title: String
    /// The filter and layout asked for.
    let query: InvestmentQuery
    let filters: InvestmentFilterChoices
    let pivot: PivotView
    /// Says that the pivot shows its first `rowLimit` rows only; nil when it shows all.
    let pivotCut: String?
    let chart: ChartView
    /// The amounts of the window shown (`?limit=`, `?after=`; see `ListWindow`).
    let investments: [InvestmentView]
    let paging: Paging
    let totalsByCountry: [TotalView]
    let totalsByDossier: [TotalView]
    /// Says that the totals by dossier show the first `rowLimit` only; nil when they show all.
    let totalsByDossierCut: String?
    let countingRule: String
    /// How amounts over several years are placed in year columns.
    let yearRule: String
    /// Each allocation regime with its explanation, shown beside the figures.
    let regimes: [AllocationRegimeView]
    /// Downloads with the same filter: the amounts as CSV (standard and Excel `;` variant) and the pivot as CSV.
    let downloads: [LinkView]

    /// Rows shown at most in the pivot and in the totals by dossier: at a thousand times the demo a
    /// pivot by dossier has thousands of rows. The CSV downloads have them all.
    static let rowLimit = 100
}

/// The choices of the filter form, with the current one selected.
struct InvestmentFilterChoices: Codable, Sendable {
    let rows: [FilterOption]
    let columns: [FilterOption]
    /// The dossiers to choose from; empty when there are more than `FilterOption.listLimit`, and
    /// the form asks for the dossier's id instead (`dossier`).
    let dossiers: [FilterOption]
    let dossiersListed: Bool
    /// The dossier asked for, if any.
    let dossier: String?
    let countries: [FilterOption]
    let sources: [FilterOption]
    let statuses: [FilterOption]
    let years: [FilterOption]
}

/// A cross-table of totals; every cell, row total, column total and the grand total applies
/// the counting rule to its own group.
struct PivotView: Codable, Sendable {
    let rows: String
    let rowsLabel: String
    let columns: String
    let columnsLabel: String
    let columnHeads: [PivotHeadView]
    /// The first rows (all of them, or the page's `rowLimit`).
    let lines: [PivotLineView]
    /// How many rows the pivot has in all.
    let lineCount: Int
    let columnTotals: [TotalView]
    let grandTotal: TotalView
    /// How many investments the filter lets through.
    let investmentCount: Int
    /// The same, written for the reader ("5 000", "5.000").
    let investmentCountLabel: String
}

/// A row or column of the pivot: its key, its name, and a page when it is a record.
struct PivotHeadView: Codable, Sendable {
    let key: String
    let name: String
    let url: String?
}

/// One row of the pivot: a cell per column (in `columnHeads` order) and the row total.
struct PivotLineView: Codable, Sendable {
    let head: PivotHeadView
    let cells: [TotalView]
    let total: TotalView
}

/// The chart per year and country: the SVG itself (also at `url`) and its text alternative.
struct ChartView: Codable, Sendable {
    let svg: String
    let textAlternative: String
    let url: String
    /// The chart's figures as a table (years × countries).
    let table: PivotView
}

/// An organisation in the list.
struct OrganisationView: Codable, Sendable {
    let id: String
    let name: String
    let shortName: String?
    let country: String
    let countryLabel: String
    let level: String
    let levelLabel: String
    let parent: LinkView?
    let website: String?
}

/// The organisation list.
struct OrganisationListPage: Codable, Sendable {
    let title: String
    var organisations: [OrganisationView]
    /// The window shown (`?limit=`, `?after=`); see `ListWindow`.
    var paging: Paging? = nil
}
