/// A correction to approved minutes: what was wrong and what is right, never a silent edit.
public struct MinutesCorrection: Hashable, Sendable, Codable {
    public var text: String
    public var author: String
    /// ISO 8601 in UTC.
    public var at: String

    public init(text: String, author: String, at: String) {
        self.text = text; self.author = author; self.at = at
    }
}
