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

    /// A writer on a connection that is inside a transaction.
    public init(db: any SQLDatabase, actor: AuditActor = .importer()) {
        self.db = db
        self.actor = actor
    }

    /// Writes a snapshot in dependency order and returns what changed.
    public func save(_ snapshot: RegisterSnapshot) async throws -> WriteSummary {
        var summary = WriteSummary()
        let current = Register(db: db, scope: .everything)
        // Parents before children, so foreign keys hold at every statement.
        for organisation in Self.parentsFirst(snapshot.organisations, parent: \.parentID) {
            try await upsert(organisation, existing: try await current.organisation(id: organisation.id), summary: &summary)
        }
        for document in snapshot.documents {
            try await upsert(document, existing: try await current.document(id: document.id), summary: &summary)
        }
        let membershipsByBody = Dictionary(grouping: snapshot.memberships, by: \.bodyID)
        for body in Self.parentsFirst(snapshot.bodies, parent: \.parentID) {
            try await upsert(body, existing: try await current.body(id: body.id), summary: &summary)
            let members = membershipsByBody[body.id] ?? []
            let storedMembers = try await current.memberships(bodyID: body.id)
            if storedMembers != members {
                try await MembershipWriter(db: db, actor: actor).replace(bodyID: body.id, with: members, before: storedMembers)
            }
        }
        // Links before the dossiers that refer to them.
        let links = Dictionary(uniqueKeysWithValues: try await current.railLinks().map { ($0.id, $0) })
        for link in snapshot.railLinks {
            try await upsert(link, existing: links[link.id], summary: &summary)
        }
        // One read per kind, not one per record: a re-import of an unchanged register costs what
        // its first import costs (the comparison is in memory).
        let dossiers = Dictionary(uniqueKeysWithValues: try await current.dossiers().map { ($0.id, $0) })
        for dossier in snapshot.dossiers {
            try await upsert(dossier, existing: dossiers[dossier.id], summary: &summary)
        }
        let agreements = Dictionary(uniqueKeysWithValues: try await current.agreements().map { ($0.id, $0) })
        for agreement in snapshot.agreements {
            try await upsert(agreement, existing: agreements[agreement.id], summary: &summary)
        }
        let goals = Dictionary(uniqueKeysWithValues: try await current.goals().map { ($0.id, $0) })
        for goal in Self.parentsFirst(snapshot.goals, parent: \.parentID) {
            try await upsert(goal, existing: goals[goal.id], summary: &summary)
        }
        let indicators = Dictionary(uniqueKeysWithValues: try await current.indicators().map { ($0.id, $0) })
        for indicator in snapshot.indicators {
            try await upsert(indicator, existing: indicators[indicator.id], summary: &summary)
        }
        let milestones = Dictionary(uniqueKeysWithValues: try await current.milestones().map { ($0.id, $0) })
        for milestone in snapshot.milestones {
            try await upsert(milestone, existing: milestones[milestone.id], summary: &summary)
        }
        let meetings = Dictionary(uniqueKeysWithValues: try await current.meetings().map { ($0.id, $0) })
        for meeting in snapshot.meetings {
            try await upsert(meeting, existing: meetings[meeting.id], summary: &summary)
        }
        let investments = Dictionary(uniqueKeysWithValues: try await current.investments().map { ($0.id, $0) })
        for investment in Self.parentsFirst(snapshot.investments, parent: \.partOfID) {
            try await upsert(investment, existing: investments[investment.id], summary: &summary)
        }
        let regimes = Dictionary(uniqueKeysWithValues: try await current.allocationRegimes().map { ($0.id, $0) })
        for regime in snapshot.allocationRegimes {
            try await upsert(regime, existing: regimes[regime.id], summary: &summary)
        }
        let obstacles = Dictionary(uniqueKeysWithValues: try await current.obstacles().map { ($0.id, $0) })
        for obstacle in snapshot.obstacles {
            try await upsert(obstacle, existing: obstacles[obstacle.id], summary: &summary)
        }
        // The search entries of everything written, at once (see `RecordEditor.updatesSearch`).
        if summary.inserted + summary.updated > 0 { try await SearchIndex(db: db).rebuild() }
        return summary
    }

    /// Inserts or updates one record unless it is unchanged; imports win over edits (the file is the source).
    private func upsert<R: StoredRecord>(_ record: R, existing: R?, summary: inout WriteSummary) async throws {
        let editor = RecordEditor(db: db, actor: actor, updatesSearch: false)
        guard existing != nil else {
            try await editor.save(record, expectedVersion: nil, action: "import")
            summary.inserted += 1
            return
        }
        if existing == record {
            summary.unchanged += 1
            return
        }
        let version = try await editor.version(of: R.self, id: record.id) ?? 0
        try await editor.save(record, expectedVersion: version, action: "import")
        summary.updated += 1
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
