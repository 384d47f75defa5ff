import DeltaDomain
import DeltaReports
import DeltaStore

/// A meeting: details, invitees and attendance, agenda, and minutes (decisions and actions).
struct MeetingPage: Codable, Sendable {
    let title: String
    let meeting: MeetingSummaryView
    let invitees: [InviteeView]
    let agenda: [AgendaItemView]
    /// Outcomes not tied to an agenda item.
    let otherOutcomes: [OutcomeView]
    let minutes: MinutesView
    /// The agenda's fingerprint: saving over a changed agenda is a conflict.
    let agendaVersion: String
    /// The meeting record's version (attendance and invitees are saved with it).
    let version: Int
    /// Whether draft agenda and minutes are shown (signed-in readers), or only approved minutes.
    let showDraft: Bool
}

/// The meeting's facts.
struct MeetingSummaryView: Codable, Sendable {
    let id: String
    let title: String
    let body: LinkView
    let when: PeriodView
    let time: String?
    let timeZone: String?
    let place: String?
    let online: Bool
    let status: String
    let statusLabel: String
}

/// An invitee and whether they came.
struct InviteeView: Codable, Sendable {
    let position: Int
    let organisation: LinkView?
    let person: String?
    let attendance: String
    let attendanceLabel: String
}

/// An agenda item with what it links to and what came of it.
struct AgendaItemView: Codable, Sendable {
    let id: String
    let number: Int
    let title: String
    let reason: String
    let reasonLabel: String
    let parked: Bool
    let links: [LinkView]
    let outcomes: [OutcomeView]
}

/// An outcome: information, decision or action.
struct OutcomeView: Codable, Sendable {
    let id: String
    let meetingID: String
    let kind: String
    let kindLabel: String
    let text: String
    let owner: String?
    let due: PeriodView?
    let actionStatus: String?
    let actionStatusLabel: String?
    let doneOn: String?
    /// The register change a decision made, in words.
    let change: String?
    let isAction: Bool
    let isDecision: Bool
    /// The meeting it was recorded at (in lists across meetings).
    let meeting: LinkView?
}

/// The minutes' state.
struct MinutesView: Codable, Sendable {
    let status: String
    let statusLabel: String
    let approvedOn: String?
    let approvedBy: String?
    let corrections: [MinutesCorrection]
    let editable: Bool
}

/// A body's decisions (besluitenlijst) and actions (actielijst) across its meetings.
struct DecisionsPage: Codable, Sendable {
    let title: String
    let body: LinkView
    let decisions: [OutcomeView]
    let openActions: [OutcomeView]
    let closedActions: [OutcomeView]
}

extension MeetingLabels {
    static func outcome(_ outcome: Outcome, index: RegisterIndex, meeting: LinkView? = nil) -> OutcomeView {
        let owner = [index.organisation(outcome.ownerID)?.name, outcome.ownerPerson].compactMap { $0 }.joined(separator: ", ")
        return OutcomeView(id: outcome.id, meetingID: outcome.meetingID, kind: outcome.kind.rawValue, kindLabel: kind(outcome.kind), text: outcome.text,
                           owner: owner.isEmpty ? nil : owner, due: outcome.due.map(PeriodView.init),
                           actionStatus: outcome.actionStatus?.rawValue, actionStatusLabel: outcome.actionStatus.map(actionStatus),
                           doneOn: outcome.doneOn?.iso, change: outcome.change.map(change), isAction: outcome.kind == .action,
                           isDecision: outcome.kind == .decision, meeting: meeting)
    }
}

/// Dutch words for the meeting machinery.
enum MeetingLabels {
    static func kind(_ kind: OutcomeKind) -> String {
        switch kind {
        case .information: "informatie"
        case .decision: "besluit"
        case .action: "actie"
        }
    }

    static func actionStatus(_ status: ActionStatus) -> String {
        switch status {
        case .open: "open"
        case .done: "afgerond"
        case .dropped: "vervallen"
        }
    }

    static func attendance(_ attendance: Attendance) -> String {
        switch attendance {
        case .invited: "uitgenodigd"
        case .present: "aanwezig"
        case .excused: "afgemeld"
        case .absent: "afwezig"
        }
    }

    static func reason(_ reason: AgendaReason) -> String {
        switch reason {
        case .overdueMilestone: "mijlpaal over tijd"
        case .milestoneDue: "mijlpaal voor het volgende overleg"
        case .healthChanged: "voortgang gewijzigd"
        case .openAction: "openstaande actie"
        case .agreementWithoutProgress: "afspraak zonder voortgang"
        case .newDocument: "nieuw document"
        case .parked: "eerder geparkeerd"
        case .manual: "toegevoegd"
        }
    }

    static func change(_ change: RegisterChange) -> String {
        switch change.kind {
        case .milestoneDue: "termijn van mijlpaal \(change.recordID) wordt “\(change.value)”"
        case .milestoneStatus: "status van mijlpaal \(change.recordID) wordt \(change.value)"
        case .agreementCompletion: "uitvoering van afspraak \(change.recordID) wordt \(change.value)"
        case .mandateGiven: "mandaat gegeven voor dossier \(change.recordID)\(change.value.isEmpty ? "" : " (\(change.value))")"
        }
    }

    static func changeKind(_ kind: RegisterChange.Kind) -> String {
        switch kind {
        case .milestoneDue: "termijn van een mijlpaal verschuiven"
        case .milestoneStatus: "status van een mijlpaal wijzigen"
        case .agreementCompletion: "uitvoering van een afspraak wijzigen"
        case .mandateGiven: "mandaat geven voor een dossier"
        }
    }
}
