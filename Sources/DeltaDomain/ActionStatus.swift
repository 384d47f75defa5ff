/// The state of an action.
public enum ActionStatus: String, Sendable, Codable, CaseIterable, Hashable {
    case open, done, dropped
}
