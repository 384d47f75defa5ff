/// A ministry, government, province, rail company, port or other party named in the documents.
public struct Organisation: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    public var name: String
    /// Short name or acronym ("IenW", "FOD MV").
    public var shortName: String?
    public var country: Country
    public var level: OrganisationLevel
    /// The organisation this one is part of (a directorate of a ministry).
    public var parentID: String?
    public var website: String?
    public var visibility: Visibility

    public init(id: String, name: String, shortName: String? = nil, country: Country, level: OrganisationLevel,
                parentID: String? = nil, website: String? = nil, visibility: Visibility = .public) {
        self.id = id; self.name = name; self.shortName = shortName; self.country = country; self.level = level
        self.parentID = parentID; self.website = website; self.visibility = visibility
    }
}
