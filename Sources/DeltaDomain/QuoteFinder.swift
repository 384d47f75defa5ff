/// Paragraphs made ready once for finding many quotes in them (`TextLayout.locate(quote:in:)`
/// finds one).
///
/// Why: an import locates every agreement's quoted passage in its document, and folding the
/// whitespace of every paragraph again for each quote made that cost the document's length
/// times its number of quotes.
public struct QuoteFinder: Sendable {
    private let paragraphs: [(anchor: String, folded: WhitespaceFolded)]

    /// The paragraphs, in order.
    public init(_ paragraphs: [Paragraph]) {
        self.paragraphs = paragraphs.map { ($0.anchor, WhitespaceFolded($0.text)) }
    }

    /// The first paragraph holding `quote`, and the span of the quote in that paragraph's text,
    /// by the rules of `TextLayout.locate(quote:in:)`; nil if no single paragraph holds it.
    /// With `anchor`, only the paragraph of that anchor is searched.
    public func locate(_ quote: String, inParagraph anchor: String? = nil) -> (anchor: String, start: Int, length: Int)? {
        let needle = WhitespaceFolded(quote).scalars
        guard !needle.isEmpty else { return nil }
        for paragraph in paragraphs where anchor == nil || paragraph.anchor == anchor {
            guard let at = paragraph.folded.firstIndex(of: needle) else {
                if anchor != nil { return nil }
                continue
            }
            let start = paragraph.folded.offsets[at]
            let end = paragraph.folded.offsets[at + needle.count - 1] + 1
            return (paragraph.anchor, start, end - start)
        }
        return nil
    }
}
