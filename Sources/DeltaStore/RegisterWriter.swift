import DeltaDomain
import SQLKit

/// Writes whole snapshots (imports) into the register inside one transaction.
///
/// Writes are upserts by stable id. A record equal to the stored one is left alone, so an
/// import of the same file twice changes nothing, not even versions. Every record written is
/// recorded in the audit log with its field changes.
public struct RegisterWriter: Sendable {
    let db: any SQLDatabase
    let actor: AuditActor
    /// Records compared with the stored ones at a time (`Register.recordsPerRead`; tests take fewer).
    let partSize: Int

    /// A writer on a connection that is inside a transaction.
    public init(db: any SQLDatabase, actor: AuditActor = .importer(), partSize: Int = Register.recordsPerRead) {
        self.db = db
        self.actor = actor
        self.partSize = partSize
    }

    /// Writes a snapshot in dependency order and returns what changed. An import calls it once
    /// for each part of its files, in their order, in one transaction. The search index is not
    /// touched: call `updateSearch(after:)` once every part is written, because the index reads
    /// the whole register again.
    public func save(_ snapshot: RegisterSnapshot) async throws -> WriteSummary {
        var summary = WriteSummary()
        let current = Register(db: db, scope: .everything)
        // Parents before children, so foreign keys hold at every statement. Records are compared
        // with the stored ones read a part at a time, one read per part, not one per record, so a
        // re-import of an unchanged register costs what its first import costs.
        try await save(Self.parentsFirst(snapshot.organisations, parent: \.parentID), current: current, summary: &summary)
        try await save(snapshot.documents, current: current, summary: &summary)
        let bodies = Self.parentsFirst(snapshot.bodies, parent: \.parentID)
        try await save(bodies, current: current, summary: &summary)
        let storedMembers = bodies.isEmpty ? [:]
            : Dictionary(grouping: try await current.memberships(bodyIDs: bodies.map(\.id)), by: \.bodyID)
        let membershipsByBody = Dictionary(grouping: snapshot.memberships, by: \.bodyID)
        let replacements = bodies.compactMap { body -> MembershipWriter.Replacement? in
            let members = membershipsByBody[body.id] ?? []
            let before = storedMembers[body.id] ?? []
            return before == members ? nil : MembershipWriter.Replacement(bodyID: body.id, members: members, before: before)
        }
        try await MembershipWriter(db: db, actor: actor).replace(replacements)
        // Links before the dossiers that refer to them.
        try await save(snapshot.railLinks, current: current, summary: &summary)
        try await save(snapshot.dossiers, current: current, summary: &summary)
        try await save(snapshot.agreements, current: current, summary: &summary)
        try await save(Self.parentsFirst(snapshot.goals, parent: \.parentID), current: current, summary: &summary)
        try await save(snapshot.indicators, current: current, summary: &summary)
        try await save(snapshot.milestones, current: current, summary: &summary)
        try await save(snapshot.meetings, current: current, summary: &summary)
        try await save(Self.parentsFirst(snapshot.investments, parent: \.partOfID), current: current, summary: &summary)
        try await save(snapshot.allocationRegimes, current: current, summary: &summary)
        try await save(snapshot.obstacles, current: current, summary: &summary)
        return summary
    }

    /// The search entries of everything a `save` wrote, at once (see `RecordEditor.updatesSearch`).
    public func updateSearch(after summary: WriteSummary) async throws {
        if summary.inserted + summary.updated > 0 { try await SearchIndex(db: db).rebuild() }
    }

    /// Saves the records of one kind against the stored ones, read a part at a time: only the
    /// stored records among a part's ids, so memory holds a part of what is stored, never a kind.
    private func save<R: StoredRecord>(_ records: [R], current: Register, summary: inout WriteSummary) async throws {
        for part in records.parts(of: partSize) {
            let stored = try await R.load(ids: part.map(\.id), from: current)
            let byID = Dictionary(stored.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            try await save(part, stored: byID, summary: &summary)
        }
    }

    /// Saves the records of one kind in order: new ones in chunks of multi-row inserts, changed ones
    /// one by one (imports win over edits: the file is the source), unchanged ones not at all.
    private func save<R: StoredRecord>(_ records: ArraySlice<R>, stored: [String: R], summary: inout WriteSummary) async throws {
        let editor = RecordEditor(db: db, actor: actor, updatesSearch: false)
        var new: [R] = []
        for record in records {
            guard let existing = stored[record.id] else {
                // Collected until a changed record or the end: `create` writes them a part at a
                // time, preparing the next part while one is written.
                new.append(record)
                continue
            }
            if existing == record {
                summary.unchanged += 1
                continue
            }
            // A changed record may name a new one as its parent: those go in first.
            try await editor.create(new, action: "import")
            summary.inserted += new.count
            new.removeAll(keepingCapacity: true)
            let version = try await editor.version(of: R.self, id: record.id) ?? 0
            try await editor.save(record, expectedVersion: version, action: "import")
            summary.updated += 1
        }
        try await editor.create(new, action: "import")
        summary.inserted += new.count
    }

    /// Orders records so that a record's parent (if in the list) comes before it.
    static func parentsFirst<T: Identifiable>(_ records: [T], parent: KeyPath<T, String?>) -> [T] where T.ID == String {
        let byID = Dictionary(records.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var placed = Set<String>()
        var result: [T] = []
        func place(_ record: T, depth: Int) {
            guard !placed.contains(record.id), depth < records.count + 1 else { return }
            if let parentID = record[keyPath: parent], let parentRecord = byID[parentID] { place(parentRecord, depth: depth + 1) }
            if placed.insert(record.id).inserted { result.append(record) }
        }
        records.forEach { place($0, depth: 0) }
        return result
    }
}
