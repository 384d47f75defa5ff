/// A milestone of a dossier.
public struct Milestone: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    public var dossierID: String
    public var title: String
    public var due: FuzzyPeriod
    public var ownerID: String?
    public var status: MilestoneStatus
    public var achievedOn: CalendarDate?
    public var source: PassageReference?
    public var note: String?
    public var visibility: Visibility

    public init(id: String, dossierID: String, title: String, due: FuzzyPeriod, ownerID: String? = nil,
                status: MilestoneStatus = .planned, achievedOn: CalendarDate? = nil, source: PassageReference? = nil,
                note: String? = nil, visibility: Visibility = .public) {
        self.id = id; self.dossierID = dossierID; self.title = title; self.due = due; self.ownerID = ownerID
        self.status = status; self.achievedOn = achievedOn; self.source = source; self.note = note
        self.visibility = visibility
    }
}
