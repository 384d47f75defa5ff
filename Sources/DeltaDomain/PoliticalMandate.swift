/// The political mandate given for a dossier's milestones: when, and by which body or document.
public struct PoliticalMandate: Hashable, Sendable, Codable {
    public var given: FuzzyPeriod
    public var bodyID: String?
    public var documentID: String?
    public var note: String?

    public init(given: FuzzyPeriod, bodyID: String? = nil, documentID: String? = nil, note: String? = nil) {
        self.given = given; self.bodyID = bodyID; self.documentID = documentID; self.note = note
    }
}
