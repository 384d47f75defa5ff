import DeltaDomain
import SQLKit

/// What a write did, per record kind.
public struct WriteSummary: Sendable, Hashable, CustomStringConvertible {
    /// Records that did not exist.
    public var inserted = 0
    /// Records that existed and changed (their version went up).
    public var updated = 0
    /// Records that existed unchanged.
    public var unchanged = 0

    public init() {}

    public var description: String { "\(inserted) new, \(updated) changed, \(unchanged) unchanged" }
}

/// Writes records into the register inside one transaction (see `DatabaseEngine.transaction`).
///
/// Writes are upserts by stable id. A record equal to the stored one is left alone, so an
/// import of the same file twice changes nothing, not even versions.
public struct RegisterWriter: Sendable {
    let db: any SQLDatabase

    /// A writer on a connection that is inside a transaction.
    public init(db: any SQLDatabase) { self.db = db }

    /// Writes a snapshot in dependency order and returns what changed.
    public func save(_ snapshot: RegisterSnapshot) async throws -> WriteSummary {
        var summary = WriteSummary()
        let current = Register(db: db, scope: .everything)
        // Parents before children, so foreign keys hold at every statement.
        for organisation in Self.parentsFirst(snapshot.organisations, parent: \.parentID) {
            try await upsert(table: "organisations", id: organisation.id, existing: try await current.organisation(id: organisation.id),
                             new: organisation, summary: &summary) { OrganisationRow(organisation, version: $0) }
        }
        for document in snapshot.documents {
            let changed = try await upsert(table: "documents", id: document.id, existing: try await current.document(id: document.id),
                                           new: document, summary: &summary) { DocumentRow(document, version: $0) }
            if changed { try await replaceParagraphs(of: document) }
        }
        let membershipsByBody = Dictionary(grouping: snapshot.memberships, by: \.bodyID)
        for body in Self.parentsFirst(snapshot.bodies, parent: \.parentID) {
            let changed = try await upsert(table: "bodies", id: body.id, existing: try await current.body(id: body.id),
                                           new: body, summary: &summary) { BodyRow(body, version: $0) }
            let members = membershipsByBody[body.id] ?? []
            let storedMembers = try await current.memberships(bodyID: body.id)
            if changed || storedMembers != members {
                try await db.delete(from: "memberships").where("body_id", .equal, body.id).run()
                for (position, member) in members.enumerated() {
                    try await db.insert(into: "memberships").model(MembershipRow(member, position: position), with: RowCoding.encoder).run()
                }
            }
        }
        for dossier in snapshot.dossiers {
            try await upsert(table: "dossiers", id: dossier.id, existing: try await current.dossier(id: dossier.id),
                             new: dossier, summary: &summary) { DossierRow(dossier, version: $0) }
        }
        for agreement in snapshot.agreements {
            let changed = try await upsert(table: "agreements", id: agreement.id, existing: try await current.agreement(id: agreement.id),
                                           new: agreement, summary: &summary) { AgreementRow(agreement, version: $0) }
            if changed {
                try await db.delete(from: "agreement_dossiers").where("agreement_id", .equal, agreement.id).run()
                for (position, dossierID) in agreement.dossierIDs.enumerated() {
                    try await db.insert(into: "agreement_dossiers").columns("agreement_id", "dossier_id", "position")
                        .values(SQLBind(agreement.id), SQLBind(dossierID), SQLBind(position)).run()
                }
            }
        }
        let milestones = try await current.milestones()
        let existingMilestones = Dictionary(uniqueKeysWithValues: milestones.map { ($0.id, $0) })
        for milestone in snapshot.milestones {
            try await upsert(table: "milestones", id: milestone.id, existing: existingMilestones[milestone.id],
                             new: milestone, summary: &summary) { MilestoneRow(milestone, version: $0) }
        }
        let meetings = Dictionary(uniqueKeysWithValues: try await current.meetings().map { ($0.id, $0) })
        for meeting in snapshot.meetings {
            try await upsert(table: "meetings", id: meeting.id, existing: meetings[meeting.id],
                             new: meeting, summary: &summary) { MeetingRow(meeting, version: $0) }
        }
        let investments = Dictionary(uniqueKeysWithValues: try await current.investments().map { ($0.id, $0) })
        for investment in Self.parentsFirst(snapshot.investments, parent: \.partOfID) {
            try await upsert(table: "investments", id: investment.id, existing: investments[investment.id],
                             new: investment, summary: &summary) { InvestmentRow(investment, version: $0) }
        }
        return summary
    }

    /// Inserts or updates one record; returns whether anything was written.
    @discardableResult
    private func upsert<Model: Equatable, Row: Encodable & Sendable>(
        table: String, id: String, existing: Model?, new: Model, summary: inout WriteSummary,
        row: (Int) -> Row
    ) async throws -> Bool {
        guard let existing else {
            try await db.insert(into: table).model(row(1), with: RowCoding.encoder).run()
            summary.inserted += 1
            return true
        }
        if existing == new {
            summary.unchanged += 1
            return false
        }
        let version = try await db.select().column("version").from(table).where("id", .equal, id).first()?
            .decode(column: "version", as: Int.self) ?? 0
        try await db.update(table).set(model: row(version + 1), with: RowCoding.encoder).where("id", .equal, id).run()
        summary.updated += 1
        return true
    }

    private func replaceParagraphs(of document: Document) async throws {
        try await db.delete(from: "document_paragraphs").where("document_id", .equal, document.id).run()
        for (position, paragraph) in document.paragraphs.enumerated() {
            try await db.insert(into: "document_paragraphs")
                .model(ParagraphRow(documentId: document.id, position: position, anchor: paragraph.anchor,
                                    kind: paragraph.kind.rawValue, text: paragraph.text), with: RowCoding.encoder)
                .run()
        }
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
