import DeltaDomain
import Foundation
import SQLKit

/// The append-only, hash-chained audit log.
///
/// Each entry's hash covers its own content and the previous entry's hash, so altering, removing
/// or inserting an entry breaks the chain from that point on. The application only ever inserts.
public struct AuditLog: Sendable {
    let db: any SQLDatabase

    /// The log over a connection; appends must run inside the transaction that makes the change.
    public init(db: any SQLDatabase) { self.db = db }

    /// The hash the first entry points back to.
    public static let genesis = String(repeating: "0", count: 64)

    /// Appends an entry for a change and returns it.
    @discardableResult
    public func append(actor: AuditActor, kind: String, id: String, action: String, changes: [FieldChange],
                       now: Date = Date()) async throws -> AuditEntry {
        let entries = try await append([AuditChange(kind: kind, id: id, action: action, changes: changes)], actor: actor, now: now)
        return entries[0]
    }

    /// Appends one entry per change, chained in the order given, with multi-row inserts (an import
    /// appends thousands), and returns them.
    @discardableResult
    public func append(_ changes: [AuditChange], actor: AuditActor, now: Date = Date()) async throws -> [AuditEntry] {
        guard !changes.isEmpty else { return [] }
        if db.dialect.name == "postgresql" {
            // Two server instances append one at a time, so the chain never forks.
            try await db.raw("SELECT pg_advisory_xact_lock(4242002)").run()
        }
        let last = try await db.select().columns("sequence", "hash").from("audit_log").orderBy("sequence", .descending).limit(1).first()
        var sequence = try last?.decode(column: "sequence", as: Int.self) ?? 0
        var previous = try last?.decode(column: "hash", as: String.self) ?? Self.genesis
        let at = now.formatted(.iso8601)
        var entries: [AuditEntry] = []
        entries.reserveCapacity(changes.count)
        var batch = RowBatch()
        for change in changes {
            sequence += 1
            let changesJSON = change.changesJSON
            let hash = Self.hash(sequence: sequence, at: at, actor: actor.name, via: actor.via, address: actor.address, kind: change.kind,
                                 id: change.id, action: change.action, changesJSON: changesJSON, previousHash: previous)
            let entry = AuditEntry(sequence: sequence, at: at, actor: actor.name, via: actor.via, address: actor.address,
                                   recordKind: change.kind, recordID: change.id, action: change.action, changes: change.changes,
                                   previousHash: previous, hash: hash)
            batch.add(AuditRow(entry, changesJSON: changesJSON), to: "audit_log")
            entries.append(entry)
            previous = hash
        }
        try await batch.write(on: db)
        return entries
    }

    /// The hash of an entry: SHA-256 over its fields, separated by a control character no field contains unescaped.
    static func hash(sequence: Int, at: String, actor: String, via: String, address: String?, kind: String, id: String,
                     action: String, changesJSON: String, previousHash: String) -> String {
        let fields = [String(sequence), at, actor, via, address ?? "", kind, id, action, changesJSON, previousHash]
        let escaped = fields.map { $0.unicodeScalars.contains("\u{1F}") ? $0.replacingOccurrences(of: "\u{1F}", with: "\\u001F") : $0 }
        return Secrets.sha256(escaped.joined(separator: "\u{1F}"))
    }

    /// The entries about one record, oldest first.
    /// The sequence of the newest entry (0 for an empty log): the register's version, since every
    /// change appends an entry in its own transaction.
    public func head() async throws -> Int {
        try await db.raw("SELECT COALESCE(MAX(sequence), 0) AS head FROM audit_log").first()?.decode(column: "head", as: Int.self) ?? 0
    }

    public func entries(kind: String, id: String) async throws -> [AuditEntry] {
        try await db.select().column("*").from("audit_log").where("record_kind", .equal, kind).where("record_id", .equal, id)
            .orderBy("sequence").all().map(Self.entry(from:))
    }

    /// The latest entries, newest first.
    public func recent(limit: Int) async throws -> [AuditEntry] {
        try await db.select().column("*").from("audit_log").orderBy("sequence", .descending).limit(limit).all().map(Self.entry(from:))
    }

    /// The latest entries about records of `kinds`, newest first: what a change feed reads.
    public func recent(kinds: [String], limit: Int) async throws -> [AuditEntry] {
        guard !kinds.isEmpty else { return [] }
        return try await db.select().column("*").from("audit_log").where("record_kind", .in, kinds)
            .orderBy("sequence", .descending).limit(limit).all().map(Self.entry(from:))
    }

    static func entry(from row: any SQLRow) throws -> AuditEntry {
        AuditEntry(sequence: try row.decode(column: "sequence", as: Int.self), at: try row.decode(column: "at", as: String.self),
                   actor: try row.decode(column: "actor", as: String.self), via: try row.decode(column: "via", as: String.self),
                   address: try row.decode(column: "address", as: String?.self),
                   recordKind: try row.decode(column: "record_kind", as: String.self),
                   recordID: try row.decode(column: "record_id", as: String.self),
                   action: try row.decode(column: "action", as: String.self),
                   changes: try JSONColumn.decodeList(FieldChange.self, try row.decode(column: "changes_json", as: String.self), column: "changes_json"),
                   previousHash: try row.decode(column: "previous_hash", as: String.self),
                   hash: try row.decode(column: "hash", as: String.self))
    }

    /// The result of walking the chain.
    public struct Verification: Sendable, Hashable {
        /// Entries checked.
        public let checked: Int
        /// The hash of the last entry: record it elsewhere to detect removal of the newest entries.
        public let head: String
        /// The first entry found wrong, and why; nil when the chain is intact.
        public let firstProblem: Problem?
    }

    /// An entry that breaks the chain.
    public struct Problem: Sendable, Hashable {
        public let sequence: Int
        public let reason: String
    }

    /// Walks the whole chain in order and names the first entry that was altered, removed or inserted.
    ///
    /// The entries are checked as the database hands them over (`fold`), not held all at once: at
    /// a thousand times the demo the log is 221 000 entries and 120 MB of changes, and verifying it
    /// took 347 MB of memory that way.
    public func verify() async throws -> Verification {
        let walk = try await db.select().column("*").from("audit_log").orderBy("sequence").fold(into: Walk()) { walk, row in
            guard walk.problem == nil else { return }
            try walk.check(row)
        }
        return Verification(checked: walk.checked, head: walk.previous, firstProblem: walk.problem)
    }

    /// Where a walk along the chain is: the entries checked so far, the last one's hash, and the
    /// first problem found (after which nothing more is checked).
    private struct Walk: Sendable {
        var previous = AuditLog.genesis
        var expected = 1
        var checked = 0
        var problem: Problem?

        mutating func check(_ row: any SQLRow) throws {
            let sequence = try row.decode(column: "sequence", as: Int.self)
            let stored = try row.decode(column: "hash", as: String.self)
            let pointsBack = try row.decode(column: "previous_hash", as: String.self)
            if sequence != expected {
                problem = Problem(sequence: sequence, reason: sequence > expected
                    ? "entries \(expected)…\(sequence - 1) are missing (removed)"
                    : "entry \(sequence) is out of order (inserted)")
                return
            }
            if pointsBack != previous {
                problem = Problem(sequence: sequence, reason: "entry \(sequence) does not point back to entry \(sequence - 1) (an entry was removed or inserted before it)")
                return
            }
            let computed = AuditLog.hash(sequence: sequence, at: try row.decode(column: "at", as: String.self),
                                         actor: try row.decode(column: "actor", as: String.self), via: try row.decode(column: "via", as: String.self),
                                         address: try row.decode(column: "address", as: String?.self),
                                         kind: try row.decode(column: "record_kind", as: String.self),
                                         id: try row.decode(column: "record_id", as: String.self),
                                         action: try row.decode(column: "action", as: String.self),
                                         changesJSON: try row.decode(column: "changes_json", as: String.self), previousHash: pointsBack)
            if computed != stored {
                problem = Problem(sequence: sequence, reason: "entry \(sequence) was altered: its content does not match its hash")
                return
            }
            previous = stored
            expected += 1
            checked += 1
        }
    }
}

/// One change to record in the audit log: which record, what was done and the field changes.
public struct AuditChange: Sendable {
    public let kind: String, id: String, action: String, changes: [FieldChange]
    /// The changes as stored and hashed, encoded here so that an import encodes them while
    /// preparing a part, not while the database waits (see `Pipeline`).
    let changesJSON: String

    public init(kind: String, id: String, action: String, changes: [FieldChange]) {
        self.kind = kind; self.id = id; self.action = action; self.changes = changes
        changesJSON = JSONColumn.encode(changes)
    }
}

/// An entry as its `audit_log` row.
private struct AuditRow: Encodable, Sendable {
    let entry: AuditEntry, changesJSON: String

    init(_ entry: AuditEntry, changesJSON: String) { self.entry = entry; self.changesJSON = changesJSON }

    func encode(to encoder: any Encoder) throws {
        var row = encoder.container(keyedBy: ColumnKey.self)
        try row.encode(entry.sequence, forKey: ColumnKey("sequence"))
        try row.encode(entry.at, forKey: ColumnKey("at"))
        try row.encode(entry.actor, forKey: ColumnKey("actor"))
        try row.encode(entry.via, forKey: ColumnKey("via"))
        if let address = entry.address { try row.encode(address, forKey: ColumnKey("address")) } else { try row.encodeNil(forKey: ColumnKey("address")) }
        try row.encode(entry.recordKind, forKey: ColumnKey("record_kind"))
        try row.encode(entry.recordID, forKey: ColumnKey("record_id"))
        try row.encode(entry.action, forKey: ColumnKey("action"))
        try row.encode(changesJSON, forKey: ColumnKey("changes_json"))
        try row.encode(entry.previousHash, forKey: ColumnKey("previous_hash"))
        try row.encode(entry.hash, forKey: ColumnKey("hash"))
    }
}
