/// What a rail link carries.
public enum RailLinkUse: String, Codable, Sendable, CaseIterable {
    case passenger, freight
}
