import DeltaDomain

/// One row of the search index: a piece of a record's text with what the filters and the
/// visibility rule need, and the page it is shown on.
public struct SearchEntry: Hashable, Sendable {
    public var kind: SearchKind
    /// The record the text belongs to (a document, an agreement, an outcome, …).
    public var recordID: String
    /// Where on its page the text is: a paragraph anchor ("p12"), "agreement-…", "outcome-…".
    public var anchor: String?
    /// The order of entries of one record (paragraphs in reading order).
    public var position: Int
    /// The title shown with the result (for a paragraph: its document's).
    public var title: String
    /// Whether `title` is searched too; a paragraph's is not, or every paragraph would match it.
    public var titleIsSearched: Bool
    /// The text searched and quoted in the snippet.
    public var text: String
    /// The visibility of the record the text belongs to (a paragraph has its document's).
    public var visibility: Visibility
    public var bodyIDs: [String]
    public var dossierIDs: [String]
    /// The year the record is dated in, when it has one.
    public var year: Int?
    public var countries: [Country]
    /// The record whose page shows this text: a document, dossier, meeting or organisation.
    public var pageKind: RecordKind
    public var pageID: String

    public init(kind: SearchKind, recordID: String, anchor: String? = nil, position: Int = 0, title: String, titleIsSearched: Bool = true,
                text: String, visibility: Visibility, bodyIDs: [String] = [], dossierIDs: [String] = [], year: Int? = nil,
                countries: [Country] = [], pageKind: RecordKind, pageID: String) {
        self.kind = kind; self.recordID = recordID; self.anchor = anchor; self.position = position; self.title = title
        self.titleIsSearched = titleIsSearched; self.text = text; self.visibility = visibility; self.bodyIDs = bodyIDs
        self.dossierIDs = dossierIDs; self.year = year; self.countries = countries; self.pageKind = pageKind; self.pageID = pageID
    }
}
