import DeltaDomain
import DeltaServices
import DeltaStore
import Foundation
import Hummingbird

/// Delegation-private notes on a dossier or one of its agreements: written by any signed-in
/// account, read only by accounts of the same delegation (on the dossier page and `/api/dossiers/{id}/notes`).
struct NoteController: Sendable {
    let engine: any DatabaseEngine
    let renderer: Renderer

    /// Registers the routes: adding a note (a form) and reading the delegation's notes (JSON).
    func addRoutes(forms: RouterGroup<AppRequestContext>, signedInAPI: RouterGroup<AppRequestContext>) {
        forms.post("dossiers/{id}/notes", use: add)
        signedInAPI.get("dossiers/{id}/notes", use: list)
    }

    @Sendable func add(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let account = context.account, let actor = context.auditActor else { throw AppError(.unauthorized, "error.notesSignedIn") }
        let form = try context.requireForm()
        let dossierID = try context.parameters.require("id")
        guard let text = form.trimmed("text"), text.count <= 8_000 else { throw AppError(.unprocessableContent, "error.noteText") }
        let about = form.trimmed("about")
        let scope = context.readScope
        let saved = try await engine.transaction { db -> Bool in
            let register = Register(db: db, scope: scope)
            guard try await register.dossier(id: dossierID) != nil else { return false }
            var kind = RecordKind.dossier, recordID = dossierID
            if let about {
                guard try await register.agreements(dossierID: dossierID).contains(where: { $0.id == about }) else { return false }
                kind = .agreement
                recordID = about
            }
            let note = PrivateNote(id: Secrets.random().prefix(16).lowercased(), recordKind: kind, recordID: recordID,
                                   delegation: account.delegation, authorID: account.id, authorName: account.displayName,
                                   text: text, createdAt: Date().formatted(.iso8601))
            try await NoteStore(db: db).add(note, actor: actor)
            return true
        }
        guard saved else { throw AppError(.notFound, "error.noRecord", ["kind": "dossier", "id": dossierID]) }
        return .seeOther(to: "/dossiers/\(dossierID)#notities")
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let account = context.account else { throw AppError(.unauthorized, "error.notesSignedIn") }
        let dossierID = try context.parameters.require("id")
        let scope = context.readScope
        let notes: [PrivateNote]? = try await engine.read { db in
            let register = Register(db: db, scope: scope)
            guard try await register.dossier(id: dossierID) != nil else { return nil }
            let agreements = try await register.agreements(dossierID: dossierID).map(\.id)
            let store = NoteStore(db: db)
            return try await store.notes(kind: .dossier, recordIDs: [dossierID], delegation: account.delegation)
                + store.notes(kind: .agreement, recordIDs: agreements, delegation: account.delegation)
        }
        guard let notes else { throw AppError(.notFound, "error.noRecord", ["kind": "dossier", "id": dossierID]) }
        return try renderer.json(notes)
    }
}
