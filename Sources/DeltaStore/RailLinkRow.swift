import DeltaDomain
import SQLKit

/// A `rail_links` row.
struct RailLinkRow: Codable, Sendable {
    var id: String, name: String, aliasesJson: String, stationsJson: String, status: String?, usesJson: String, sidesJson: String
    var summary: String?, sourceJson: String?, sourceDocumentId: String?, visibility: String, version: Int, updatedAt: String

    init(_ l: RailLink, version: Int) {
        id = l.id; name = l.name; aliasesJson = JSONColumn.encode(l.aliases); stationsJson = JSONColumn.encode(l.stations)
        status = l.status?.rawValue; usesJson = JSONColumn.encode(l.uses); sidesJson = JSONColumn.encode(l.sides); summary = l.summary
        sourceJson = JSONColumn.encode(l.source); sourceDocumentId = l.source?.documentID
        visibility = l.visibility.rawValue; self.version = version; updatedAt = Timestamp.now()
    }

    func model() throws -> RailLink {
        RailLink(id: id, name: name, aliases: try JSONColumn.decodeList(String.self, aliasesJson, column: "aliases_json"),
                 stations: try JSONColumn.decodeList(String.self, stationsJson, column: "stations_json"),
                 status: try status.map { try storedEnum(RailLinkStatus.self, $0, column: "status") },
                 uses: try JSONColumn.decodeList(RailLinkUse.self, usesJson, column: "uses_json"),
                 sides: try JSONColumn.decodeList(RailLinkSide.self, sidesJson, column: "sides_json"), summary: summary,
                 source: try JSONColumn.decode(PassageReference.self, sourceJson, column: "source_json"),
                 visibility: try storedEnum(Visibility.self, visibility, column: "visibility"))
    }
}

extension RailLink: StoredRecord {
    public static var recordKind: RecordKind { .railLink }
    public static var table: String { "rail_links" }
    public static func load(ids: [String], from register: Register) async throws -> [Self] { try await register.railLinks(ids: ids) }
    public func addRows(version: Int, to batch: inout RowBatch) {
        batch.add(RailLinkRow(self, version: version), to: Self.table)
    }
    /// Shared reference material, like organisations: every editor may add and correct links.
    public var placement: RecordPlacement { RecordPlacement(kind: .railLink) }
}
