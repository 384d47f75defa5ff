import DeltaDomain
import SQLKit

/// Saves single records with version checks, appending an audit entry for every change and
/// updating the record's search entries in the same transaction.
public struct RecordEditor: Sendable {
    let db: any SQLDatabase
    let actor: AuditActor
    /// Whether each save brings the record's search entries up to date. An import of many records
    /// turns this off and rebuilds the index once at its end (in the same transaction): an entry
    /// reads the register's lookup tables, so updating one per record made imports quadratic.
    let updatesSearch: Bool

    /// An editor on a connection inside a transaction, acting for `actor`.
    public init(db: any SQLDatabase, actor: AuditActor, updatesSearch: Bool = true) {
        self.db = db
        self.actor = actor
        self.updatesSearch = updatesSearch
    }

    /// The stored version of a record, or nil when there is none. On PostgreSQL the row is locked
    /// until the transaction ends, so two servers cannot both save over the same version.
    public func version<R: StoredRecord>(of type: R.Type, id: String) async throws -> Int? {
        let lock = db.dialect.name == "postgresql" ? " FOR UPDATE" : ""
        let row = try await db.raw("SELECT version FROM \(unsafeRaw: R.table) WHERE id = \(bind: id)\(unsafeRaw: lock)").first()
        return try row?.decode(column: "version", as: Int.self)
    }

    /// Creates records the caller knows to be new (an import, which has read the kind's stored ids),
    /// with multi-row inserts and one audit entry each, in the order given (parents first). A
    /// duplicate id fails the statement, and with it the transaction.
    public func create<R: StoredRecord>(_ records: [R], action: String) async throws {
        try await Pipeline.run(records, partSize: Self.part, prepare: { part in
            var batch = RowBatch()
            var changes: [AuditChange] = []
            changes.reserveCapacity(part.count)
            for record in part {
                record.addRows(version: 1, to: &batch)
                changes.append(AuditChange(kind: R.recordKind.rawValue, id: record.id, action: action,
                                           changes: FieldChange.between(nil as R?, record)))
            }
            return (records: part, batch: batch, changes: changes)
        }, write: { prepared in
            var batch = prepared.batch
            try await batch.write(on: db)
            if updatesSearch {
                for record in prepared.records { try await SearchIndex(db: db).update(record) }
            }
            try await AuditLog(db: db).append(prepared.changes, actor: actor)
        })
    }

    /// Records prepared and written at a time by `create`: at most three parts are held at once
    /// (one being written, `Pipeline.ahead` being prepared).
    static let part = 500

    /// Creates a record (`expectedVersion` nil) or saves it over `expectedVersion`. Returns the new
    /// version. Throws `StoreError.conflict` when the stored version is another one and
    /// `StoreError.duplicate` when creating an id that exists; nothing is written then.
    @discardableResult
    public func save<R: StoredRecord>(_ record: R, expectedVersion: Int?, action: String? = nil) async throws -> Int {
        let current = try await version(of: R.self, id: record.id)
        guard let expectedVersion else {
            if current != nil { throw StoreError.duplicate(kind: R.recordKind.rawValue, id: record.id) }
            try await record.write(on: db, version: 1, isNew: true)
            if updatesSearch { try await SearchIndex(db: db).update(record) }
            try await AuditLog(db: db).append(actor: actor, kind: R.recordKind.rawValue, id: record.id, action: action ?? "create",
                                              changes: FieldChange.between(nil as R?, record))
            return 1
        }
        guard let current else { throw StoreError.notFound(kind: R.recordKind.rawValue, id: record.id) }
        guard current == expectedVersion else { throw StoreError.conflict(kind: R.recordKind.rawValue, id: record.id, currentVersion: current) }
        let stored = try await R.load(id: record.id, from: Register(db: db, scope: .everything))
        if stored == record { return current }
        try await record.write(on: db, version: current + 1, isNew: false)
        if updatesSearch { try await SearchIndex(db: db).update(record) }
        try await AuditLog(db: db).append(actor: actor, kind: R.recordKind.rawValue, id: record.id, action: action ?? "update",
                                          changes: FieldChange.between(stored, record))
        return current + 1
    }
}
