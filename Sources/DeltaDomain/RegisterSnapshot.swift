/// The whole register (or a part of it) as plain values: what an import writes and an export reads.
public struct RegisterSnapshot: Hashable, Sendable, Codable {
    public var organisations: [Organisation] = []
    public var documents: [Document] = []
    public var bodies: [Body] = []
    public var memberships: [Membership] = []
    public var dossiers: [Dossier] = []
    public var agreements: [Agreement] = []
    public var milestones: [Milestone] = []
    public var meetings: [Meeting] = []
    public var investments: [Investment] = []
    public var goals: [Goal] = []
    public var indicators: [Indicator] = []
    public var allocationRegimes: [AllocationRegime] = []
    public var railLinks: [RailLink] = []
    /// The obstacles as records (never the reporters' contact addresses or reports: see `ObstacleReport`).
    public var obstacles: [Obstacle] = []

    /// An empty snapshot.
    public init() {}

    /// Number of records of every kind together.
    public var recordCount: Int {
        organisations.count + documents.count + bodies.count + dossiers.count + agreements.count
            + milestones.count + meetings.count + investments.count + goals.count + indicators.count
            + allocationRegimes.count + railLinks.count + obstacles.count
    }
}
