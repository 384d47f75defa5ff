/// One real paragraph of a document's text, with a stable anchor.
///
/// Passages (`PassageReference`) point into a paragraph by its anchor and an offset in
/// Unicode scalars, so the text here is what offsets count in: trimmed, with every run of
/// whitespace collapsed to one space.
public struct Paragraph: Hashable, Sendable, Codable {
    /// Anchor of the paragraph in its document: "p1", "p2", … in reading order.
    public let anchor: String
    /// Heading, running text or list item.
    public let kind: ParagraphKind
    /// The paragraph's text, trimmed, whitespace collapsed to single spaces.
    public let text: String

    /// Creates a paragraph.
    public init(anchor: String, kind: ParagraphKind, text: String) {
        self.anchor = anchor
        self.kind = kind
        self.text = text
    }
}
