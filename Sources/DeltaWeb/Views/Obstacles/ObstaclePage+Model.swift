/// One obstacle's page (`/obstacles/{id}`, `/api/obstacles/{id}`): the obstacle as published
/// (its anonymised text), where and since when, its handling, and the records it is linked to.
struct ObstaclePage: Codable, Sendable {
    let title: String
    let obstacle: ObstacleView
}

/// An obstacle as a reader is shown it.
struct ObstacleView: Codable, Sendable {
    let id: String
    let reference: String?
    let title: String
    let description: String
    let placeBelgium: String?
    let placeNetherlands: String?
    let since: String?
    let affected: String?
    let domain: String
    let domainLabel: String
    let region: String?
    let status: String
    let statusLabel: String
    let statusReason: String?
    let owner: LinkView?
    let ownerSide: String?
    let ownerSideLabel: String?
    let dossiers: [LinkView]
    let bodies: [LinkView]
    let agreements: [LinkView]
    let documents: [LinkView]
    let source: PassageView?
    let reportedOn: String?
    let published: Bool
    /// Links for those who may triage it (nil for everyone else).
    let editURL: String?
    let triageURL: String?
}
