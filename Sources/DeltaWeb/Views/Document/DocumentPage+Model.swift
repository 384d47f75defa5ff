import DeltaDomain
import DeltaReports
import DeltaStore

/// A piece of a paragraph: plain text, or a passage that carries an agreement.
struct SegmentView: Codable, Sendable {
    let text: String
    let agreementID: String?
    let agreementTitle: String?
}

/// A paragraph of a document, cut into segments where agreements are quoted.
struct ParagraphView: Codable, Sendable {
    let anchor: String
    let kind: String
    let isHeading: Bool
    let carriesAgreement: Bool
    let segments: [SegmentView]
}

/// Consecutive paragraphs shown together: one heading, one paragraph or one list.
struct BlockView: Codable, Sendable {
    let heading: ParagraphView?
    let paragraph: ParagraphView?
    let list: [ParagraphView]?
}

/// A signatory with the organisation named.
struct SignatoryView: Codable, Sendable {
    let name: String
    let role: String
    let organisation: LinkView?
}

/// The document page: metadata and the full text with agreement passages marked.
struct DocumentPage: Codable, Sendable {
    let title: String
    let id: String
    let kind: String
    let kindLabel: String
    /// The first day the date can mean (ISO), nil when the date is unknown.
    let date: String?
    let dateLabel: String?
    let dateSource: String?
    /// A document known only by reference, not yet in the register.
    let stub: Bool
    /// Relations from and to this document, both ends.
    let relations: [RelationView]
    let place: String?
    let reference: String?
    let language: String
    let signatories: [SignatoryView]
    let issuers: [LinkView]
    let deadline: PeriodView?
    let attachmentCount: Int?
    let summary: String?
    let paragraphCount: Int
    let blocks: [BlockView]
    let agreements: [AgreementView]
}

/// A relation as one end shows it: "addendum to X" on the relating document, "has as addendum Y"
/// on the other.
struct RelationView: Codable, Sendable {
    let kind: String
    /// Whether this document is the relating one.
    let outgoing: Bool
    let label: String
    let document: LinkView
    let planned: Bool
    let passage: PassageView?
    let note: String?
}

/// A document in lists.
struct DocumentSummaryView: Codable, Sendable {
    let id: String
    let title: String
    let url: String
    let kind: String
    let kindLabel: String
    let date: String?
    let dateLabel: String?
    let place: String?
    let reference: String?
}

/// The document list.
struct DocumentListPage: Codable, Sendable {
    let title: String
    var documents: [DocumentSummaryView]
    /// The window shown (`?limit=`, `?after=`); see `ListWindow`.
    var paging: Paging? = nil
}

enum DocumentLayout {
    /// Cuts a paragraph at the start and end of every agreement passage in it.
    static func segments(of paragraph: Paragraph, agreements: [Agreement]) -> [SegmentView] {
        let scalars = Array(paragraph.text.unicodeScalars)
        let spans = agreements.filter { $0.source.anchor == paragraph.anchor }
            .map { (start: max(0, $0.source.start), end: min(scalars.count, $0.source.start + $0.source.length), agreement: $0) }
            .filter { $0.start < $0.end }
            .sorted { ($0.start, $0.end) < ($1.start, $1.end) }
        var segments: [SegmentView] = []
        var position = 0
        func text(_ from: Int, _ to: Int) -> String { String(String.UnicodeScalarView(scalars[from..<to])) }
        for span in spans where span.end > position {
            let start = max(span.start, position)
            if start > position { segments.append(SegmentView(text: text(position, start), agreementID: nil, agreementTitle: nil)) }
            // Overlapping passages: the part already marked stays with the first agreement.
            segments.append(SegmentView(text: text(start, span.end), agreementID: span.agreement.id, agreementTitle: span.agreement.title))
            position = span.end
        }
        if position < scalars.count || segments.isEmpty {
            segments.append(SegmentView(text: text(position, scalars.count), agreementID: nil, agreementTitle: nil))
        }
        return segments
    }

    /// Groups paragraphs into blocks; consecutive list items form one list.
    static func blocks(_ paragraphs: [ParagraphView]) -> [BlockView] {
        var blocks: [BlockView] = []
        var list: [ParagraphView] = []
        func flush() {
            if !list.isEmpty { blocks.append(BlockView(heading: nil, paragraph: nil, list: list)) }
            list = []
        }
        for paragraph in paragraphs {
            switch paragraph.kind {
            case ParagraphKind.listItem.rawValue: list.append(paragraph)
            case ParagraphKind.heading.rawValue: flush(); blocks.append(BlockView(heading: paragraph, paragraph: nil, list: nil))
            default: flush(); blocks.append(BlockView(heading: nil, paragraph: paragraph, list: nil))
            }
        }
        flush()
        return blocks
    }
}
