import DeltaDomain
import DeltaReports
import DeltaStore

extension Register {
    /// Builds a dossier's page; nil when the dossier does not exist or is not visible.
    func dossierPage(id: String, today: CalendarDate, labels: Labels) async throws -> DossierPage? {
        // The dossier itself comes with the lookup tables: four reads in all, whatever its size.
        let lookups = try await lookups()
        let index = RegisterIndex(lookups, today: today, labels: labels)
        guard let dossier = index.dossiers[id] else { return nil }
        let milestones = try await milestones(dossierID: id)
        // Oldest document first: the dossier's story in the order it was told.
        let agreements = try await agreements(dossierID: id).enumerated().sorted { lhs, rhs in
            // Unknown dates last.
            let left = index.documents[lhs.element.source.documentID]?.date?.earliest, right = index.documents[rhs.element.source.documentID]?.date?.earliest
            if left == right { return lhs.offset < rhs.offset }
            guard let left else { return false }
            guard let right else { return true }
            return left < right
        }.map(\.element)
        let investments = try await investments(dossierID: id)
        let total = InvestmentTotals.total(investments)
        let byDocument = Dictionary(grouping: agreements, by: \.source.documentID)
        let network = try await networkFacts(today: today, labels: labels, lookups: lookups)
        let links = dossier.railLinkIDs.compactMap(network.link)
        let drawn = network.map(highlight: Set(dossier.railLinkIDs), detailed: false, width: 360)
        let linkMap = drawn.links.contains { $0.highlighted && $0.points.count >= 2 } ? network.mapView(drawn, id: "dossier-map") : nil
        let history = byDocument.compactMap { documentID, agreements -> HistoryEntryView? in
            guard let document = index.documents[documentID] else { return nil }
            return HistoryEntryView(year: document.date.map { $0.earliest.year }, document: index.document(documentID)!,
                                    documentDate: document.date?.earliest.iso, documentDateLabel: document.date.map(labels.documentDate),
                                    agreements: agreements.map(index.agreement))
        }.sorted { ($0.documentDate ?? "9999", $0.document.id) < ($1.documentDate ?? "9999", $1.document.id) }
        return DossierPage(
            title: dossier.title, dossier: SummaryBuilder.dossier(DossierStanding(dossier, milestones: milestones, today: today, organisations: index.organisations), index: index),
            summary: dossier.summary, railLinks: links.map { LinkView(id: $0.id, name: $0.name, url: "/rail-links/\($0.id)") }, linkMap: linkMap, leads: dossier.leadIDs.compactMap(index.organisation),
            mandate: dossier.mandate.map {
                MandateView(given: PeriodView($0.given, labels: labels), body: index.body($0.bodyID), document: index.document($0.documentID), note: $0.note)
            },
            milestones: milestones.map(index.milestone), agreements: agreements.map(index.agreement),
            investments: investments.map(index.investment), investmentTotal: TotalView(key: id, name: dossier.title, total: total, labels: labels),
            history: history)
    }
}

extension Register {
    /// Builds the dossier list, filtered, with a window of it (`window`; nil: the whole list,
    /// for the CSV file). Only the dossiers shown are worded.
    func dossierListPage(filter: DossierFilter, window: ListWindow?, today: CalendarDate, labels: Labels) async throws -> DossierListPage {
        let lookups = try await lookups()
        let all = try await dossierStandings(today: today, lookups: lookups)
        let shown = all.filter { standing in
            (filter.theme.map { standing.dossier.themes.contains($0) } ?? true)
                && (filter.status.map { standing.assessment.health.rawValue == $0 } ?? true)
                && (filter.country.map { standing.countries.contains($0) } ?? true)
                && (filter.body.map { standing.dossier.bodyID == $0 } ?? true)
        }
        let (rows, paging) = try Self.windowed(shown, window, id: \.dossier.id, labels: labels)
        let index = RegisterIndex(lookups, today: today, labels: labels)
        let themes = Set(all.flatMap(\.dossier.themes)).sorted().map { FilterOption(value: $0, label: labels.theme($0), selected: $0 == filter.theme) }
        let healths = Health.allCases.map { FilterOption(value: $0.rawValue, label: labels.health($0), selected: $0.rawValue == filter.status) }
        let countries = Set(all.flatMap(\.countries)).sorted().map {
            FilterOption(value: $0, label: Country(rawValue: $0).map(labels.country) ?? $0, selected: $0 == filter.country)
        }
        return DossierListPage(title: labels.text("app.title.dossiers"), dossiers: rows.map { SummaryBuilder.dossier($0, index: index) },
                               filter: filter, themes: themes, healths: healths, countries: countries, paging: paging)
    }
}
