/// A cross-border obstacle (grensbelemmering): something people or companies meet at the border
/// that a rule or practice on one side causes, as the register keeps it for triage and, once an
/// editor has anonymised it, for publication.
///
/// The record holds what may be published; the reporter's contact address and their report as
/// sent are kept beside it in their own table (see `ObstacleReport`), never in the record.
public struct Obstacle: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    /// The number the reporter was given (nil for obstacles that documents name).
    public var reference: String?
    public var title: String
    /// What happens.
    public var description: String
    /// Where on the Belgian side: a municipality or region, as written.
    public var placeBelgium: String?
    /// Where on the Dutch side.
    public var placeNetherlands: String?
    /// Since when, as written ("sinds 2024", "since the new law").
    public var since: String?
    /// Who is affected (frontier workers, companies, students…).
    public var affected: String?
    public var domain: ObstacleDomain
    /// The border region, as the editors name it (a filter of the public list).
    public var region: String?
    public var status: ObstacleStatus
    /// Why the obstacle has its status (required at each change, see `ObstacleStatusRules`).
    public var statusReason: String?
    /// The organisation that owns the obstacle's solution, and on which side.
    public var ownerID: String?
    public var ownerSide: Country?
    public var dossierIDs: [String]
    public var bodyIDs: [String]
    public var agreementIDs: [String]
    public var documentIDs: [String]
    /// The passage that names the obstacle (for those the documents name).
    public var source: PassageReference?
    /// The day the report came in (ISO date), nil for obstacles that documents name.
    public var reportedOn: String?
    public var visibility: Visibility

    public init(id: String, reference: String? = nil, title: String, description: String, placeBelgium: String? = nil,
                placeNetherlands: String? = nil, since: String? = nil, affected: String? = nil, domain: ObstacleDomain = .other,
                region: String? = nil, status: ObstacleStatus = .reported, statusReason: String? = nil, ownerID: String? = nil,
                ownerSide: Country? = nil, dossierIDs: [String] = [], bodyIDs: [String] = [], agreementIDs: [String] = [],
                documentIDs: [String] = [], source: PassageReference? = nil, reportedOn: String? = nil, visibility: Visibility = .internal) {
        self.id = id; self.reference = reference; self.title = title; self.description = description
        self.placeBelgium = placeBelgium; self.placeNetherlands = placeNetherlands; self.since = since; self.affected = affected
        self.domain = domain; self.region = region; self.status = status; self.statusReason = statusReason
        self.ownerID = ownerID; self.ownerSide = ownerSide; self.dossierIDs = dossierIDs; self.bodyIDs = bodyIDs
        self.agreementIDs = agreementIDs; self.documentIDs = documentIDs; self.source = source; self.reportedOn = reportedOn
        self.visibility = visibility
    }
}
