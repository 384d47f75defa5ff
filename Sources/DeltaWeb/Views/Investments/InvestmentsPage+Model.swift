import DeltaDomain
import DeltaReports
import DeltaStore

/// The investments page: every amount, and totals that keep upper bounds apart.
struct InvestmentsPage: Codable, Sendable {
    let title: String
    let investments: [InvestmentView]
    let totalsByCountry: [TotalView]
    let totalsByDossier: [TotalView]
    let countingRule: String
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
    let organisations: [OrganisationView]
}
