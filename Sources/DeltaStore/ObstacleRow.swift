import DeltaDomain
import SQLKit

/// An `obstacles` row.
struct ObstacleRow: Codable, Sendable {
    var id: String, reference: String?, title: String, description: String, placeBelgium: String?, placeNetherlands: String?
    var since: String?, affected: String?, domain: String, region: String?, status: String, statusReason: String?
    var ownerId: String?, ownerSide: String?, dossiersJson: String, bodiesJson: String, agreementsJson: String, documentsJson: String
    var sourceJson: String?, sourceDocumentId: String?, reportedOn: String?, visibility: String, version: Int, updatedAt: String

    init(_ o: Obstacle, version: Int) {
        id = o.id; reference = o.reference; title = o.title; description = o.description; placeBelgium = o.placeBelgium
        placeNetherlands = o.placeNetherlands; since = o.since; affected = o.affected; domain = o.domain.rawValue; region = o.region
        status = o.status.rawValue; statusReason = o.statusReason; ownerId = o.ownerID; ownerSide = o.ownerSide?.rawValue
        dossiersJson = JSONColumn.encode(o.dossierIDs); bodiesJson = JSONColumn.encode(o.bodyIDs)
        agreementsJson = JSONColumn.encode(o.agreementIDs); documentsJson = JSONColumn.encode(o.documentIDs)
        sourceJson = JSONColumn.encode(o.source); sourceDocumentId = o.source?.documentID; reportedOn = o.reportedOn
        visibility = o.visibility.rawValue; self.version = version; updatedAt = Timestamp.now()
    }

    func model() throws -> Obstacle {
        Obstacle(id: id, reference: reference, title: title, description: description, placeBelgium: placeBelgium,
                 placeNetherlands: placeNetherlands, since: since, affected: affected,
                 domain: try storedEnum(ObstacleDomain.self, domain, column: "domain"), region: region,
                 status: try storedEnum(ObstacleStatus.self, status, column: "status"), statusReason: statusReason,
                 ownerID: ownerId, ownerSide: try ownerSide.map { try storedEnum(Country.self, $0, column: "owner_side") },
                 dossierIDs: try JSONColumn.decodeList(String.self, dossiersJson, column: "dossiers_json"),
                 bodyIDs: try JSONColumn.decodeList(String.self, bodiesJson, column: "bodies_json"),
                 agreementIDs: try JSONColumn.decodeList(String.self, agreementsJson, column: "agreements_json"),
                 documentIDs: try JSONColumn.decodeList(String.self, documentsJson, column: "documents_json"),
                 source: try JSONColumn.decode(PassageReference.self, sourceJson, column: "source_json"), reportedOn: reportedOn,
                 visibility: try storedEnum(Visibility.self, visibility, column: "visibility"))
    }
}

extension Obstacle: StoredRecord {
    public static var recordKind: RecordKind { .obstacle }
    public static var table: String { "obstacles" }
    public static func load(ids: [String], from register: Register) async throws -> [Self] { try await register.obstacles(ids: ids) }
    public func addRows(version: Int, to batch: inout RowBatch) {
        batch.add(ObstacleRow(self, version: version), to: Self.table)
    }
    /// Triaged by the editors of the dossiers and bodies it is linked to (a new report, linked to
    /// nothing yet, by administrators, who link it to the body that handles it).
    public var placement: RecordPlacement { RecordPlacement(kind: .obstacle, dossierIDs: dossierIDs, bodyIDs: bodyIDs) }
}

extension Register {
    /// The obstacles this reader may see, newest report first (those the documents name last), by title.
    public func obstacles() async throws -> [Obstacle] {
        // COALESCE: the engines sort NULL at opposite ends.
        let query = select("obstacles")
            .orderBy(SQLOrderBy(expression: SQLFunction("COALESCE", args: SQLColumn("reported_on"), SQLLiteral.string("")), direction: SQLDirection.descending)).orderBy("title").orderBy("id")
        return try await showing(try await rows(ObstacleRow.self, query).map { try $0.model() }, ShownRecords.obstacle)
    }

    /// One obstacle.
    public func obstacle(id: String) async throws -> Obstacle? { try await obstacles(ids: [id]).first }

    /// The obstacles among `ids` this reader may see, in no particular order (`StoredRecord.load(ids:from:)`).
    public func obstacles(ids: [String]) async throws -> [Obstacle] {
        try await records(ObstacleRow.self, in: "obstacles", ids: ids, ShownRecords.obstacle)
    }
}
