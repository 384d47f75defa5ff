/// What a reporter sent through the intake form, kept as sent beside the obstacle record: the
/// editors read it while they write the record's anonymised text. Never published.
public struct ObstacleReport: Hashable, Sendable, Codable {
    public var title: String
    public var description: String
    public var placeBelgium: String?
    public var placeNetherlands: String?
    public var since: String?
    public var affected: String?
    public var domain: ObstacleDomain

    public init(title: String, description: String, placeBelgium: String? = nil, placeNetherlands: String? = nil,
                since: String? = nil, affected: String? = nil, domain: ObstacleDomain = .other) {
        self.title = title; self.description = description; self.placeBelgium = placeBelgium
        self.placeNetherlands = placeNetherlands; self.since = since; self.affected = affected; self.domain = domain
    }

    /// The register's first record of the report: the reporter's words, not yet published.
    public func obstacle(id: String, reference: String, reportedOn: String) -> Obstacle {
        Obstacle(id: id, reference: reference, title: title, description: description, placeBelgium: placeBelgium,
                 placeNetherlands: placeNetherlands, since: since, affected: affected, domain: domain, status: .reported,
                 reportedOn: reportedOn, visibility: .internal)
    }
}
