/// What shows that an agreement was carried out: a passage of a later document, a decision of a
/// meeting, or a link to an outside source.
public enum Evidence: Hashable, Sendable, Codable {
    /// A passage of a document in the register.
    case passage(PassageReference)
    /// A decision recorded in a meeting's minutes.
    case decision(meetingID: String, decisionID: String)
    /// A page outside the register, with what it is.
    case link(url: String, title: String)
}
