/// A text passage in a source document: the paragraph's anchor and the character span in it.
public struct PassageReference: Hashable, Sendable, Codable {
    public var documentID: String
    /// Anchor of the paragraph the passage starts in ("p12").
    public var anchor: String
    /// Offset of the first character within the paragraph text, in Unicode scalars.
    public var start: Int
    /// Number of Unicode scalars in the passage.
    public var length: Int
    /// The passage as quoted.
    public var quote: String

    public init(documentID: String, anchor: String, start: Int, length: Int, quote: String) {
        self.documentID = documentID; self.anchor = anchor; self.start = start; self.length = length; self.quote = quote
    }
}
