import DeltaDomain
import DeltaStore
import Foundation
import SQLKit

/// Everything a secretary does to a meeting: propose and edit the agenda, record outcomes
/// (information, decisions, actions), apply a decision to the register, follow up actions,
/// approve the minutes and correct them, keep the invitees' attendance. Each operation runs in
/// one transaction after checking that the account may edit the meeting; a refusal is an
/// `OperationError` (`.invalid` with the reason, `.conflict` when the page was stale).
package struct MeetingOperations: Sendable {
    let engine: any DatabaseEngine
    /// "Today", for approvals and actions marked done without a date.
    let today: CalendarDate

    package init(engine: any DatabaseEngine, today: CalendarDate) {
        self.engine = engine
        self.today = today
    }

    /// Who acts, and what they may see.
    package struct Actor: Sendable {
        package let account: Account
        package let audit: AuditActor
        package let scope: ReadScope

        package init(account: Account, audit: AuditActor, scope: ReadScope) {
            self.account = account
            self.audit = audit
            self.scope = scope
        }
    }

    /// The version of an agenda, as the page's form carries it.
    package static func agendaVersion(_ items: [AgendaItem]) -> EntityVersion {
        Fingerprint.of(items.map { "\($0.id)|\($0.title)|\($0.parked)|\($0.position)" })
    }

    /// A new id for an agenda item or outcome of a meeting.
    static func newID(_ meetingID: String) -> String { "\(meetingID)-\(Secrets.random().prefix(8).lowercased())" }

    /// Runs `work` on the visible meeting in one transaction, if the actor may edit it; a write
    /// to approved minutes becomes a conflict with the reason.
    func perform(meetingID: String, by actor: Actor, _ work: @Sendable (Meeting, any SQLDatabase) async throws -> Void) async throws {
        do {
            try await engine.transaction { db in
                guard let meeting = try await Register(db: db, scope: actor.scope).meeting(id: meetingID) else {
                    throw OperationError.notFound(kind: "meeting", id: meetingID)
                }
                guard AccessRules.mayEdit(actor.account, meeting.placement) else { throw OperationError.forbidden }
                try await work(meeting, db)
            }
        } catch StoreError.locked {
            throw OperationError(.conflict, "app.meeting.minutesApproved")
        } catch StoreError.conflict {
            throw OperationError(.conflict, "app.meeting.changedMeanwhile")
        }
    }

    /// Adds the proposed items (`AgendaProposer`) after what the agenda holds, once per subject.
    package func proposeAgenda(meetingID: String, agendaVersion: EntityVersion?, by actor: Actor) async throws {
        try await perform(meetingID: meetingID, by: actor) { meeting, db in
            let store = MeetingStore(db: db)
            let current = try await store.agenda(meetingID: meeting.id)
            try Self.requireCurrent(current, agendaVersion)
            let proposed = AgendaProposer.propose(try await store.agendaContext(for: meeting))
            let present = Set(current.map(\.subject))
            var merged = current
            for item in proposed where !present.contains(item.subject) {
                var added = item
                added.id = Self.newID(meeting.id)
                merged.append(added)
            }
            try await store.replaceAgenda(meetingID: meeting.id, with: merged, actor: actor.audit)
        }
    }

    /// The agenda form: which items to keep, their titles, order and parking, and one new item.
    package struct AgendaEdit: Sendable {
        package struct Line: Sendable {
            package let keep: Bool
            package let title: String?
            package let parked: Bool
            package let order: Double?
            package init(keep: Bool, title: String?, parked: Bool, order: Double?) {
                self.keep = keep; self.title = title; self.parked = parked; self.order = order
            }
        }
        /// One line per current item, in the order the page showed them.
        package let lines: [Line]
        package let newTitle: String?
        package let newDossierID: String?
        package let newOrder: Double?
        package init(lines: [Line], newTitle: String?, newDossierID: String?, newOrder: Double?) {
            self.lines = lines; self.newTitle = newTitle; self.newDossierID = newDossierID; self.newOrder = newOrder
        }
    }

    /// Keeps, edits, reorders and parks the agenda's items and adds one.
    package func editAgenda(meetingID: String, agendaVersion: EntityVersion?, _ edit: AgendaEdit, by actor: Actor) async throws {
        try await perform(meetingID: meetingID, by: actor) { meeting, db in
            let store = MeetingStore(db: db)
            let current = try await store.agenda(meetingID: meeting.id)
            try Self.requireCurrent(current, agendaVersion)
            var kept: [(order: Double, item: AgendaItem)] = []
            for (index, item) in current.enumerated() where index < edit.lines.count && edit.lines[index].keep {
                let line = edit.lines[index]
                var edited = item
                if let title = line.title {
                    guard title.count <= 500 else { throw OperationError(.invalid, "app.meeting.error2") }
                    edited.title = title
                }
                edited.parked = line.parked
                kept.append((line.order ?? Double(index + 1), edited))
            }
            if let title = edit.newTitle {
                guard title.count <= 500 else { throw OperationError(.invalid, "app.meeting.error2") }
                if let dossier = edit.newDossierID, try await Register(db: db, scope: .everything).dossier(id: dossier) == nil {
                    throw OperationError(.invalid, "app.meeting.error3")
                }
                let order = edit.newOrder ?? Double(kept.count + 1)
                kept.append((order + 0.5, AgendaItem(id: Self.newID(meeting.id), meetingID: meeting.id, position: 0, title: title,
                                                     reason: .manual, dossierID: edit.newDossierID)))
            }
            let ordered = kept.enumerated().sorted { ($0.element.order, $0.offset) < ($1.element.order, $1.offset) }.map(\.element.item)
            try await store.replaceAgenda(meetingID: meeting.id, with: ordered, actor: actor.audit)
        }
    }

    private static func requireCurrent(_ items: [AgendaItem], _ version: EntityVersion?) throws {
        guard let version else { throw OperationError(.invalid, "app.meeting.error1") }
        guard version == agendaVersion(items) else { throw OperationError(.conflict, "app.meeting.changedMeanwhile") }
    }
}
