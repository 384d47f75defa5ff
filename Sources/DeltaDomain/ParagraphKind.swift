/// What a paragraph is in the layout of a document.
public enum ParagraphKind: String, Codable, Sendable {
    /// A title or section heading ("Inleiding", "Afspraken").
    case heading
    /// Running text.
    case paragraph
    /// One item of a bulleted or numbered list; the marker itself is not part of the text.
    case listItem = "list-item"
}
