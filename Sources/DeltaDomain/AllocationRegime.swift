/// How one country (or the EU) allocates public money for rail: a short, editable explanation
/// of its allocation regime (the Dutch Mobiliteitsfonds and MIRT phases, the Belgian federal
/// multi-year investment plan, the Flemish budgets, EU CEF co-funding), shown beside the
/// investment figures.
public struct AllocationRegime: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    /// The country (or `EU`) whose rules these are.
    public var country: Country
    /// The funding sources the regime governs (the codes investments carry).
    public var fundingSources: [FundingSource]
    public var title: String
    /// The explanation; nil while nobody has written one yet ("no explanation yet").
    public var explanation: String?
    /// A passage that supports the explanation.
    public var source: PassageReference?
    public var visibility: Visibility

    public init(id: String, country: Country, fundingSources: [FundingSource] = [], title: String, explanation: String? = nil,
                source: PassageReference? = nil, visibility: Visibility = .public) {
        self.id = id; self.country = country; self.fundingSources = fundingSources; self.title = title
        self.explanation = explanation; self.source = source; self.visibility = visibility
    }
}
