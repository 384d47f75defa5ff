import DeltaDomain
import DeltaStore
import Foundation
import SQLKit

/// The minutes: outcomes, decisions that change the register, actions, approval, corrections, attendance.
extension MeetingOperations {
    /// An outcome as the minutes form submits it (read with `URLEncodedFormDecoder`).
    package struct OutcomeInput: Decodable, Sendable {
        package var kind: String?
        package var text: String?
        package var agendaItemID: String?
        package var ownerID: String?
        package var ownerPerson: String?
        package var due: String?
        package var changeKind: String?
        package var changeRecordID: String?
        package var changeValue: String?

        package init() {}
    }

    /// Records an outcome; a decision with a change applies it to the register as an audited edit
    /// that links back to the decision.
    package func recordOutcome(meetingID: String, _ input: OutcomeInput, by actor: Actor) async throws {
        try await perform(meetingID: meetingID, by: actor) { meeting, db in
            let store = MeetingStore(db: db)
            guard let kind = input.kind.trimmedValue.flatMap(OutcomeKind.init(rawValue:)) else { throw OperationError(.invalid, "app.meeting.error4") }
            guard let text = input.text.trimmedValue, text.count <= 4_000 else { throw OperationError(.invalid, "app.meeting.error5") }
            let register = Register(db: db, scope: .everything)
            let item = input.agendaItemID.trimmedValue
            if let item, !(try await store.agenda(meetingID: meeting.id).contains { $0.id == item }) { throw OperationError(.invalid, "app.meeting.error6") }
            let owner = input.ownerID.trimmedValue, person = input.ownerPerson.trimmedValue
            if let owner, try await register.organisation(id: owner) == nil { throw OperationError(.invalid, "app.meeting.error7") }
            var due: FuzzyPeriod?
            if let wording = input.due.trimmedValue {
                guard let period = FuzzyPeriod.parse(wording, referenceYear: meeting.when.earliest.year) else {
                    throw OperationError(.invalid, "app.meeting.error8", ["text": wording])
                }
                due = period
            }
            if kind == .action, owner == nil, person == nil { throw OperationError(.invalid, "app.meeting.error9") }
            var change: RegisterChange?
            if kind == .decision, let changeKind = input.changeKind.trimmedValue.flatMap(RegisterChange.Kind.init(rawValue:)) {
                guard let recordID = input.changeRecordID.trimmedValue else { throw OperationError(.invalid, "app.meeting.error10") }
                change = RegisterChange(kind: changeKind, recordID: recordID, value: input.changeValue.trimmedValue ?? "")
            }
            let outcome = Outcome(id: Self.newID(meeting.id), meetingID: meeting.id, agendaItemID: item, kind: kind, text: text, ownerID: owner,
                                  ownerPerson: person, due: due, change: change)
            try await store.addOutcome(outcome, actor: actor.audit)
            if let change { try await apply(change, of: outcome, in: meeting, by: actor, db: db) }
        }
    }

    /// A decision changes only the dossiers of the meeting's body (and the bodies under it), or
    /// what the recording account may edit anyway.
    private func apply(_ change: RegisterChange, of outcome: Outcome, in meeting: Meeting, by actor: Actor, db: any SQLDatabase) async throws {
        let everything = Register(db: db, scope: .everything)
        let target: (any StoredRecord)? = switch change.kind {
        case .milestoneDue, .milestoneStatus: try await everything.milestone(id: change.recordID)
        case .agreementCompletion: try await everything.agreement(id: change.recordID)
        case .mandateGiven: try await everything.dossier(id: change.recordID)
        }
        if let target {
            let placement = try await RecordSaver.placement(of: target, in: everything)
            let tree = try await MeetingStore.bodyAndDescendants(meeting.bodyID, register: everything)
            guard AccessRules.mayEdit(actor.account, placement) || !tree.isDisjoint(with: placement.bodyIDs) else {
                throw OperationError(.invalid, "app.meeting.error11", ["recordID": change.recordID])
            }
        }
        do {
            try await DecisionApplier(db: db, actor: actor.audit).apply(change, meetingID: meeting.id, outcomeID: outcome.id, on: meeting.when.latest)
        } catch let refusal as DecisionApplier.Refusal {
            switch refusal {
            case .unknownRecord(let kind, let id): throw OperationError(.invalid, "app.meeting.refusal.unknownRecord", ["kind": kind.rawValue, "id": id])
            case .notAPeriod(let value): throw OperationError(.invalid, "app.meeting.refusal.notAPeriod", ["value": value])
            case .notAMilestoneStatus(let value): throw OperationError(.invalid, "app.meeting.refusal.notAMilestoneStatus", ["value": value])
            case .notACompletion(let value): throw OperationError(.invalid, "app.meeting.refusal.notACompletion", ["value": value])
            }
        }
    }

    /// Removes an outcome that changed nothing in the register.
    package func removeOutcome(meetingID: String, outcomeID: String, by actor: Actor) async throws {
        try await perform(meetingID: meetingID, by: actor) { meeting, db in
            let store = MeetingStore(db: db)
            guard let outcome = try await store.outcome(id: outcomeID), outcome.meetingID == meeting.id else {
                throw OperationError(.invalid, "app.meeting.error12")
            }
            if outcome.change != nil { throw OperationError(.invalid, "app.meeting.error13") }
            try await store.removeOutcome(id: outcome.id, actor: actor.audit)
        }
    }

    /// Follows up an action: open, done (on a day, today by default) or dropped.
    package func setActionStatus(meetingID: String, outcomeID: String, status: String?, doneOn: String?, by actor: Actor) async throws {
        let today = today
        try await perform(meetingID: meetingID, by: actor) { _, db in
            let store = MeetingStore(db: db)
            guard let outcome = try await store.outcome(id: outcomeID), outcome.kind == .action else { throw OperationError(.invalid, "app.meeting.error14") }
            guard let status = status.trimmedValue.flatMap(ActionStatus.init(rawValue:)) else { throw OperationError(.invalid, "app.meeting.error15") }
            let day = status == .done ? (doneOn.trimmedValue.flatMap(CalendarDate.init(iso:)) ?? today) : nil
            try await store.setActionStatus(id: outcome.id, status, doneOn: day, actor: actor.audit)
        }
    }

    /// Approves the minutes: by the chair, or at a later meeting.
    package func approveMinutes(meetingID: String, approvedBy: String?, approvedOn: String?, by actor: Actor) async throws {
        let today = today
        try await perform(meetingID: meetingID, by: actor) { meeting, db in
            guard let approver = approvedBy.trimmedValue else { throw OperationError(.invalid, "app.meeting.error16") }
            if approver != "chair", try await Register(db: db, scope: .everything).meeting(id: approver) == nil {
                throw OperationError(.invalid, "app.meeting.error17")
            }
            let day = approvedOn.trimmedValue.flatMap(CalendarDate.init(iso:)) ?? today
            try await MeetingStore(db: db).approve(meetingID: meeting.id, on: day, by: approver, actor: actor.audit)
        }
    }

    /// Adds a correction to approved minutes.
    package func addCorrection(meetingID: String, text: String?, by actor: Actor) async throws {
        try await perform(meetingID: meetingID, by: actor) { meeting, db in
            guard let text = text.trimmedValue, text.count <= 4_000 else { throw OperationError(.invalid, "app.meeting.error18") }
            try await MeetingStore(db: db).addCorrection(meetingID: meeting.id, text: text, actor: actor.audit)
        }
    }

    /// The attendance form: each invitee's attendance or removal, and one new invitee.
    package struct InviteeEdit: Sendable {
        package let version: Int?
        package let attendance: [Int: String]
        package let removed: Set<Int>
        package let newOrganisationID: String?
        package let newPerson: String?
        package init(version: Int?, attendance: [Int: String], removed: Set<Int>, newOrganisationID: String?, newPerson: String?) {
            self.version = version; self.attendance = attendance; self.removed = removed
            self.newOrganisationID = newOrganisationID; self.newPerson = newPerson
        }
    }

    /// Updates the invitees as a versioned edit of the meeting.
    package func updateInvitees(meetingID: String, _ edit: InviteeEdit, by actor: Actor) async throws {
        try await perform(meetingID: meetingID, by: actor) { meeting, db in
            guard let version = edit.version else { throw OperationError(.invalid, "app.meeting.error19") }
            var changed = meeting
            for index in meeting.invitees.indices {
                if let value = edit.attendance[index], let attendance = Attendance(rawValue: value) { changed.invitees[index].attendance = attendance }
            }
            changed.invitees = changed.invitees.enumerated().filter { !edit.removed.contains($0.offset) }.map(\.element)
            let organisation = edit.newOrganisationID.trimmedValue, person = edit.newPerson.trimmedValue
            if organisation != nil || person != nil {
                if let organisation, try await Register(db: db, scope: .everything).organisation(id: organisation) == nil {
                    throw OperationError(.invalid, "app.meeting.error7")
                }
                if let person, person.count > 200 { throw OperationError(.invalid, "app.meeting.error20") }
                changed.invitees.append(Invitee(organisationID: organisation, person: person))
            }
            try await RecordEditor(db: db, actor: actor.audit).save(changed, expectedVersion: version, action: "invitees")
        }
    }
}

extension Optional where Wrapped == String {
    /// The value trimmed, nil when absent or blank.
    var trimmedValue: String? {
        guard let value = self?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
        return value
    }
}
