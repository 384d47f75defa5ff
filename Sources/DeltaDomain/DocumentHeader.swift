/// What lists and links need of a document, without its text: cheap to load for every page.
public struct DocumentHeader: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    public var kind: DocumentKind
    public var title: String
    /// The date, when known (see `Document.date`).
    public var date: FuzzyPeriod?
    public var place: String?
    public var reference: String?

    public init(id: String, kind: DocumentKind, title: String, date: FuzzyPeriod?, place: String? = nil, reference: String? = nil) {
        self.id = id; self.kind = kind; self.title = title; self.date = date; self.place = place; self.reference = reference
    }
}
