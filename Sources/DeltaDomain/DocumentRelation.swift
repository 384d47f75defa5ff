/// A typed link from one document to another: the 2026 declaration is a planned addendum to the
/// Thalassa declaration of intent, a Kamerbrief is an attachment of a decision memo.
public struct DocumentRelation: Hashable, Sendable, Codable {
    /// What the relation is.
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        case buildsOn = "builds-on", addendumTo = "addendum-to", attachmentOf = "attachment-of"
        case replaces, answers, cites
    }

    public var kind: Kind
    /// The document at the other end.
    public var targetID: String
    /// The relation is intended ("vormt de basis voor een addendum") rather than in force.
    public var planned: Bool
    /// The passage of the relating document that states the relation.
    public var passage: PassageReference?
    public var note: String?

    public init(kind: Kind, targetID: String, planned: Bool = false, passage: PassageReference? = nil, note: String? = nil) {
        self.kind = kind; self.targetID = targetID; self.planned = planned; self.passage = passage; self.note = note
    }
}
