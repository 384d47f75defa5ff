/// A country or side in the cooperation, as ISO 3166 alpha-2 codes plus `EU`.
public enum Country: String, Codable, Sendable, CaseIterable {
    case NL, BE, DE, FR, LU, EU
}
