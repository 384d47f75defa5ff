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
