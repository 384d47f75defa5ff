import DeltaDomain
import Foundation
import SQLKit

/// Delegation-private notes. Every read names the reader's delegation, so a note never reaches
/// another delegation, whatever page, feed or export asks.
public struct NoteStore: Sendable {
    let db: any SQLDatabase

    /// A store over a connection.
    public init(db: any SQLDatabase) { self.db = db }

    /// Adds a note (inside a transaction) and records that a note was added — not its text —
    /// in the audit log, which the other delegation's admins may read.
    public func add(_ note: PrivateNote, actor: AuditActor) async throws {
        try await db.insert(into: "private_notes")
            .columns("id", "record_kind", "record_id", "delegation", "author_id", "author_name", "text", "created_at")
            .values(SQLBind(note.id), SQLBind(note.recordKind.rawValue), SQLBind(note.recordID), SQLBind(note.delegation),
                    SQLBind(note.authorID), SQLBind(note.authorName), SQLBind(note.text), SQLBind(note.createdAt))
            .run()
        try await AuditLog(db: db).append(actor: actor, kind: note.recordKind.rawValue, id: note.recordID, action: "private-note",
                                          changes: [FieldChange(field: "note", before: nil, after: "(\(note.delegation) only)")])
    }

    /// The notes of one delegation on some records of a kind, oldest first.
    public func notes(kind: RecordKind, recordIDs: [String], delegation: String) async throws -> [PrivateNote] {
        guard !recordIDs.isEmpty else { return [] }
        return try await db.select().column("*").from("private_notes")
            .where("record_kind", .equal, kind.rawValue).where("record_id", .in, recordIDs)
            .where("delegation", .equal, delegation).orderBy("created_at").orderBy("id").all()
            .map(PrivateNote.init(stored:))
    }
}
