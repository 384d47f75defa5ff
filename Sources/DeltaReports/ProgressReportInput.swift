import DeltaDomain

/// What the progress report is built from: a body, a period, and the register as the reader may see it.
public struct ProgressReportInput: Sendable {
    public var body: Body
    public var from: CalendarDate
    public var to: CalendarDate
    /// "2026", or the wording the user gave.
    public var periodName: String
    public var today: CalendarDate
    /// The dossiers the body and the bodies under it carry.
    public var dossiers: [Dossier]
    public var milestones: [Milestone]
    public var agreements: [Agreement]
    public var investments: [Investment]
    /// Outcomes of the body's meetings, with the meeting and the dossier each is about (if known).
    public var outcomes: [(outcome: Outcome, meeting: Meeting, dossierID: String?)]
    public var organisationNames: [String: String]

    public init(body: Body, from: CalendarDate, to: CalendarDate, periodName: String, today: CalendarDate, dossiers: [Dossier],
                milestones: [Milestone], agreements: [Agreement], investments: [Investment],
                outcomes: [(outcome: Outcome, meeting: Meeting, dossierID: String?)], organisationNames: [String: String]) {
        self.body = body; self.from = from; self.to = to; self.periodName = periodName; self.today = today; self.dossiers = dossiers
        self.milestones = milestones; self.agreements = agreements; self.investments = investments; self.outcomes = outcomes
        self.organisationNames = organisationNames
    }
}
