/// Why an item is on an agenda.
public enum AgendaReason: String, Sendable, Codable, CaseIterable, Hashable {
    /// An open milestone whose period has passed.
    case overdueMilestone = "overdue-milestone"
    /// An open milestone falling due before the next meeting.
    case milestoneDue = "milestone-due"
    /// A dossier whose health changed since the previous meeting.
    case healthChanged = "health-changed"
    /// An action still open from an earlier meeting (stays on every agenda until done).
    case openAction = "open-action"
    /// An agreement that is not (or hardly) started and due, without any change since the previous meeting.
    case agreementWithoutProgress = "agreement-without-progress"
    /// A document dated since the previous meeting that concerns the body's dossiers.
    case newDocument = "new-document"
    /// An item parked at an earlier meeting.
    case parked
    /// Added by hand.
    case manual
}

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

/// The kind of a recorded outcome.
public enum OutcomeKind: String, Sendable, Codable, CaseIterable, Hashable {
    case information, decision, action
}

/// The state of an action.
public enum ActionStatus: String, Sendable, Codable, CaseIterable, Hashable {
    case open, done, dropped
}

/// A change to the register that a decision makes ("milestone Y moved to end of 2026").
public struct RegisterChange: Hashable, Sendable, Codable {
    /// What the change does.
    public enum Kind: String, Sendable, Codable, CaseIterable, Hashable {
        /// A milestone's due period gets new wording ("eind 2026").
        case milestoneDue = "milestone-due"
        /// A milestone's status changes (value: planned, in-progress, achieved, delayed, cancelled).
        case milestoneStatus = "milestone-status"
        /// An agreement's completion changes (value on the OGP scale).
        case agreementCompletion = "agreement-completion"
        /// A dossier's political mandate is given (value: when, in Dutch wording or a date).
        case mandateGiven = "mandate-given"
    }

    public var kind: Kind
    /// The milestone, agreement or dossier id.
    public var recordID: String
    public var value: String

    public init(kind: Kind, recordID: String, value: String) {
        self.kind = kind; self.recordID = recordID; self.value = value
    }
}

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

/// The state of a meeting's minutes.
public enum MinutesStatus: String, Sendable, Codable, CaseIterable, Hashable {
    case draft, approved
}

/// The minutes of a meeting: drafted, then approved; approved minutes change only by correction.
public struct MinutesRecord: Hashable, Sendable, Codable {
    public var meetingID: String
    public var status: MinutesStatus
    public var approvedOn: CalendarDate?
    /// Who approved: "chair" or the meeting at which they were approved.
    public var approvedBy: String?
    /// Corrections made after approval, oldest first.
    public var corrections: [MinutesCorrection]

    public init(meetingID: String, status: MinutesStatus = .draft, approvedOn: CalendarDate? = nil, approvedBy: String? = nil,
                corrections: [MinutesCorrection] = []) {
        self.meetingID = meetingID; self.status = status; self.approvedOn = approvedOn; self.approvedBy = approvedBy
        self.corrections = corrections
    }

    /// Whether outcomes may still be added, changed or removed.
    public var isEditable: Bool { status == .draft }
}

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

/// Proposes a planned meeting's agenda from the state of the body's dossiers.
///
/// The meeting's day is the first day of its period; "since the previous meeting" starts the day
/// after that meeting's last day (a year before the meeting when there is none). The order:
/// open actions and parked items first (they were promised), then per dossier in title order its
/// overdue milestones, milestones due before the next meeting, a health change, agreements without
/// progress; then new documents. An item about the same thing is proposed once.
public enum AgendaProposer {
    /// The proposed items, numbered `MEETING-1`, `MEETING-2`, … in the order above.
    public static func propose(_ context: AgendaContext) -> [AgendaItem] {
        let day = context.meeting.when.earliest
        let since = context.previousMeeting.map { $0.when.latest.adding(days: 1) } ?? day.adding(days: -365)
        let horizon = context.nextMeetingBy ?? day.adding(days: 182)
        let meetingID = context.meeting.id
        var items: [AgendaItem] = []
        var subjects = Set<String>()
        func add(_ item: AgendaItem) {
            guard subjects.insert(item.subject).inserted else { return }
            var placed = item
            placed.position = items.count
            placed.id = "\(meetingID)-\(items.count + 1)"
            items.append(placed)
        }
        for action in context.openActions.sorted(by: { ($0.due?.latest ?? day, $0.id) < ($1.due?.latest ?? day, $1.id) }) {
            add(AgendaItem(id: "", meetingID: meetingID, position: 0, title: "Actie: \(action.text)", reason: .openAction, actionID: action.id))
        }
        for parked in context.parkedItems.sorted(by: { ($0.meetingID, $0.position) < ($1.meetingID, $1.position) }) {
            add(AgendaItem(id: "", meetingID: meetingID, position: 0, title: parked.title, reason: .parked, dossierID: parked.dossierID,
                           milestoneID: parked.milestoneID, agreementID: parked.agreementID, documentID: parked.documentID, actionID: parked.actionID))
        }
        let dossierIDs = Set(context.dossiers.map(\.id))
        for dossier in context.dossiers.sorted(by: { ($0.title, $0.id) < ($1.title, $1.id) }) {
            let milestones = context.milestones.filter { $0.dossierID == dossier.id }
            let open = milestones.filter { $0.status.isOpen }.sorted { ($0.due.latest, $0.id) < ($1.due.latest, $1.id) }
            for milestone in open where milestone.due.latest < day {
                add(AgendaItem(id: "", meetingID: meetingID, position: 0, title: "\(dossier.title): mijlpaal over tijd – \(milestone.title)",
                               reason: .overdueMilestone, dossierID: dossier.id, milestoneID: milestone.id))
            }
            for milestone in open where milestone.due.latest >= day && milestone.due.earliest <= horizon {
                add(AgendaItem(id: "", meetingID: meetingID, position: 0, title: "\(dossier.title): mijlpaal voor het volgende overleg – \(milestone.title)",
                               reason: .milestoneDue, dossierID: dossier.id, milestoneID: milestone.id))
            }
            let before = HealthRules.assess(milestones: milestones, today: since).health
            let now = HealthRules.assess(milestones: milestones, today: day).health
            if before != now {
                add(AgendaItem(id: "", meetingID: meetingID, position: 0, title: "\(dossier.title): voortgang gewijzigd (\(before.rawValue) → \(now.rawValue))",
                               reason: .healthChanged, dossierID: dossier.id))
            }
            let stalled = context.agreements.filter { agreement in
                agreement.dossierIDs.contains(dossier.id)
                    && (agreement.completion == .notStarted || agreement.completion == .limited)
                    && !context.agreementsChangedSince.contains(agreement.id)
                    && (agreement.due.map { $0.earliest <= horizon } ?? false)
            }
            for agreement in stalled.sorted(by: { $0.id < $1.id }) {
                add(AgendaItem(id: "", meetingID: meetingID, position: 0, title: "\(dossier.title): afspraak zonder voortgang – \(agreement.title)",
                               reason: .agreementWithoutProgress, dossierID: dossier.id, agreementID: agreement.id))
            }
        }
        for document in context.documents.sorted(by: { ($0.date, $0.id) < ($1.date, $1.id) })
        where document.date >= since && document.date <= day && !(context.documentDossiers[document.id] ?? []).isDisjoint(with: dossierIDs) {
            add(AgendaItem(id: "", meetingID: meetingID, position: 0, title: "Nieuw document: \(document.title)", reason: .newDocument,
                           documentID: document.id))
        }
        return items
    }
}
