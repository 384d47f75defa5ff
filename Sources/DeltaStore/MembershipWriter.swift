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
        try await db.delete(from: "memberships").where("body_id", .equal, bodyID).run()
        for (position, member) in members.enumerated() {
            try await db.insert(into: "memberships").model(MembershipRow(member, position: position), with: RowCoding.encoder).run()
        }
        let change = FieldChange(field: "members", before: JSONColumn.encode(before), after: JSONColumn.encode(members))
        try await AuditLog(db: db).append(actor: actor, kind: RecordKind.body.rawValue, id: bodyID, action: "members", changes: [change])
    }
}
