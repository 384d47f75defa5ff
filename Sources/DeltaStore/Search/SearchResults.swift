import DeltaDomain

/// One result: the text that matched, where it is shown, and how well it matched.
public struct SearchHit: Sendable, Hashable {
    public let kind: SearchKind
    public let recordID: String
    public let anchor: String?
    public let title: String
    public let text: String
    public let year: Int?
    /// The record whose page shows the text.
    public let pageKind: RecordKind
    public let pageID: String
    /// Higher is better; comparable only within one answer of one engine.
    public let score: Double
}

/// A page of results with the number of results of every kind (the type filter left out, so the
/// counts say what choosing another type would give). Hidden records are in neither.
public struct SearchResults: Sendable, Hashable {
    public let hits: [SearchHit]
    /// Results of each kind that has any.
    public let counts: [SearchKind: Int]
    /// Results of the kinds asked for (all results when no type was chosen).
    public let total: Int

    public init(hits: [SearchHit], counts: [SearchKind: Int], total: Int) {
        self.hits = hits
        self.counts = counts
        self.total = total
    }

    /// No results.
    public static let none = SearchResults(hits: [], counts: [:], total: 0)
}
