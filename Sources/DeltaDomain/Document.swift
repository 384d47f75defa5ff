/// A source document: a declaration, a letter to parliament, a decision memo, a treaty.
public struct Document: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    public var kind: DocumentKind
    public var title: String
    public var date: CalendarDate
    public var place: String?
    /// Official reference ("IENW/BSK-2026/25751").
    public var reference: String?
    /// ISO 639-1 language code of the text.
    public var language: String
    public var signatories: [Signatory]
    /// Organisations that issued the document.
    public var issuerIDs: [String]
    /// A deadline stated on the document itself (a decision memo's "Beslistermijn").
    public var deadline: FuzzyPeriod?
    /// Number of attachments the document names.
    public var attachmentCount: Int?
    public var summary: String?
    /// The full text as written, hard wraps included; `paragraphs` is derived from it.
    public var text: String
    public var visibility: Visibility

    public init(id: String, kind: DocumentKind, title: String, date: CalendarDate, place: String? = nil,
                reference: String? = nil, language: String = "nl", signatories: [Signatory] = [],
                issuerIDs: [String] = [], deadline: FuzzyPeriod? = nil, attachmentCount: Int? = nil,
                summary: String? = nil, text: String, visibility: Visibility = .public) {
        self.id = id; self.kind = kind; self.title = title; self.date = date; self.place = place
        self.reference = reference; self.language = language; self.signatories = signatories
        self.issuerIDs = issuerIDs; self.deadline = deadline; self.attachmentCount = attachmentCount
        self.summary = summary; self.text = text; self.visibility = visibility
    }

    /// The text as real paragraphs with stable anchors.
    public var paragraphs: [Paragraph] { TextLayout.paragraphs(from: text) }
}
