import DeltaDomain
import DeltaReports
import DeltaServices
import DeltaStore

/// An allocation regime as the investments page shows it beside the figures
/// (`Resources/templates/allocation-regimes.mustache`, anchor `#regime-{id}`).
struct AllocationRegimeView: Codable, Sendable {
    let id: String
    let title: String
    let country: String
    let countryLabel: String
    /// The funding sources it governs, as codes and in the reader's language.
    let fundingSources: [String]
    let fundingSourceLabels: [String]
    /// Nil when nobody has written an explanation yet.
    let explanation: String?
    /// The supporting passage, when there is one in a document this reader may see.
    let source: PassageView?
    let editURL: String

    init(_ regime: AllocationRegime, sourceTitle: String?, labels: Labels) {
        id = regime.id
        title = regime.title
        country = regime.country.rawValue
        countryLabel = labels.country(regime.country)
        fundingSources = regime.fundingSources.map(\.rawValue)
        fundingSourceLabels = regime.fundingSources.map(labels.fundingSource)
        explanation = regime.explanation
        source = regime.source.flatMap { passage in sourceTitle.map { PassageView(passage, documentTitle: $0) } }
        editURL = "/\(AllocationRegimeForm.segment)/\(regime.id)/edit"
    }
}

extension Register {
    /// The allocation regimes this reader may see, by country and title, with their source
    /// documents named: one statement.
    func allocationRegimeViews(labels: Labels) async throws -> [AllocationRegimeView] {
        try await allocationRegimesWithSourceTitles().map { AllocationRegimeView($0.regime, sourceTitle: $0.sourceTitle, labels: labels) }
    }
}
