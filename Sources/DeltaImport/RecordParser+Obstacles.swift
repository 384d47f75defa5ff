import DeltaDomain
import Foundation
import Yams

/// A section format 4 added: the cross-border obstacles (the records only; see docs/OBSTACLES.md).
extension RecordParser {
    /// `obstacles:` — `{id, reference, title, description, place_belgium, place_netherlands, since, affected, domain,
    /// region, status, status_reason, owner, owner_side, dossiers, bodies, agreements, documents, source, reported_on,
    /// visibility}`.
    mutating func obstacle(_ node: Node, file: String) throws {
        var map = try YAMLMapping(node, file: file, context: .kind(.obstacle))
        let id = try map.id()
        map.context = .record(.obstacle, id)
        try map.rejectUnknownKeys(["id", "reference", "title", "description", "place_belgium", "place_netherlands", "since", "affected",
                                   "domain", "region", "status", "status_reason", "owner", "owner_side", "dossiers", "bodies",
                                   "agreements", "documents", "source", "reported_on", "visibility"])
        try define(.obstacle, id, map.location)
        let owner = try map.optionalID("owner")
        if let owner { refer(.init(kind: .organisation, id: owner, location: map.location(of: "owner"), context: map.context)) }
        let links: [(String, RecordKind)] = [("dossiers", .dossier), ("bodies", .body), ("agreements", .agreement), ("documents", .document)]
        var ids: [RecordKind: [String]] = [:]
        for (key, kind) in links {
            ids[kind] = try map.idList(key)
            ids[kind]?.forEach { refer(.init(kind: kind, id: $0, location: map.location(of: key), context: map.context)) }
        }
        let visibility = try map.enumValue("visibility", Visibility.self) ?? .public
        let status = try map.enumValue("status", ObstacleStatus.self) ?? .reported
        if ObstacleStatusRules.checkPublication(visibility, status: status) != nil {
            throw map.error(key: "import.obstacle.publishedBeforeAnalysis", at: "visibility")
        }
        let index = snapshot.obstacles.count
        snapshot.obstacles.append(Obstacle(
            id: id, reference: try map.optionalString("reference"), title: try map.string("title"), description: try map.string("description"),
            placeBelgium: try map.optionalString("place_belgium"), placeNetherlands: try map.optionalString("place_netherlands"),
            since: try map.optionalString("since"), affected: try map.optionalString("affected"),
            domain: try required(map, "domain", ObstacleDomain.self), region: try map.optionalString("region"), status: status,
            statusReason: try map.optionalString("status_reason"), ownerID: owner, ownerSide: try map.enumValue("owner_side", Country.self),
            dossierIDs: ids[.dossier] ?? [], bodyIDs: ids[.body] ?? [], agreementIDs: ids[.agreement] ?? [],
            documentIDs: ids[.document] ?? [], reportedOn: try map.optionalString("reported_on"), visibility: visibility))
        try passage(map, "source") { $0.obstacles[index].source = $1 }
    }
}
