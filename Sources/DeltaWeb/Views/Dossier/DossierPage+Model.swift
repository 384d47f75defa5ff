import DeltaDomain
import DeltaReports
import DeltaStore

/// The political mandate of a dossier.
struct MandateView: Codable, Sendable {
    let given: PeriodView
    let body: LinkView?
    let document: LinkView?
    let note: String?
}

/// The agreements of one document about a dossier: one step in the dossier's history.
struct HistoryEntryView: Codable, Sendable {
    /// The document's year; nil when its date is unknown.
    let year: Int?
    let document: LinkView
    let documentDate: String?
    let documentDateLabel: String?
    let agreements: [AgreementView]
}

/// The dossier page.
struct DossierPage: Codable, Sendable {
    let title: String
    let dossier: DossierSummaryView
    let summary: String
    /// The rail links the dossier is about, and a small map that highlights them (nil when none
    /// of them can be drawn).
    let railLinks: [LinkView]
    let linkMap: MapView?
    let leads: [LinkView]
    let mandate: MandateView?
    let milestones: [MilestoneView]
    let agreements: [AgreementView]
    let investments: [InvestmentView]
    let investmentTotal: TotalView
    let history: [HistoryEntryView]
}

/// The dossier list with its filters.
struct DossierListPage: Codable, Sendable {
    let title: String
    var dossiers: [DossierSummaryView]
    let filter: DossierFilter
    let themes: [FilterOption]
    let healths: [FilterOption]
    let countries: [FilterOption]
    /// The window shown (`?limit=`, `?after=`); see `ListWindow`.
    var paging: Paging? = nil
}

/// A choice in a filter, with whether it is selected.
struct FilterOption: Codable, Sendable {
    let value: String
    let label: String
    let selected: Bool

    /// Choices offered as a list at most; beyond it a filter asks for the id instead: a list of
    /// thousands of records is unusable, and would make the page megabytes.
    static let listLimit = 200

    /// `options` when there are at most `listLimit`, else none.
    static func listed(_ options: @autoclosure () -> [FilterOption], count: Int) -> [FilterOption] {
        count <= listLimit ? options() : []
    }
}

/// Which dossiers a list shows: by theme, health (status) and lead country.
struct DossierFilter: Codable, Sendable {
    var theme: String?
    var status: String?
    var country: String?
    /// The body that carries the dossier.
    var body: String? = nil
}
