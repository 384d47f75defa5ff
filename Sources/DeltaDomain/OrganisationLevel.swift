/// The level of government (or the sector) an organisation belongs to.
public enum OrganisationLevel: String, Codable, Sendable, CaseIterable {
    case national, federal, regional, provincial, municipal, sector, eu, international
}
