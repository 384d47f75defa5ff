/// A person who signs in: an official of a delegation or an invited partner.
public struct Account: Hashable, Sendable, Codable, Identifiable {
    /// The username in lower case; stable.
    public var id: String
    public var displayName: String
    /// The organisation the person works for, if registered.
    public var organisationID: String?
    /// The delegation the person belongs to: "NL", "BE", or another code such as "DE" or "sector".
    /// Delegation-private notes are shared within a delegation only.
    public var delegation: String
    public var role: Role
    /// Bodies an editor may edit (with their meetings, and the dossiers they carry).
    public var editsBodyIDs: [String]
    /// Dossiers an editor may edit (with their milestones, agreements and investments).
    public var editsDossierIDs: [String]
    public var disabled: Bool

    public init(id: String, displayName: String, organisationID: String? = nil, delegation: String, role: Role,
                editsBodyIDs: [String] = [], editsDossierIDs: [String] = [], disabled: Bool = false) {
        self.id = id; self.displayName = displayName; self.organisationID = organisationID; self.delegation = delegation
        self.role = role; self.editsBodyIDs = editsBodyIDs; self.editsDossierIDs = editsDossierIDs; self.disabled = disabled
    }

    /// Usernames: 2–40 characters of a–z, 0–9, dot, dash and underscore, starting with a letter.
    public static func isValidUsername(_ text: String) -> Bool {
        guard (2...40).contains(text.count), let first = text.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "." || $0 == "-" || $0 == "_" }
    }

    /// Delegation codes: 2–12 letters, dash allowed ("NL", "BE", "DE", "sector").
    public static func isValidDelegation(_ text: String) -> Bool {
        (2...12).contains(text.count) && text.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) || ("a"..."z").contains($0) || $0 == "-" }
    }
}
