/// A person who signed a document.
public struct Signatory: Hashable, Sendable, Codable {
    public var name: String
    public var role: String
    public var organisationID: String?

    public init(name: String, role: String, organisationID: String? = nil) {
        self.name = name; self.role = role; self.organisationID = organisationID
    }
}
