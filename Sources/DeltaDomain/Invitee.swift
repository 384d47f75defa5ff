/// An organisation or a person invited to one meeting, with their attendance.
public struct Invitee: Hashable, Sendable, Codable {
    public var organisationID: String?
    public var person: String?
    public var attendance: Attendance

    public init(organisationID: String? = nil, person: String? = nil, attendance: Attendance = .invited) {
        self.organisationID = organisationID; self.person = person; self.attendance = attendance
    }
}
