/// Who may see a record. Every record has one; anonymous visitors see only `public`.
public enum Visibility: String, Codable, Sendable, CaseIterable {
    case `public`, `internal`, delegationPrivate = "delegation-private"
}
