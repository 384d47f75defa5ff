/// An outcome of an agenda item: information, a decision (besluitenlijst) or an action (actielijst).
public struct Outcome: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    public var meetingID: String
    public var agendaItemID: String?
    public var kind: OutcomeKind
    public var text: String
    /// Who must act: an organisation and/or a named person.
    public var ownerID: String?
    public var ownerPerson: String?
    public var due: FuzzyPeriod?
    /// For actions: open until done or dropped. Follow-up, so it may change after the minutes are approved.
    public var actionStatus: ActionStatus?
    public var doneOn: CalendarDate?
    /// For decisions: the register change it makes, applied when recorded.
    public var change: RegisterChange?

    public init(id: String, meetingID: String, agendaItemID: String? = nil, kind: OutcomeKind, text: String, ownerID: String? = nil,
                ownerPerson: String? = nil, due: FuzzyPeriod? = nil, actionStatus: ActionStatus? = nil, doneOn: CalendarDate? = nil,
                change: RegisterChange? = nil) {
        self.id = id; self.meetingID = meetingID; self.agendaItemID = agendaItemID; self.kind = kind; self.text = text
        self.ownerID = ownerID; self.ownerPerson = ownerPerson; self.due = due
        self.actionStatus = kind == .action ? (actionStatus ?? .open) : nil
        self.doneOn = doneOn; self.change = change
    }

    /// An action that is still to be done.
    public var isOpenAction: Bool { kind == .action && actionStatus == .open }
}
