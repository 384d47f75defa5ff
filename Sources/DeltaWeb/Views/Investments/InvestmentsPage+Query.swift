import DeltaDomain
import DeltaReports
import DeltaStore

extension Register {
    /// Builds the investments page.
    func investmentsPage(today: CalendarDate, labels: Labels) async throws -> InvestmentsPage {
        let index = try await lookupIndex(today: today, labels: labels)
        let investments = try await investments()
        let byCountry = InvestmentTotals.totals(investments) { $0.country.rawValue }
        let byDossier = InvestmentTotals.totals(investments) { $0.dossierID }
        return InvestmentsPage(
            title: labels.text("app.title.investments"), investments: investments.map(index.investment),
            totalsByCountry: byCountry.keys.sorted().map {
                TotalView(key: $0, name: Country(rawValue: $0).map(labels.country) ?? $0, total: byCountry[$0]!, labels: labels)
            },
            totalsByDossier: byDossier.keys.sorted().map {
                TotalView(key: $0, name: index.dossiers[$0]?.title ?? $0, total: byDossier[$0]!, labels: labels)
            },
            countingRule: labels.text("app.investments.countingRule"))
    }

    /// Builds the organisation list.
    func organisationListPage(labels: Labels) async throws -> OrganisationListPage {
        let organisations = try await organisations()
        let names = Dictionary(uniqueKeysWithValues: organisations.map { ($0.id, $0.name) })
        return OrganisationListPage(title: labels.text("app.title.organisations"), organisations: organisations.map {
            OrganisationView(id: $0.id, name: $0.name, shortName: $0.shortName, country: $0.country.rawValue,
                             countryLabel: labels.country($0.country), level: $0.level.rawValue, levelLabel: labels.level($0.level),
                             parent: $0.parentID.map { LinkView(id: $0, name: names[$0] ?? $0, url: "/organisations#\($0)") },
                             website: $0.website)
        })
    }
}
