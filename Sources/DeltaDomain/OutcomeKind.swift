/// The kind of a recorded outcome.
public enum OutcomeKind: String, Sendable, Codable, CaseIterable, Hashable {
    case information, decision, action
}
