import DeltaDomain
import SQLKit

/// An `allocation_regimes` row.
struct AllocationRegimeRow: Codable, Sendable {
    var id: String, country: String, fundingSourcesJson: String, title: String, explanation: String?
    var sourceJson: String?, sourceDocumentId: String?, visibility: String, version: Int, updatedAt: String

    init(_ r: AllocationRegime, version: Int) {
        id = r.id; country = r.country.rawValue; fundingSourcesJson = JSONColumn.encode(r.fundingSources); title = r.title
        explanation = r.explanation; sourceJson = JSONColumn.encode(r.source); sourceDocumentId = r.source?.documentID
        visibility = r.visibility.rawValue; self.version = version; updatedAt = Timestamp.now()
    }

    func model() throws -> AllocationRegime {
        AllocationRegime(id: id, country: try storedEnum(Country.self, country, column: "country"),
                         fundingSources: try JSONColumn.decodeList(FundingSource.self, fundingSourcesJson, column: "funding_sources_json"),
                         title: title, explanation: explanation,
                         source: try JSONColumn.decode(PassageReference.self, sourceJson, column: "source_json"),
                         visibility: try storedEnum(Visibility.self, visibility, column: "visibility"))
    }
}

extension AllocationRegime: StoredRecord {
    public static var recordKind: RecordKind { .allocationRegime }
    public static var table: String { "allocation_regimes" }
    public static func load(ids: [String], from register: Register) async throws -> [Self] { try await register.allocationRegimes(ids: ids) }
    public func addRows(version: Int, to batch: inout RowBatch) {
        batch.add(AllocationRegimeRow(self, version: version), to: Self.table)
    }
    /// Placed in no dossier or body: like an investment outside a dossier, only administrators edit it.
    public var placement: RecordPlacement { RecordPlacement(kind: .allocationRegime) }
}
