/// A note on a dossier or agreement that only the author's delegation can read: the place for a
/// delegation's negotiating position, never shown to the other side, in exports, feeds or the portal.
public struct PrivateNote: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    public var recordKind: RecordKind
    public var recordID: String
    public var delegation: String
    public var authorID: String
    public var authorName: String
    public var text: String
    /// When it was written, ISO 8601 in UTC.
    public var createdAt: String

    public init(id: String, recordKind: RecordKind, recordID: String, delegation: String, authorID: String,
                authorName: String, text: String, createdAt: String) {
        self.id = id; self.recordKind = recordKind; self.recordID = recordID; self.delegation = delegation
        self.authorID = authorID; self.authorName = authorName; self.text = text; self.createdAt = createdAt
    }
}
