/// A source document: a declaration, a letter to parliament, a decision memo, a treaty.
public struct Document: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    public var kind: DocumentKind
    public var title: String
    /// When the document is dated: a day, or a month or year when only that is known; nil when
    /// the date is not known (never a guess).
    public var date: FuzzyPeriod?
    /// Where the date comes from ("kop van de brief", "publicatie op rijksoverheid.nl").
    public var dateSource: String?
    /// A document others refer to that is not in the register yet: title and reference only.
    public var isStub: Bool
    /// Typed links to other documents (the other end shows them too).
    public var relations: [DocumentRelation]
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

    public init(id: String, kind: DocumentKind, title: String, date: FuzzyPeriod?, dateSource: String? = nil,
                isStub: Bool = false, relations: [DocumentRelation] = [], place: String? = nil,
                reference: String? = nil, language: String = "nl", signatories: [Signatory] = [],
                issuerIDs: [String] = [], deadline: FuzzyPeriod? = nil, attachmentCount: Int? = nil,
                summary: String? = nil, text: String, visibility: Visibility = .public) {
        self.id = id; self.kind = kind; self.title = title; self.date = date; self.dateSource = dateSource
        self.isStub = isStub; self.relations = relations; self.place = place
        self.reference = reference; self.language = language; self.signatories = signatories
        self.issuerIDs = issuerIDs; self.deadline = deadline; self.attachmentCount = attachmentCount
        self.summary = summary; self.text = text; self.visibility = visibility
    }

    /// A document dated on one day.
    public init(id: String, kind: DocumentKind, title: String, date: CalendarDate, place: String? = nil,
                reference: String? = nil, language: String = "nl", signatories: [Signatory] = [],
                issuerIDs: [String] = [], deadline: FuzzyPeriod? = nil, attachmentCount: Int? = nil,
                summary: String? = nil, text: String, visibility: Visibility = .public) {
        self.init(id: id, kind: kind, title: title, date: FuzzyPeriod(day: date), place: place, reference: reference,
                  language: language, signatories: signatories, issuerIDs: issuerIDs, deadline: deadline,
                  attachmentCount: attachmentCount, summary: summary, text: text, visibility: visibility)
    }

    /// The year the document's year-less periods ("voor de zomer") belong to: known only when
    /// the date is known to the year.
    public var referenceYear: Int? {
        guard let date, date.earliest.year == date.latest.year else { return nil }
        return date.earliest.year
    }

    /// The text as real paragraphs with stable anchors.
    public var paragraphs: [Paragraph] { TextLayout.paragraphs(from: text) }
}
