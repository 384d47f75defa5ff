/// The role a member plays in a body.
public enum MembershipRole: String, Codable, Sendable, CaseIterable {
    case chair, cochair = "co-chair", member, secretary, invited, observer
}
