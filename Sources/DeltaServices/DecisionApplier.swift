import DeltaDomain
import DeltaStore
import SQLKit

/// Applies the register change a decision makes, as an audited edit whose action names the decision
/// ("decision MEETING/OUTCOME"), so the record's history links back to the decision that caused it.
public struct DecisionApplier: Sendable {
    let db: any SQLDatabase
    let actor: AuditActor

    /// An applier inside the transaction that records the decision.
    public init(db: any SQLDatabase, actor: AuditActor) {
        self.db = db
        self.actor = actor
    }

    /// Why a change cannot be applied: a value, worded per language by the caller.
    public enum Refusal: Error, Sendable, Equatable {
        /// No record of that kind with that id.
        case unknownRecord(kind: RecordKind, id: String)
        /// The value is not a period the parser understands.
        case notAPeriod(String)
        /// The value is not a status of a milestone.
        case notAMilestoneStatus(String)
        /// The value is not a degree of completion.
        case notACompletion(String)
    }

    /// Applies `change` for decision `outcomeID`; throws `Refusal` when the record or value is wrong.
    public func apply(_ change: RegisterChange, meetingID: String, outcomeID localID: String, on day: CalendarDate) async throws {
        let outcomeID = "\(meetingID)/\(localID)"
        let register = Register(db: db, scope: .everything)
        let editor = RecordEditor(db: db, actor: actor)
        let action = "decision \(outcomeID)"
        switch change.kind {
        case .milestoneDue, .milestoneStatus:
            guard var milestone = try await register.milestone(id: change.recordID) else { throw Refusal.unknownRecord(kind: .milestone, id: change.recordID) }
            if change.kind == .milestoneDue {
                guard let period = FuzzyPeriod.parse(change.value, referenceYear: day.year) else {
                    throw Refusal.notAPeriod(change.value)
                }
                milestone.due = period
            } else {
                guard let status = MilestoneStatus(rawValue: change.value) else { throw Refusal.notAMilestoneStatus(change.value) }
                milestone.status = status
                if status == .achieved, milestone.achievedOn == nil { milestone.achievedOn = day }
            }
            try await editor.save(milestone, expectedVersion: try await editor.version(of: Milestone.self, id: milestone.id), action: action)
        case .agreementCompletion:
            guard var agreement = try await register.agreement(id: change.recordID) else { throw Refusal.unknownRecord(kind: .agreement, id: change.recordID) }
            guard let completion = Completion(rawValue: change.value) else { throw Refusal.notACompletion(change.value) }
            agreement.completion = completion
            // The decision is the evidence of the completion it records.
            let evidence = Evidence.decision(meetingID: meetingID, decisionID: localID)
            if !agreement.evidence.contains(evidence) { agreement.evidence.append(evidence) }
            try await editor.save(agreement, expectedVersion: try await editor.version(of: Agreement.self, id: agreement.id), action: action)
        case .mandateGiven:
            guard var dossier = try await register.dossier(id: change.recordID) else { throw Refusal.unknownRecord(kind: .dossier, id: change.recordID) }
            let given = change.value.isEmpty ? FuzzyPeriod(day: day) : FuzzyPeriod.parse(change.value, referenceYear: day.year)
            guard let given else { throw Refusal.notAPeriod(change.value) }
            dossier.mandate = PoliticalMandate(given: given, note: "Besluit \(outcomeID)")
            try await editor.save(dossier, expectedVersion: try await editor.version(of: Dossier.self, id: dossier.id), action: action)
        }
    }
}
