import DeltaDomain
import SQLKit

/// A register record that can be stored and edited one at a time, with a version and an audit trail.
public protocol StoredRecord: Codable, Hashable, Sendable, Identifiable where ID == String {
    /// The record kind (audit entries, notes, routes).
    static var recordKind: RecordKind { get }
    /// The table holding it.
    static var table: String { get }
    /// The tables of its child rows, each with the column that names the record; a save replaces them.
    static var childTables: [(table: String, recordColumn: String)] { get }
    /// Loads the stored records among `ids` through a register view (which applies the reader's
    /// scope), in one read whatever their number, in no particular order. Work that goes through a
    /// whole kind (the search index, an import's comparison) reads it a part at a time this way,
    /// so it holds a part of the kind, never all of it.
    static func load(ids: [String], from register: Register) async throws -> [Self]
    /// Adds the record's rows at `version` to a batch: its own row in `table` first, then its child rows.
    func addRows(version: Int, to batch: inout RowBatch)
    /// The dossiers and bodies the record refers to directly (for editing rights).
    var placement: RecordPlacement { get }
}

extension StoredRecord {
    public static var childTables: [(table: String, recordColumn: String)] { [] }

    /// Loads one stored record through a register view (which applies the reader's scope).
    public static func load(id: String, from register: Register) async throws -> Self? {
        try await load(ids: [id], from: register).first
    }

    /// Writes the record's row and child rows with a version: inserted when new, else its row
    /// updated and its child rows replaced. The rows come from `addRows`, the one description of
    /// how the record is stored, which batched imports use too.
    func write(on db: any SQLDatabase, version: Int, isNew: Bool) async throws {
        var batch = RowBatch()
        addRows(version: version, to: &batch)
        if !isNew {
            for own in try batch.take(Self.table) {
                var update = db.update(Self.table)
                for (column, value) in own { update = update.set(SQLIdentifier(column), to: value) }
                try await update.where("id", .equal, id).run()
            }
            for child in Self.childTables {
                try await db.delete(from: child.table).where(SQLIdentifier(child.recordColumn), .equal, SQLBind(id)).run()
            }
        }
        try await batch.write(on: db)
    }
}

extension Organisation: StoredRecord {
    public static var recordKind: RecordKind { .organisation }
    public static var table: String { "organisations" }
    public static func load(ids: [String], from register: Register) async throws -> [Self] { try await register.organisations(ids: ids) }
    public func addRows(version: Int, to batch: inout RowBatch) {
        batch.add(OrganisationRow(self, version: version), to: Self.table)
    }
    public var placement: RecordPlacement { RecordPlacement(kind: .organisation) }
}

extension Document: StoredRecord {
    public static var recordKind: RecordKind { .document }
    public static var table: String { "documents" }
    public static func load(ids: [String], from register: Register) async throws -> [Self] { try await register.documents(ids: ids) }
    public static var childTables: [(table: String, recordColumn: String)] {
        [("document_paragraphs", "document_id"), ("document_relations", "document_id")]
    }
    public func addRows(version: Int, to batch: inout RowBatch) {
        batch.add(DocumentRow(self, version: version), to: Self.table)
        for (position, paragraph) in paragraphs.enumerated() {
            batch.add(ParagraphRow(documentId: id, position: position, anchor: paragraph.anchor, kind: paragraph.kind.rawValue,
                                   text: paragraph.text), to: "document_paragraphs")
        }
        for (position, relation) in relations.enumerated() {
            batch.add(DocumentRelationRow(relation, documentID: id, position: position), to: "document_relations")
        }
    }
    public var placement: RecordPlacement { RecordPlacement(kind: .document) }
}

extension Body: StoredRecord {
    public static var recordKind: RecordKind { .body }
    public static var table: String { "bodies" }
    public static func load(ids: [String], from register: Register) async throws -> [Self] { try await register.bodies(ids: ids) }
    public func addRows(version: Int, to batch: inout RowBatch) {
        batch.add(BodyRow(self, version: version), to: Self.table)
    }
    public var placement: RecordPlacement { RecordPlacement(kind: .body, bodyIDs: [id]) }
}

extension Dossier: StoredRecord {
    public static var recordKind: RecordKind { .dossier }
    public static var table: String { "dossiers" }
    public static func load(ids: [String], from register: Register) async throws -> [Self] { try await register.dossiers(ids: ids) }
    public func addRows(version: Int, to batch: inout RowBatch) {
        batch.add(DossierRow(self, version: version), to: Self.table)
    }
    public var placement: RecordPlacement { RecordPlacement(kind: .dossier, dossierIDs: [id], bodyIDs: bodyID.map { [$0] } ?? []) }
}

extension Agreement: StoredRecord {
    public static var recordKind: RecordKind { .agreement }
    public static var table: String { "agreements" }
    public static func load(ids: [String], from register: Register) async throws -> [Self] { try await register.agreements(ids: ids) }
    public static var childTables: [(table: String, recordColumn: String)] { [("agreement_dossiers", "agreement_id")] }
    public func addRows(version: Int, to batch: inout RowBatch) {
        batch.add(AgreementRow(self, version: version), to: Self.table)
        for (position, dossierID) in dossierIDs.enumerated() {
            batch.add(DossierLinkRow(recordColumn: "agreement_id", recordID: id, dossierID: dossierID, position: position),
                      to: "agreement_dossiers")
        }
    }
    public var placement: RecordPlacement { RecordPlacement(kind: .agreement, dossierIDs: dossierIDs, bodyIDs: bodyID.map { [$0] } ?? []) }
}

extension Milestone: StoredRecord {
    public static var recordKind: RecordKind { .milestone }
    public static var table: String { "milestones" }
    public static func load(ids: [String], from register: Register) async throws -> [Self] { try await register.milestones(ids: ids) }
    public static var childTables: [(table: String, recordColumn: String)] { [("milestone_dossiers", "milestone_id")] }
    public func addRows(version: Int, to batch: inout RowBatch) {
        batch.add(MilestoneRow(self, version: version), to: Self.table)
        for (position, dossierID) in dossierIDs.enumerated() {
            batch.add(DossierLinkRow(recordColumn: "milestone_id", recordID: id, dossierID: dossierID, position: position),
                      to: "milestone_dossiers")
        }
    }
    public var placement: RecordPlacement { RecordPlacement(kind: .milestone, dossierIDs: dossierIDs) }
}

extension Meeting: StoredRecord {
    public static var recordKind: RecordKind { .meeting }
    public static var table: String { "meetings" }
    public static func load(ids: [String], from register: Register) async throws -> [Self] { try await register.meetings(ids: ids) }
    public func addRows(version: Int, to batch: inout RowBatch) {
        batch.add(MeetingRow(self, version: version), to: Self.table)
    }
    public var placement: RecordPlacement { RecordPlacement(kind: .meeting, bodyIDs: [bodyID]) }
}

extension Investment: StoredRecord {
    public static var recordKind: RecordKind { .investment }
    public static var table: String { "investments" }
    public static func load(ids: [String], from register: Register) async throws -> [Self] { try await register.investments(ids: ids) }
    public func addRows(version: Int, to batch: inout RowBatch) {
        batch.add(InvestmentRow(self, version: version), to: Self.table)
    }
    public var placement: RecordPlacement { RecordPlacement(kind: .investment, dossierIDs: dossierID.map { [$0] } ?? []) }
}
