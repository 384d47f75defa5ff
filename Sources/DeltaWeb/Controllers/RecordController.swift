import DeltaDomain
import DeltaReports
import DeltaServices
import DeltaStore
import Foundation
import HTTPTypes
import Hummingbird

/// Creating and editing one kind of record: the HTML forms (`/KIND/new`, `/KIND/{id}/edit`) and
/// the same through the JSON API (`/api/KIND/{id}/record` with ETag/If-Match, `POST /api/KIND`).
/// The handlers read input and render results; `RecordSaver` holds the rules.
struct RecordController<F: RecordForm>: Sendable {
    let engine: any DatabaseEngine
    let renderer: Renderer

    /// Registers the routes: form pages on `signedIn`, form posts on `forms` (form read, CSRF
    /// checked), the record's JSON on `api` and its writes on `apiWrites` (credentials checked).
    func addRoutes(signedIn: RouterGroup<AppRequestContext>, forms: RouterGroup<AppRequestContext>,
                   api: RouterGroup<AppRequestContext>, apiWrites: RouterGroup<AppRequestContext>) {
        let base = F.segment
        signedIn.get("\(base)/new", use: newForm)
        forms.post("\(base)/new", use: create)
        signedIn.get("\(base)/{id}/edit", use: editForm)
        forms.post("\(base)/{id}/edit", use: update)
        api.get("\(base)/{id}/record", use: record)
        apiWrites.put("\(base)/{id}/record", use: replace)
        apiWrites.post("\(base)", use: add)
    }

    private var pages: RecordFormPages<F> { RecordFormPages(engine: engine, renderer: renderer) }

    // MARK: HTML

    @Sendable func newForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard AccessRules.mayEditSomething(context.account) else { throw AppError(.forbidden, "error.mayNotEdit") }
        let choices = try await engine.read { db in try await RecordSaver.choices(F.self, Register(db: db, scope: context.readScope), values: [:], existing: nil) }
        return try pages.form(id: nil, version: nil, values: ["visibility": Visibility.public.rawValue], errors: [:], choices: choices, context: context)
    }

    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> Response {
        let values = try context.requireForm().valuesWithUploadedText()
        let result = try await saver(context).save(F.self, id: nil, values: values, expected: nil, by: try editor(context))
        return try await pages.answer(result, id: nil, values: values, submitted: nil, context: context)
    }

    @Sendable func editForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        let id = try context.parameters.require("id")
        let scope = context.readScope
        let loaded: (F.Record, Int, FormChoices, Bool)? = try await engine.read { db in
            let register = Register(db: db, scope: scope)
            guard let found = try await register.versioned(F.Record.self, id: id) else { return nil }
            let choices = try await RecordSaver.choices(F.self, register, values: [:], existing: found.record)
            return (found.record, found.version, choices, try await RecordSaver.mayEdit(found.record, account: context.account, in: register))
        }
        guard let (record, version, choices, mayEdit) = loaded else { throw AppError(.notFound, "error.noRecord", ["kind": F.Record.recordKind.rawValue, "id": id]) }
        guard mayEdit else { throw AppError(.forbidden, "error.mayNotEdit") }
        var values = F.values(of: record)
        let from = RecordFormPages<F>.returnDossier(request.uri.queryParameters["from"].map(String.init))
        values["_from"] = from
        return try pages.form(id: id, version: EntityVersion(version), values: values, errors: [:], choices: choices, context: context,
                              base: F.values(of: record), cancel: F.page(of: record, from: from))
    }

    @Sendable func update(_ request: Request, context: AppRequestContext) async throws -> Response {
        let id = try context.parameters.require("id")
        let form = try context.requireForm()
        let values = try form.valuesWithUploadedText()
        let submitted = EntityVersion(formValue: form["version"])
        let result = try await saver(context).save(F.self, id: id, values: values, expected: submitted, by: try editor(context))
        return try await pages.answer(result, id: id, values: values, submitted: submitted, context: context)
    }

    // MARK: JSON

    @Sendable func record(_ request: Request, context: AppRequestContext) async throws -> Response {
        let id = try context.parameters.require("id")
        let found = try await engine.read { db in try await Register(db: db, scope: context.readScope).versioned(F.Record.self, id: id) }
        guard let found else { throw AppError(.notFound, "error.noRecord", ["kind": F.Record.recordKind.rawValue, "id": id]) }
        var response = try renderer.json(RecordDocument(F.self, found.record, version: EntityVersion(found.version)))
        response.headers[.eTag] = EntityVersion(found.version).etag
        return response
    }

    @Sendable func replace(_ request: Request, context: AppRequestContext) async throws -> Response {
        let id = try context.parameters.require("id")
        guard let ifMatch = request.headers[.ifMatch] else { throw AppError(.preconditionRequired, "error.ifMatchRequired") }
        // An If-Match that names no version this API gave out is no precondition at all (428).
        guard let expected = EntityVersion(etag: ifMatch), expected.number != nil else { throw AppError(.preconditionRequired, "error.ifMatchInvalid") }
        guard let input = try await RecordInput.decode(request, context: context) else { return try badBody(context) }
        let result = try await saver(context).save(F.self, id: id, values: input.fields, expected: expected, by: try editor(context))
        return try RecordAPIAnswer<F>(renderer: renderer).answer(result, id: id, values: input.fields, expected: expected, status: .ok, labels: context.labels)
    }

    @Sendable func add(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let input = try await RecordInput.decode(request, context: context) else { return try badBody(context) }
        var values = input.fields
        if let id = input.id { values["id"] = id }
        let result = try await saver(context).save(F.self, id: nil, values: values, expected: nil, by: try editor(context))
        return try RecordAPIAnswer<F>(renderer: renderer).answer(result, id: input.id ?? "", values: values, expected: nil, status: .created, labels: context.labels)
    }

    // MARK: Helpers

    /// A body that is not the documented JSON: 422, the reason under `_body`.
    private func badBody(_ context: AppRequestContext) throws -> Response {
        try renderer.invalidProblem(["_body": context.labels.text("error.jsonBody")], labels: context.labels)
    }

    private func saver(_ context: AppRequestContext) -> RecordSaver { RecordSaver(engine: engine) }

    /// The signed-in editor of this request (the groups guarantee an account; a reader may still not edit).
    private func editor(_ context: AppRequestContext) throws -> RecordSaver.Editor {
        guard let account = context.account, let actor = context.auditActor else { throw AppError(.unauthorized, "error.signInOrToken") }
        return RecordSaver.Editor(account: account, actor: actor, scope: context.readScope, labels: context.labels)
    }
}
