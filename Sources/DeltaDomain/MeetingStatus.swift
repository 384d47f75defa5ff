/// Where a meeting stands.
public enum MeetingStatus: String, Codable, Sendable, CaseIterable {
    case planned, confirmed, held, postponed, cancelled
}
