/// Everything the agenda proposal looks at, for one planned meeting of one body.
public struct AgendaContext: Sendable {
    public var meeting: Meeting
    /// The body's last meeting before this one that was held (nil for a first meeting).
    public var previousMeeting: Meeting?
    /// When the meeting after this one is expected (a planned meeting, or the cadence's next due date).
    public var nextMeetingBy: CalendarDate?
    /// The dossiers the body carries, with their milestones and agreements.
    public var dossiers: [Dossier]
    public var milestones: [Milestone]
    public var agreements: [Agreement]
    /// Documents with their agreements' dossiers and bodies (to tell which concern this body).
    public var documents: [DocumentHeader]
    public var documentDossiers: [String: Set<String>]
    /// Actions of this body's earlier meetings that are still open.
    public var openActions: [Outcome]
    /// Items parked at earlier meetings of the body and not dealt with since.
    public var parkedItems: [AgendaItem]
    /// Agreements changed (in the audit log) since the previous meeting.
    public var agreementsChangedSince: Set<String>

    public init(meeting: Meeting, previousMeeting: Meeting?, nextMeetingBy: CalendarDate?, dossiers: [Dossier], milestones: [Milestone],
                agreements: [Agreement], documents: [DocumentHeader], documentDossiers: [String: Set<String>], openActions: [Outcome],
                parkedItems: [AgendaItem], agreementsChangedSince: Set<String>) {
        self.meeting = meeting; self.previousMeeting = previousMeeting; self.nextMeetingBy = nextMeetingBy; self.dossiers = dossiers
        self.milestones = milestones; self.agreements = agreements; self.documents = documents; self.documentDossiers = documentDossiers
        self.openActions = openActions; self.parkedItems = parkedItems; self.agreementsChangedSince = agreementsChangedSince
    }
}
