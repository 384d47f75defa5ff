import DeltaDomain
import SQLKit

/// A register record that can be stored and edited one at a time, with a version and an audit trail.
public protocol StoredRecord: Codable, Hashable, Sendable, Identifiable where ID == String {
    /// The record kind (audit entries, notes, routes).
    static var recordKind: RecordKind { get }
    /// The table holding it.
    static var table: String { get }
    /// Loads the stored record through a register view (which applies the reader's scope).
    static func load(id: String, from register: Register) async throws -> Self?
    /// Writes the record's row (and child rows) with a version.
    func write(on db: any SQLDatabase, version: Int, isNew: Bool) async throws
    /// The dossiers and bodies the record refers to directly (for editing rights).
    var placement: RecordPlacement { get }
}

extension StoredRecord {
    /// Inserts or updates a row value in `table`.
    func put(_ row: some Encodable & Sendable, on db: any SQLDatabase, isNew: Bool) async throws {
        if isNew {
            try await db.insert(into: Self.table).model(row, with: RowCoding.encoder).run()
        } else {
            try await db.update(Self.table).set(model: row, with: RowCoding.encoder).where("id", .equal, id).run()
        }
    }
}

extension Organisation: StoredRecord {
    public static var recordKind: RecordKind { .organisation }
    public static var table: String { "organisations" }
    public static func load(id: String, from register: Register) async throws -> Self? { try await register.organisation(id: id) }
    public func write(on db: any SQLDatabase, version: Int, isNew: Bool) async throws {
        try await put(OrganisationRow(self, version: version), on: db, isNew: isNew)
    }
    public var placement: RecordPlacement { RecordPlacement(kind: .organisation) }
}

extension Document: StoredRecord {
    public static var recordKind: RecordKind { .document }
    public static var table: String { "documents" }
    public static func load(id: String, from register: Register) async throws -> Self? { try await register.document(id: id) }
    public func write(on db: any SQLDatabase, version: Int, isNew: Bool) async throws {
        try await put(DocumentRow(self, version: version), on: db, isNew: isNew)
        try await db.delete(from: "document_paragraphs").where("document_id", .equal, id).run()
        for (position, paragraph) in paragraphs.enumerated() {
            try await db.insert(into: "document_paragraphs")
                .model(ParagraphRow(documentId: id, position: position, anchor: paragraph.anchor,
                                    kind: paragraph.kind.rawValue, text: paragraph.text), with: RowCoding.encoder)
                .run()
        }
        try await db.delete(from: "document_relations").where("document_id", .equal, id).run()
        for (position, relation) in relations.enumerated() {
            try await db.insert(into: "document_relations")
                .model(DocumentRelationRow(relation, documentID: id, position: position), with: RowCoding.encoder).run()
        }
    }
    public var placement: RecordPlacement { RecordPlacement(kind: .document) }
}

extension Body: StoredRecord {
    public static var recordKind: RecordKind { .body }
    public static var table: String { "bodies" }
    public static func load(id: String, from register: Register) async throws -> Self? { try await register.body(id: id) }
    public func write(on db: any SQLDatabase, version: Int, isNew: Bool) async throws {
        try await put(BodyRow(self, version: version), on: db, isNew: isNew)
    }
    public var placement: RecordPlacement { RecordPlacement(kind: .body, bodyIDs: [id]) }
}

extension Dossier: StoredRecord {
    public static var recordKind: RecordKind { .dossier }
    public static var table: String { "dossiers" }
    public static func load(id: String, from register: Register) async throws -> Self? { try await register.dossier(id: id) }
    public func write(on db: any SQLDatabase, version: Int, isNew: Bool) async throws {
        try await put(DossierRow(self, version: version), on: db, isNew: isNew)
    }
    public var placement: RecordPlacement { RecordPlacement(kind: .dossier, dossierIDs: [id], bodyIDs: bodyID.map { [$0] } ?? []) }
}

extension Agreement: StoredRecord {
    public static var recordKind: RecordKind { .agreement }
    public static var table: String { "agreements" }
    public static func load(id: String, from register: Register) async throws -> Self? { try await register.agreement(id: id) }
    public func write(on db: any SQLDatabase, version: Int, isNew: Bool) async throws {
        try await put(AgreementRow(self, version: version), on: db, isNew: isNew)
        try await db.delete(from: "agreement_dossiers").where("agreement_id", .equal, id).run()
        for (position, dossierID) in dossierIDs.enumerated() {
            try await db.insert(into: "agreement_dossiers").columns("agreement_id", "dossier_id", "position")
                .values(SQLBind(id), SQLBind(dossierID), SQLBind(position)).run()
        }
    }
    public var placement: RecordPlacement { RecordPlacement(kind: .agreement, dossierIDs: dossierIDs, bodyIDs: bodyID.map { [$0] } ?? []) }
}

extension Milestone: StoredRecord {
    public static var recordKind: RecordKind { .milestone }
    public static var table: String { "milestones" }
    public static func load(id: String, from register: Register) async throws -> Self? { try await register.milestone(id: id) }
    public func write(on db: any SQLDatabase, version: Int, isNew: Bool) async throws {
        try await put(MilestoneRow(self, version: version), on: db, isNew: isNew)
        try await db.delete(from: "milestone_dossiers").where("milestone_id", .equal, id).run()
        for (position, dossierID) in dossierIDs.enumerated() {
            try await db.insert(into: "milestone_dossiers").columns("milestone_id", "dossier_id", "position")
                .values(SQLBind(id), SQLBind(dossierID), SQLBind(position)).run()
        }
    }
    public var placement: RecordPlacement { RecordPlacement(kind: .milestone, dossierIDs: dossierIDs) }
}

extension Meeting: StoredRecord {
    public static var recordKind: RecordKind { .meeting }
    public static var table: String { "meetings" }
    public static func load(id: String, from register: Register) async throws -> Self? { try await register.meeting(id: id) }
    public func write(on db: any SQLDatabase, version: Int, isNew: Bool) async throws {
        try await put(MeetingRow(self, version: version), on: db, isNew: isNew)
    }
    public var placement: RecordPlacement { RecordPlacement(kind: .meeting, bodyIDs: [bodyID]) }
}

extension Investment: StoredRecord {
    public static var recordKind: RecordKind { .investment }
    public static var table: String { "investments" }
    public static func load(id: String, from register: Register) async throws -> Self? { try await register.investment(id: id) }
    public func write(on db: any SQLDatabase, version: Int, isNew: Bool) async throws {
        try await put(InvestmentRow(self, version: version), on: db, isNew: isNew)
    }
    public var placement: RecordPlacement { RecordPlacement(kind: .investment, dossierIDs: dossierID.map { [$0] } ?? []) }
}
