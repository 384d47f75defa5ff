import DeltaDomain
import DeltaReports
import DeltaStore
import Hummingbird

/// Reads a search from the query string: `q` (the words), `type`, `body`, `year`, `country`,
/// `limit` and `offset`, read as the search form sends them. A value that is too long or names
/// nothing is refused with a 400 that says which parameter, never silently ignored.
enum SearchRequest {
    /// The longest value read from a filter parameter.
    static let valueLimit = 200

    static func query(_ request: Request) throws -> SearchQuery {
        // Read as a form (a "+" is a space, as a browser sends the search field's words), not with
        // `queryParameters`, which keeps the "+".
        let parameters = try FormInput.parseURLEncoded(request.uri.query ?? "")
        func value(_ name: String) throws -> String? {
            guard let raw = parameters[name], !raw.isEmpty else { return nil }
            guard raw.count <= Self.valueLimit else { throw AppError(.badRequest, "error.badParameter", ["parameter": name, "value": String(raw.prefix(40)) + "…"]) }
            return String(raw)
        }
        func number(_ name: String) throws -> Int? {
            guard let text = try value(name) else { return nil }
            guard let number = Int(text) else { throw AppError(.badRequest, "error.badParameter", ["parameter": name, "value": text]) }
            return number
        }
        var query: SearchQuery
        do {
            query = try SearchQuery(parameters["q"] ?? "")
            try query.page(limit: try number("limit"), offset: try number("offset"))
        } catch let problem as SearchQuery.Problem {
            throw Self.error(problem)
        }
        if let type = try value("type") {
            guard let kind = SearchKind(rawValue: type) else { throw AppError(.badRequest, "error.badParameter", ["parameter": "type", "value": type]) }
            query.kinds = [kind]
        }
        query.bodyID = try value("body")
        if let year = try number("year") {
            guard (1900...2200).contains(year) else { throw AppError(.badRequest, "error.badParameter", ["parameter": "year", "value": String(year)]) }
            query.year = year
        }
        if let country = try value("country") {
            guard let parsed = Country(rawValue: country) else { throw AppError(.badRequest, "error.badParameter", ["parameter": "country", "value": country]) }
            query.country = parsed
        }
        return query
    }

    private static func error(_ problem: SearchQuery.Problem) -> AppError {
        switch problem {
        case .tooLong(let limit): AppError(.badRequest, "search.error.tooLong", ["limit": String(limit)])
        case .tooManyWords(let limit): AppError(.badRequest, "search.error.tooManyWords", ["limit": String(limit)])
        case .badLimit(let limit): AppError(.badRequest, "search.error.badLimit", ["limit": String(limit)])
        case .badOffset(let limit): AppError(.badRequest, "search.error.badOffset", ["limit": String(limit)])
        }
    }

    /// The search as a query string, with another type or offset, for links that keep the rest.
    static func link(_ query: SearchQuery, kind: SearchKind? = nil, offset: Int = 0) -> String {
        var parts: [(String, String)] = [("q", query.text)]
        if let chosen = kind ?? query.kinds.first { parts.append(("type", chosen.rawValue)) }
        if let body = query.bodyID { parts.append(("body", body)) }
        if let year = query.year { parts.append(("year", String(year))) }
        if let country = query.country { parts.append(("country", country.rawValue)) }
        if query.limit != SearchQuery.defaultLimit { parts.append(("limit", String(query.limit))) }
        if offset > 0 { parts.append(("offset", String(offset))) }
        return "/search?" + parts.map { "\($0.0)=\(InvestmentQuery.percentEncoded($0.1))" }.joined(separator: "&")
    }
}

extension Register {
    /// Builds the search page: the results and their counts in two statements, the bodies for the
    /// filter in one more.
    func searchPage(query: SearchQuery, labels: Labels) async throws -> SearchPage {
        let results = try await SearchIndex(db: db).search(query, scope: scope)
        let bodies = try await bodies()
        let views = results.hits.map { hit in
            let snippet = SearchSnippet(text: hit.text, query: query)
            return SearchResultView(
                kind: hit.kind.rawValue, kindLabel: labels.text("searchKind.\(hit.kind.rawValue)"), id: hit.recordID, title: hit.title,
                url: Self.url(hit), placeLabel: hit.kind == .document ? hit.anchor.map { labels.text("search.paragraph", ["anchor": $0]) } : nil,
                year: hit.year, snippet: snippet.parts, snippetHTML: Self.html(snippet))
        }
        let kindCounts = SearchKind.allCases.compactMap { kind -> SearchKindCount? in
            guard let count = results.counts[kind] else { return nil }
            return SearchKindCount(kind: kind.rawValue, label: labels.text("searchKind.\(kind.rawValue)"), count: count,
                                   url: SearchRequest.link(query, kind: kind), selected: query.kinds.contains(kind))
        }
        let filters = SearchFilters(
            kinds: SearchKind.allCases.map { FilterOption(value: $0.rawValue, label: labels.text("searchKind.\($0.rawValue)"), selected: query.kinds.contains($0)) },
            bodies: FilterOption.listed(bodies.map { FilterOption(value: $0.id, label: $0.name, selected: $0.id == query.bodyID) }, count: bodies.count),
            bodiesListed: bodies.count <= FilterOption.listLimit, body: query.bodyID,
            countries: Country.allCases.map { FilterOption(value: $0.rawValue, label: labels.country($0), selected: $0 == query.country) },
            year: query.year)
        let hasMore = query.offset + results.hits.count < results.total
        return SearchPage(
            title: query.isEmpty ? labels.text("search.title") : labels.text("search.titleFor", ["query": query.text]),
            query: query.text, hasQuery: !query.isEmpty, total: results.total,
            totalLabel: labels.catalogue.plural("search.count", count: results.total, ["count": labels.numbers.integer(results.total)]),
            firstNumber: query.offset + 1, limit: query.limit, offset: query.offset, results: views, kindCounts: kindCounts, filters: filters,
            previous: query.offset > 0 ? SearchRequest.link(query, offset: max(0, query.offset - query.limit)) : nil,
            next: hasMore && query.offset + query.limit <= SearchQuery.maximumOffset ? SearchRequest.link(query, offset: query.offset + query.limit) : nil)
    }

    /// The page that shows a result, at its place.
    static func url(_ hit: SearchHit) -> String {
        let fragment = hit.anchor.map { "#\($0)" } ?? ""
        switch hit.pageKind {
        case .organisation: return "/organisations#\(hit.pageID)"
        case .document: return "/documents/\(hit.pageID)\(fragment)"
        case .dossier: return "/dossiers/\(hit.pageID)\(fragment)"
        case .meeting: return "/meetings/\(hit.pageID)\(fragment)"
        case .body: return "/bodies/\(hit.pageID)\(fragment)"
        case .railLink: return "/rail-links/\(hit.pageID)"
        default: return "/search"
        }
    }

    /// The snippet as HTML: every part escaped first, then the matched ones wrapped in `<mark>`.
    static func html(_ snippet: SearchSnippet) -> String {
        snippet.parts.map { part in
            let text = MarkupEscaping.escape(part.text)
            return part.marked ? "<mark>\(text)</mark>" : text
        }.joined()
    }
}
