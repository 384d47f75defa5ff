import DeltaStore

/// The search page and its JSON twin (`/search`, `/api/search`): the query as read, the filters
/// offered, and one page of results, best first.
struct SearchPage: Codable, Sendable {
    let title: String
    /// The words as typed ("" before a search).
    let query: String
    /// Whether words were asked for (the page then says how many results there are).
    let hasQuery: Bool
    let total: Int
    let totalLabel: String
    /// The number of the first result on this page (1-based), for `<ol start>`.
    let firstNumber: Int
    let limit: Int
    let offset: Int
    let results: [SearchResultView]
    /// The results of each kind, with a link that shows only those.
    let kindCounts: [SearchKindCount]
    let filters: SearchFilters
    let previous: String?
    let next: String?
}

/// One result: what it is, where it is shown (a paragraph's anchor included) and a snippet.
struct SearchResultView: Codable, Sendable {
    let kind: String
    let kindLabel: String
    let id: String
    let title: String
    let url: String
    /// Where in its page the text is, in words ("paragraph p12"); nil for a record as a whole.
    let placeLabel: String?
    let year: Int?
    /// The snippet as text parts; `marked` parts are the words the query matched.
    let snippet: [SearchSnippet.Part]
    /// The same snippet as HTML: the text escaped, the matched words in `<mark>`.
    let snippetHTML: String
}

/// How many results one kind has.
struct SearchKindCount: Codable, Sendable {
    let kind: String
    let label: String
    let count: Int
    let url: String
    let selected: Bool
}

/// The filters with the values chosen.
struct SearchFilters: Codable, Sendable {
    let kinds: [FilterOption]
    /// The bodies to choose from; empty when there are more than `FilterOption.listLimit`, and
    /// the form asks for the body's id instead (`body`).
    let bodies: [FilterOption]
    let bodiesListed: Bool
    /// The body asked for, if any.
    let body: String?
    let countries: [FilterOption]
    let year: Int?
}
