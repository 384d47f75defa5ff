/// An item of a meeting's agenda, linked to what it is about.
public struct AgendaItem: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    public var meetingID: String
    public var position: Int
    public var title: String
    public var reason: AgendaReason
    public var dossierID: String?
    public var milestoneID: String?
    public var agreementID: String?
    public var documentID: String?
    /// The action (an outcome) the item follows up.
    public var actionID: String?
    /// Parked: not dealt with; proposed again for the next meeting.
    public var parked: Bool

    public init(id: String, meetingID: String, position: Int, title: String, reason: AgendaReason, dossierID: String? = nil,
                milestoneID: String? = nil, agreementID: String? = nil, documentID: String? = nil, actionID: String? = nil,
                parked: Bool = false) {
        self.id = id; self.meetingID = meetingID; self.position = position; self.title = title; self.reason = reason
        self.dossierID = dossierID; self.milestoneID = milestoneID; self.agreementID = agreementID; self.documentID = documentID
        self.actionID = actionID; self.parked = parked
    }

    /// What the item is about, as one key: two proposals about the same thing are one item.
    public var subject: String {
        if let actionID { return "action:\(actionID)" }
        if let milestoneID { return "milestone:\(milestoneID)" }
        if let agreementID { return "agreement:\(agreementID)" }
        if let documentID { return "document:\(documentID)" }
        if let dossierID { return "dossier:\(dossierID)" }
        return "title:\(title)"
    }
}
