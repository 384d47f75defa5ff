/// Whether an invitee came.
public enum Attendance: String, Sendable, Codable, CaseIterable, Hashable {
    case invited, present, excused, absent
}
