import DeltaDomain

/// What a search result is: the `type` filter's values and the `searchKind.*` labels.
public enum SearchKind: String, Sendable, Codable, CaseIterable, Hashable {
    /// A document as a whole (title, reference, summary) or one of its paragraphs (with an anchor).
    case document
    case agreement
    case dossier
    /// A decision in approved minutes.
    case decision
    /// Approved minutes: their information, actions and corrections.
    case minutes
    case milestone
    case organisation
    /// A cross-border rail link (its names, stations and summary).
    case railLink

    /// How much a match of this kind counts beside others. A dossier is where everything about a
    /// subject comes together, so "3RX" or "militaire mobiliteit" should lead to it before the
    /// agreements and paragraphs that name it too.
    public var boost: Double {
        switch self {
        case .dossier: 1.5
        default: 1.0
        }
    }
}
