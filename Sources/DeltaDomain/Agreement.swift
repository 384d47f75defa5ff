/// An agreement ("afspraak") in a document, quoted from its passage.
public struct Agreement: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    /// A short statement of what was agreed.
    public var title: String
    public var source: PassageReference
    public var partyIDs: [String]
    public var dossierIDs: [String]
    /// The body the agreement sets up or tasks, if any.
    public var bodyID: String?
    public var due: FuzzyPeriod?
    public var completion: Completion
    /// What shows the completion (required for `complete`, see `CompletionRules`).
    public var evidence: [Evidence]
    public var visibility: Visibility

    public init(id: String, title: String, source: PassageReference, partyIDs: [String] = [], dossierIDs: [String] = [],
                bodyID: String? = nil, due: FuzzyPeriod? = nil, completion: Completion = .notStarted,
                evidence: [Evidence] = [], visibility: Visibility = .public) {
        self.id = id; self.title = title; self.source = source; self.partyIDs = partyIDs; self.dossierIDs = dossierIDs
        self.bodyID = bodyID; self.due = due; self.completion = completion
        self.evidence = evidence; self.visibility = visibility
    }
}
