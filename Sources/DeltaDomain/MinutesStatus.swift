/// The state of a meeting's minutes.
public enum MinutesStatus: String, Sendable, Codable, CaseIterable, Hashable {
    case draft, approved
}
