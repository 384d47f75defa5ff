import DeltaDomain
import SQLKit

/// Writes a body's memberships (they are rows of the body, without ids of their own) and audits them
/// as a change of the body's "members" field.
public struct MembershipWriter: Sendable {
    let db: any SQLDatabase
    let actor: AuditActor

    /// A writer inside a transaction.
    public init(db: any SQLDatabase, actor: AuditActor) {
        self.db = db
        self.actor = actor
    }

    /// Replaces a body's memberships.
    public func replace(bodyID: String, with members: [Membership], before: [Membership]) async throws {
        try await replace([Replacement(bodyID: bodyID, members: members, before: before)])
    }

    /// One body's memberships, as they are to be and as they were.
    public struct Replacement: Sendable {
        public let bodyID: String, members: [Membership], before: [Membership]

        public init(bodyID: String, members: [Membership], before: [Membership]) {
            self.bodyID = bodyID; self.members = members; self.before = before
        }
    }

    /// Replaces the memberships of many bodies, a part of them per statement (an import of a large
    /// register replaces thousands; one statement per row and body made that a tenth of it).
    public func replace(_ replacements: [Replacement]) async throws {
        try await Pipeline.run(replacements, partSize: RecordEditor.part, prepare: { part in
            var batch = RowBatch()
            var changes: [AuditChange] = []
            for replacement in part {
                for (position, member) in replacement.members.enumerated() {
                    batch.add(MembershipRow(member, position: position), to: "memberships")
                }
                changes.append(AuditChange(kind: RecordKind.body.rawValue, id: replacement.bodyID, action: "members", changes: [
                    FieldChange(field: "members", before: JSONColumn.encode(replacement.before), after: JSONColumn.encode(replacement.members)),
                ]))
            }
            return (batch: batch, changes: changes, bodyIDs: part.map(\.bodyID))
        }, write: { prepared in
            // Whatever is stored goes, even if `before` was read earlier: one statement per part.
            try await db.delete(from: "memberships").where("body_id", .in, SQLBind.group(prepared.bodyIDs)).run()
            var batch = prepared.batch
            try await batch.write(on: db)
            try await AuditLog(db: db).append(prepared.changes, actor: actor)
        })
    }
}
