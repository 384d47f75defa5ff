/// An organisation's (or a person's) place in a body.
public struct Membership: Hashable, Sendable, Codable {
    public var bodyID: String
    public var organisationID: String
    /// A named person, when the document names one.
    public var person: String?
    public var role: MembershipRole
    /// Invited parties take part when relevant but are not members.
    public var invited: Bool
    public var from: CalendarDate?
    public var until: CalendarDate?

    public init(bodyID: String, organisationID: String, person: String? = nil, role: MembershipRole = .member,
                invited: Bool = false, from: CalendarDate? = nil, until: CalendarDate? = nil) {
        self.bodyID = bodyID; self.organisationID = organisationID; self.person = person; self.role = role
        self.invited = invited; self.from = from; self.until = until
    }
}
