import DeltaDomain
import DeltaReports
import DeltaStore

extension Register {
    /// Builds the investments page for a query (filter and pivot layout), with a window of the amounts.
    func investmentsPage(query: InvestmentQuery, window: ListWindow, today: CalendarDate, labels: Labels) async throws -> InvestmentsPage {
        let index = try await lookupIndex(today: today, labels: labels)
        let all = try await investments()
        let shown = all.filter(query.filter.selects)
        let byCountry = InvestmentTotals.totals(shown) { $0.country.rawValue }
        let byDossier = InvestmentTotals.totals(shown) { $0.dossierID }
        let names = InvestmentNames(index: index)
        let pivot = InvestmentPivot(all, rows: query.rows, columns: query.columns, filter: query.filter)
        let chartPivot = InvestmentPivot(all, rows: .year, columns: .country, filter: query.filter)
        let chart = InvestmentChart(chartPivot, labels: labels)
        let suffix = query.queryString
        let joiner = suffix.isEmpty ? "?" : "&"
        let limit = InvestmentsPage.rowLimit
        // Only the window's amounts and the first rows of the long tables are built.
        let (amounts, paging) = try window.window(shown, id: \.id, labels: labels, hasCSV: false)
        let pivotView = PivotView(pivot, names: names, lineLimit: limit)
        let dossierKeys = byDossier.keys.sorted()
        return InvestmentsPage(
            title: labels.text("app.title.investments"), query: query,
            filters: Self.filterChoices(all, query: query, names: names),
            pivot: pivotView, pivotCut: labels.cut("investments.cut.pivot", shown: pivotView.lines.count, total: pivotView.lineCount),
            chart: ChartView(svg: chart.svg(), textAlternative: chart.textAlternative,
                             url: "/investments/chart.svg" + suffix, table: PivotView(chartPivot, names: names)),
            investments: Self.linkingWholes(amounts.map(index.investment), window: window, order: shown.map(\.id)), paging: paging,
            totalsByCountry: byCountry.keys.sorted().map {
                TotalView(key: $0, name: Country(rawValue: $0).map(labels.country) ?? $0, total: byCountry[$0]!, labels: labels)
            },
            totalsByDossier: dossierKeys.prefix(limit).map {
                TotalView(key: $0, name: index.dossiers[$0]?.title ?? $0, total: byDossier[$0]!, labels: labels)
            },
            totalsByDossierCut: labels.cut("investments.cut.dossiers", shown: min(limit, dossierKeys.count), total: dossierKeys.count),
            countingRule: labels.text("app.investments.countingRule"), yearRule: labels.text("app.investments.yearRule"),
            regimes: try await allocationRegimeViews(labels: labels),
            downloads: [
                LinkView(id: "csv", name: labels.text("app.investments.downloadCSV"), url: "/investments.csv" + suffix),
                LinkView(id: "csv-excel", name: labels.text("app.investments.downloadExcel"), url: "/investments.csv" + suffix + joiner + "variant=excel"),
                LinkView(id: "pivot-csv", name: labels.text("app.investments.downloadPivot"), url: "/investments/pivot.csv" + suffix),
                LinkView(id: "chart-svg", name: labels.text("app.investments.downloadChart"), url: "/investments/chart.svg" + suffix),
            ])
    }

    /// Each part's link to its whole: on this page when the whole is in the window, else to the
    /// window that begins with it (`order`: the ids of the whole list).
    static func linkingWholes(_ views: [InvestmentView], window: ListWindow, order: [String]) -> [InvestmentView] {
        let here = Set(views.map(\.id))
        return views.map { view in
            guard let whole = view.partOf else { return view }
            var linked = view
            linked.partOfURL = here.contains(whole) ? "#\(whole)" : window.address(startingAt: whole, in: order).map { $0 + "#\(whole)" }
            return linked
        }
    }

    /// The filter form's choices: only values that occur among the investments in scope.
    static func filterChoices(_ all: [Investment], query: InvestmentQuery, names: InvestmentNames) -> InvestmentFilterChoices {
        let labels = names.index.labels
        func options(_ dimension: InvestmentPivot.Dimension, _ keys: some Sequence<String>, selected: String?) -> [FilterOption] {
            InvestmentPivot.ordered(Array(Set(keys)), dimension).filter { $0 != InvestmentPivot.noValue }
                .map { FilterOption(value: $0, label: names.name(dimension, $0), selected: $0 == selected) }
        }
        let dimensions = { (selected: InvestmentPivot.Dimension) in
            InvestmentPivot.Dimension.allCases.map {
                FilterOption(value: $0.rawValue, label: labels.text("app.investments.dimension.\($0.rawValue)"), selected: $0 == selected)
            }
        }
        let dossierIDs = Set(all.compactMap(\.dossierID))
        var years = Set<Int>()
        for investment in all {
            for bucket in InvestmentYears.buckets(of: investment) {
                switch bucket {
                case .year(let year): years.insert(year)
                case .span(let first, let last): years.formUnion(first...last)
                case .unknown: break
                }
            }
        }
        return InvestmentFilterChoices(
            rows: dimensions(query.rows), columns: dimensions(query.columns),
            dossiers: FilterOption.listed(options(.dossier, dossierIDs, selected: query.filter.dossierIDs.first), count: dossierIDs.count),
            dossiersListed: dossierIDs.count <= FilterOption.listLimit, dossier: query.filter.dossierIDs.first,
            countries: options(.country, all.map(\.country.rawValue), selected: query.filter.countries.first?.rawValue),
            sources: options(.fundingSource, all.compactMap(\.fundingSource?.rawValue), selected: query.filter.fundingSources.first?.rawValue),
            statuses: options(.status, all.compactMap(\.status?.rawValue), selected: query.filter.statuses.first?.rawValue),
            years: years.sorted().map { FilterOption(value: String($0), label: String($0), selected: $0 == query.filter.year) })
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
