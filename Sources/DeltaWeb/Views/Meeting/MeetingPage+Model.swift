import DeltaDomain
import DeltaReports
import DeltaServices
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

/// Outcomes as pages show them.
enum MeetingLabels {
    static func outcome(_ outcome: Outcome, index: RegisterIndex, meeting: LinkView? = nil) -> OutcomeView {
        let labels = index.labels
        let owner = [index.organisation(outcome.ownerID)?.name, outcome.ownerPerson].compactMap { $0 }.joined(separator: ", ")
        return OutcomeView(id: outcome.id, meetingID: outcome.meetingID, kind: outcome.kind.rawValue, kindLabel: labels.outcomeKind(outcome.kind), text: outcome.text,
                           owner: owner.isEmpty ? nil : owner, due: outcome.due.map { PeriodView($0, labels: labels) },
                           actionStatus: outcome.actionStatus?.rawValue, actionStatusLabel: outcome.actionStatus.map(labels.actionStatus),
                           doneOn: outcome.doneOn?.iso, change: outcome.change.map(labels.registerChange), isAction: outcome.kind == .action,
                           isDecision: outcome.kind == .decision, meeting: meeting)
    }
}

/// The meeting machinery's values in the reader's language.
extension Labels {
    func outcomeKind(_ kind: OutcomeKind) -> String { text("outcomeKind.\(kind.rawValue)") }
    func actionStatus(_ status: ActionStatus) -> String { text("actionStatus.\(status.rawValue)") }
    func attendance(_ attendance: Attendance) -> String { text("attendance.\(attendance.rawValue)") }
    func agendaReason(_ reason: AgendaReason) -> String { text("agendaReason.\(reason.rawValue)") }
    func changeKind(_ kind: RegisterChange.Kind) -> String { text("changeKind.\(kind.rawValue)") }

    /// What a decision changes in the register: "termijn van mijlpaal X wordt “eind 2026”".
    func registerChange(_ change: RegisterChange) -> String {
        if change.kind == .mandateGiven, change.value.isEmpty { return text("registerChange.mandateGivenPlain", ["id": change.recordID]) }
        return text("registerChange.\(change.kind.rawValue)", ["id": change.recordID, "value": change.value])
    }
}
