import DeltaDomain
import DeltaReports
import DeltaStore
import Foundation
import HTTPTypes
import Hummingbird

/// Creating and editing records: HTML forms (`/KIND/new`, `/KIND/{id}/edit`) and the same through
/// the JSON API (`/api/KIND/{id}/record` with ETag/If-Match, `POST /api/KIND`).
///
/// Every save runs in one transaction: authorization on the stored and the new record, validation,
/// the version check, the write and its audit entry — all of it or nothing.
struct EditRoutes: Sendable {
    let engine: any DatabaseEngine
    let renderer: Renderer
    let configuration: AppConfiguration

    func addRoutes(to router: Router<AppRequestContext>) {
        routes(MilestoneForm.self, router)
        routes(DossierForm.self, router)
        routes(MeetingForm.self, router)
        routes(OrganisationForm.self, router)
        routes(InvestmentForm.self, router)
        routes(DocumentForm.self, router)
        routes(AgreementForm.self, router)
        NoteRoutes(engine: engine, renderer: renderer).addRoutes(to: router)
        MembershipRoutes(engine: engine, renderer: renderer).addRoutes(to: router)
    }

    /// What a save came to.
    enum Outcome<Record: Sendable>: Sendable {
        case saved(Record, version: Int)
        case invalid([String: String])
        case conflict(current: Record, version: Int, changedBy: AuditEntry?)
        case notFound
        case forbidden
    }

    private func routes<F: RecordForm>(_ form: F.Type, _ router: Router<AppRequestContext>) {
        let base = "/\(F.segment)"
        router.get(RouterPath("\(base)/new")) { _, context -> Response in
            let account = try Self.signedIn(context)
            guard AccessRules.mayEditSomething(account) else { throw Self.forbidden }
            let choices = try await engine.read { db in try await loadChoices(F.self, Register(db: db, scope: context.readScope), values: [:], existing: nil) }
            var values = ["visibility": Visibility.public.rawValue]
            values.merge(context.prefill, uniquingKeysWith: { $1 })
            return try editPage(F.self, id: nil, version: 0, values: values, errors: [:], conflict: nil, choices: choices, context: context)
        }
        router.post(RouterPath("\(base)/new")) { request, context -> Response in
            _ = try Self.signedIn(context)
            var input = try await FormInput.read(request, context: context)
            try input.requireCSRF(context)
            input.takeUploadedText()
            let outcome = try await save(F.self, id: nil, values: input.values, expectedVersion: nil, context: context)
            return try await htmlResponse(F.self, outcome, id: nil, values: input.values, submittedVersion: 0, context: context)
        }
        router.get(RouterPath("\(base)/{id}/edit")) { _, context -> Response in
            _ = try Self.signedIn(context)
            let id = try context.parameters.require("id")
            let loaded: (F.Record, Int, FormChoices)? = try await engine.read { db in
                let register = Register(db: db, scope: context.readScope)
                guard let found = try await register.versioned(F.Record.self, id: id) else { return nil }
                return (found.record, found.version, try await loadChoices(F.self, register, values: [:], existing: found.record))
            }
            guard let (record, version, choices) = loaded else { throw HTTPError(.notFound) }
            guard try await mayEdit(record, context: context) else { throw Self.forbidden }
            return try editPage(F.self, id: id, version: version, values: F.values(of: record), errors: [:], conflict: nil, choices: choices,
                                context: context, base: F.values(of: record), cancel: F.page(of: record))
        }
        router.post(RouterPath("\(base)/{id}/edit")) { request, context -> Response in
            _ = try Self.signedIn(context)
            let id = try context.parameters.require("id")
            var input = try await FormInput.read(request, context: context)
            try input.requireCSRF(context)
            input.takeUploadedText()
            let version = Int(input["version"] ?? "") ?? 0
            let outcome = try await save(F.self, id: id, values: input.values, expectedVersion: version, context: context)
            return try await htmlResponse(F.self, outcome, id: id, values: input.values, submittedVersion: version, context: context)
        }
        // The JSON API.
        router.get(RouterPath("/api\(base)/{id}/record")) { _, context -> Response in
            let id = try context.parameters.require("id")
            let found = try await engine.read { db in try await Register(db: db, scope: context.readScope).versioned(F.Record.self, id: id) }
            guard let found else { return try renderer.problem(.notFound, detail: context.labels.text("error.noRecord", ["kind": context.labels.recordKind(F.Record.recordKind.rawValue), "id": id]), labels: context.labels) }
            var response = try renderer.json(Self.document(F.self, found.record, version: found.version))
            response.headers[.eTag] = Self.etag(found.version)
            return response
        }
        router.put(RouterPath("/api\(base)/{id}/record")) { request, context -> Response in
            let id = try context.parameters.require("id")
            if let refusal = try apiRefusal(request, context: context) { return refusal }
            guard let ifMatch = request.headers[.ifMatch] else {
                return try renderer.problem(.preconditionRequired, detail: context.labels.text("error.ifMatchRequired"), labels: context.labels)
            }
            guard let expected = Self.version(fromETag: ifMatch) else {
                return try renderer.problem(.badRequest, detail: context.labels.text("error.ifMatchInvalid"), labels: context.labels)
            }
            let input = try await Self.decodeInput(request, context: context)
            let outcome = try await save(F.self, id: id, values: input.fields, expectedVersion: expected, context: context)
            return try apiResponse(F.self, outcome, id: id, values: input.fields, expected: expected, status: .ok, labels: context.labels)
        }
        router.post(RouterPath("/api\(base)")) { request, context -> Response in
            if let refusal = try apiRefusal(request, context: context) { return refusal }
            let input = try await Self.decodeInput(request, context: context)
            var values = input.fields
            if let id = input.id { values["id"] = id }
            let outcome = try await save(F.self, id: nil, values: values, expectedVersion: nil, context: context)
            return try apiResponse(F.self, outcome, id: input.id ?? "", values: values, expected: 0, status: .created, labels: context.labels)
        }
    }

    // MARK: Saving

    /// Validates, authorizes and saves in one transaction.
    func save<F: RecordForm>(_ form: F.Type, id: String?, values: [String: String], expectedVersion: Int?,
                             context: AppRequestContext) async throws -> Outcome<F.Record> {
        guard let account = context.account, let actor = context.auditActor else { return .forbidden }
        let scope = context.readScope
        return try await engine.transaction { db in
            let visible = Register(db: db, scope: scope)
            var existing: (record: F.Record, version: Int)?
            if let id {
                guard let found = try await visible.versioned(F.Record.self, id: id) else { return .notFound }
                guard AccessRules.mayEdit(account, try await Self.placement(of: found.record, in: visible)) else { return .forbidden }
                existing = found
            } else if !AccessRules.mayEditSomething(account) {
                return .forbidden
            }
            let choices = try await loadChoices(F.self, visible, values: values, existing: existing?.record)
            var reader = FieldReader(values, labels: context.labels)
            let recordID = id ?? reader.identifier("id")
            if id == nil, !recordID.isEmpty, try await RecordEditor(db: db, actor: actor).version(of: F.Record.self, id: recordID) != nil {
                reader.fail("id", context.labels.text("form.error.idTaken", ["kind": context.labels.recordKind(F.Record.recordKind.rawValue)]))
            }
            let built = F.build(&reader, id: recordID, existing: existing?.record, choices: choices)
            guard reader.errors.isEmpty, let built else { return .invalid(reader.errors) }
            guard AccessRules.mayEdit(account, try await Self.placement(of: built, in: visible)) else {
                return .invalid(["_form": context.labels.text("form.error.outOfScope", ["kind": context.labels.recordKind(F.Record.recordKind.rawValue)])])
            }
            if let existing, existing.version != expectedVersion {
                let last = try await AuditLog(db: db).entries(kind: F.Record.recordKind.rawValue, id: existing.record.id).last
                return .conflict(current: existing.record, version: existing.version, changedBy: last)
            }
            let editor = RecordEditor(db: db, actor: actor)
            let version = try await editor.save(built, expectedVersion: existing == nil ? nil : expectedVersion)
            if let document = built as? Document { try await Self.reanchorAgreements(of: document, editor: editor, register: Register(db: db, scope: .everything)) }
            return .saved(built, version: version)
        }
    }

    /// After a document's text changed, agreements point at the paragraph their quote is now in.
    private static func reanchorAgreements(of document: Document, editor: RecordEditor, register: Register) async throws {
        let paragraphs = document.paragraphs
        for agreement in try await register.agreements(documentID: document.id) {
            guard let found = TextLayout.locate(quote: agreement.source.quote, in: paragraphs) else { continue }
            let source = agreement.source
            if found.anchor == source.anchor, found.start == source.start, found.length == source.length { continue }
            var moved = agreement
            moved.source = PassageReference(documentID: document.id, anchor: found.anchor, start: found.start, length: found.length, quote: source.quote)
            let version = try await editor.version(of: Agreement.self, id: agreement.id) ?? 1
            try await editor.save(moved, expectedVersion: version, action: "re-anchor")
        }
    }

    /// A record's placement, with the bodies that carry its dossiers (an editor of a body edits its dossiers).
    static func placement(of record: some StoredRecord, in register: Register) async throws -> RecordPlacement {
        var placement = record.placement
        // A dossier's own body is the one it names now, never the stored one: otherwise the
        // stored body would authorise moving the dossier to a body the editor does not edit.
        let ownDossierID = (record as? Dossier)?.id
        for dossierID in placement.dossierIDs where dossierID != ownDossierID {
            if let bodyID = try await register.dossier(id: dossierID)?.bodyID { placement.bodyIDs.append(bodyID) }
        }
        return placement
    }

    private func mayEdit(_ record: some StoredRecord, context: AppRequestContext) async throws -> Bool {
        let scope = context.readScope
        let placement = try await engine.read { db in try await Self.placement(of: record, in: Register(db: db, scope: scope)) }
        return AccessRules.mayEdit(context.account, placement)
    }

    /// What the form can choose from; for agreements the quoted document's paragraphs, for documents the quoted passages.
    func loadChoices<F: RecordForm>(_ form: F.Type, _ register: Register, values: [String: String], existing: F.Record?) async throws -> FormChoices {
        var choices = FormChoices()
        choices.organisations = try await register.organisations().map { Choice(value: $0.id, label: $0.name) }
        choices.dossiers = try await register.dossiers().map { Choice(value: $0.id, label: $0.title) }
        choices.bodies = try await register.bodies().map { Choice(value: $0.id, label: $0.name) }
        choices.documents = try await register.documentHeaders().map { Choice(value: $0.id, label: "\($0.title) (\($0.date.iso))") }
        choices.investments = try await register.investments().map { Choice(value: $0.id, label: $0.title) }
        if F.self == AgreementForm.self {
            let documentID = values["documentID"] ?? (existing as? Agreement)?.source.documentID
            if let documentID { choices.paragraphs = try await register.paragraphs(documentID: documentID) }
        }
        if let document = existing as? Document {
            for agreement in try await register.with(scope: .everything).agreements(documentID: document.id) {
                choices.quotedPassages[agreement.id] = agreement.source.quote
            }
        }
        return choices
    }

    // MARK: HTML

    private func htmlResponse<F: RecordForm>(_ form: F.Type, _ outcome: Outcome<F.Record>, id: String?, values: [String: String],
                                             submittedVersion: Int, context: AppRequestContext) async throws -> Response {
        switch outcome {
        case .saved(let record, _):
            return .seeOther(to: F.page(of: record))
        case .notFound:
            throw HTTPError(.notFound)
        case .forbidden:
            throw Self.forbidden
        case .invalid(let errors):
            let scope = context.readScope
            let (choices, stored) = try await engine.read { db in
                let register = Register(db: db, scope: scope)
                var stored: F.Record?
                if let id { stored = try await register.versioned(F.Record.self, id: id)?.record }
                return (try await loadChoices(F.self, register, values: values, existing: stored), stored)
            }
            return try editPage(F.self, id: id, version: submittedVersion, values: values, errors: errors, conflict: nil, choices: choices,
                                context: context, base: Self.submittedBase(values), cancel: stored.map(F.page(of:)), status: .unprocessableContent)
        case .conflict(let current, let version, let changedBy):
            let choices = try await engine.read { db in try await loadChoices(F.self, Register(db: db, scope: context.readScope), values: values, existing: current) }
            let theirs = F.values(of: current)
            let original = Self.submittedBase(values)
            let specs = F.fields(choices, isNew: false, labels: context.labels).filter { if case .file = $0.input { false } else { true } }
            // A three-way merge: a field the user did not touch takes the newer stored value; a field
            // only the user changed keeps the user's value; a field both changed keeps the user's value
            // and is marked, with the stored value beside it.
            var merged = values
            var rows: [ConflictRow] = []
            for spec in specs {
                func shown(_ value: String) -> String {
                    // Select values are shown by their labels ("bereikt", not "achieved").
                    if case .select(let options) = spec.input, let option = options.first(where: { $0.value == value }) { return option.label }
                    return value
                }
                let yours = (values[spec.name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines), stored = theirs[spec.name] ?? ""
                let base = original[spec.name]
                let youChanged = base.map { $0 != yours } ?? true
                let theyChanged = base.map { $0 != stored } ?? (yours != stored)
                let resolution: String
                if yours == stored {
                    resolution = context.labels.text("app.conflict.same")
                } else if !youChanged {
                    merged[spec.name] = stored
                    resolution = context.labels.text("app.conflict.takenFromCurrent")
                } else if !theyChanged {
                    resolution = context.labels.text("app.conflict.yoursKept")
                } else {
                    resolution = context.labels.text("app.conflict.bothChanged")
                }
                rows.append(ConflictRow(label: spec.label, yours: shown(yours), theirs: shown(stored), differs: yours != stored,
                                        bothChanged: youChanged && theyChanged && yours != stored, resolution: resolution))
            }
            let conflict = ConflictView(yourVersion: submittedVersion, currentVersion: version, changedBy: changedBy?.actor,
                                        changedAt: changedBy.map { String($0.at.prefix(16)).replacingOccurrences(of: "T", with: " ") }, rows: rows)
            // The form now carries the newer version and the merged values: saving it is the merge.
            return try editPage(F.self, id: id, version: version, values: merged, errors: [:], conflict: conflict, choices: choices,
                                context: context, theirs: theirs, base: theirs, cancel: F.page(of: current), status: .conflict)
        }
    }

    private func editPage<F: RecordForm>(_ form: F.Type, id: String?, version: Int, values: [String: String], errors: [String: String],
                                         conflict: ConflictView?, choices: FormChoices, context: AppRequestContext,
                                         theirs: [String: String] = [:], base: [String: String] = [:], cancel: String? = nil,
                                         status: HTTPResponse.Status = .ok) throws -> Response {
        var specs = F.fields(choices, isNew: id == nil, labels: context.labels)
        if id == nil { specs.insert(FieldSpec(name: "id", label: context.labels.text("form.common.id"), input: .text, required: true, hint: context.labels.text("form.common.idHint")), at: 0) }
        let fields = specs.map { spec in
            let mine = values[spec.name] ?? ""
            let stored = theirs[spec.name]
            var view = FieldView(spec, value: mine, error: errors[spec.name],
                                 theirs: stored.flatMap { $0 != mine.trimmingCharacters(in: .whitespacesAndNewlines) ? $0 : nil })
            view.base = base[spec.name]
            return view
        }
        let base = "/\(F.segment)"
        let kindName = context.labels.recordKind(F.Record.recordKind.rawValue)
        var page = EditPage(title: id.map { context.labels.text("app.edit.editTitle", ["kind": kindName, "id": $0]) } ?? context.labels.text("app.edit.newTitle", ["kind": kindName]), kindLabel: kindName,
                            action: id.map { "\(base)/\($0)/edit" } ?? "\(base)/new", isNew: id == nil, id: id ?? "", version: version,
                            fields: fields, hasErrors: !errors.filter { $0.key != "_form" }.isEmpty, formError: errors["_form"], conflict: conflict,
                            cancel: cancel ?? (id == nil ? "/" : "\(base)/\(id!)/history"), history: id.map { "\(base)/\($0)/history" },
                            isMultipart: specs.contains { if case .file = $0.input { true } else { false } })
        page.paragraphs = choices.paragraphs.map { ParagraphChoice(anchor: $0.anchor, text: $0.text) }
        return try renderer.html("edit", PageFrame(page: page, path: base, context: context), status: status)
    }

    // MARK: JSON

    private func apiRefusal(_ request: Request, context: AppRequestContext) throws -> Response? {
        try Self.apiRefusal(request, context: context, renderer: renderer)
    }

    /// Why a state-changing API request may not go on: no credentials (401), or the session cookie
    /// without the X-CSRF-Token header (403). API tokens need no CSRF token: browsers never send
    /// them on their own.
    static func apiRefusal(_ request: Request, context: AppRequestContext, renderer: Renderer) throws -> Response? {
        guard let identity = context.identity else {
            return try renderer.problem(.unauthorized, detail: context.labels.text("error.sendBearer"), labels: context.labels)
        }
        if let session = identity.session {
            guard let given = request.headers[.xCSRFToken], Secrets.constantTimeEqual(given, session.csrfToken) else {
                return try renderer.problem(.forbidden, detail: context.labels.text("error.csrfHeader"), labels: context.labels)
            }
        }
        return nil
    }

    private static func decodeInput(_ request: Request, context: AppRequestContext) async throws -> RecordInput {
        let body = try await request.body.collect(upTo: context.maxUploadSize)
        do {
            return try JSONDecoder().decode(RecordInput.self, from: Data(body.readableBytesView))
        } catch {
            throw AppError(.badRequest, "error.jsonBody")
        }
    }

    private func apiResponse<F: RecordForm>(_ form: F.Type, _ outcome: Outcome<F.Record>, id: String, values: [String: String],
                                            expected: Int, status: HTTPResponse.Status, labels: Labels) throws -> Response {
        let kind = F.Record.recordKind.rawValue
        switch outcome {
        case .saved(let record, let version):
            var response = try renderer.json(Self.document(F.self, record, version: version), status: status)
            response.headers[.eTag] = Self.etag(version)
            if status == .created { response.headers[.location] = "/api/\(F.segment)/\(record.id)/record" }
            return response
        case .notFound:
            return try renderer.problem(.notFound, detail: labels.text("error.noRecord", ["kind": labels.recordKind(kind), "id": id]), labels: labels)
        case .forbidden:
            return try renderer.problem(.forbidden, detail: labels.text("error.mayNotEditKind", ["kind": labels.recordKind(kind)]), labels: labels)
        case .invalid(let errors):
            var problem = DetailedProblem(type: "about:blank", title: Renderer.statusTitle(.unprocessableContent, labels: labels), status: 422,
                                          detail: labels.text("error.invalidFields"))
            problem.errors = errors
            return try renderer.problemDocument(problem, status: .unprocessableContent)
        case .conflict(let current, let version, _):
            var problem = DetailedProblem(type: "about:blank", title: Renderer.statusTitle(.conflict, labels: labels), status: 409,
                                          detail: labels.text("error.conflict", ["kind": labels.recordKind(kind), "yours": String(expected),
                                                                                 "current": String(version), "etag": Self.etag(version)]))
            problem.currentVersion = version
            problem.current = Self.document(F.self, current, version: version)
            problem.yours = RecordDocument(kind: kind, id: id, version: expected, fields: values)
            var response = try renderer.problemDocument(problem, status: .conflict)
            response.headers[.eTag] = Self.etag(version)
            return response
        }
    }

    static func document<F: RecordForm>(_ form: F.Type, _ record: F.Record, version: Int) -> RecordDocument {
        RecordDocument(kind: F.Record.recordKind.rawValue, id: record.id, version: version, fields: F.values(of: record))
    }

    static func etag(_ version: Int) -> String { "\"\(version)\"" }

    static func version(fromETag text: String) -> Int? {
        var value = text.trimmingCharacters(in: .whitespaces)
        if value.hasPrefix("W/") { value.removeFirst(2) }
        guard value.count >= 3, value.hasPrefix("\""), value.hasSuffix("\"") else { return nil }
        return Int(value.dropFirst().dropLast())
    }

    static func signedIn(_ context: AppRequestContext) throws -> Account {
        guard let account = context.account else { throw HTTPError(.unauthorized) }
        return account
    }

    /// The values of the version the form was loaded from, sent back as `_base_NAME` fields.
    static func submittedBase(_ values: [String: String]) -> [String: String] {
        var base: [String: String] = [:]
        for (key, value) in values where key.hasPrefix("_base_") { base[String(key.dropFirst("_base_".count))] = value }
        return base
    }

    static let forbidden = AppError(.forbidden, "error.mayNotEdit")
}

extension FormInput {
    /// A document's text chosen as a file replaces the pasted text.
    mutating func takeUploadedText() {
        if let file = files["textFile"], !file.text.isEmpty { setValue(file.text, for: "text") }
    }
}

extension AppRequestContext {
    /// Values to prefill a new form with, from the query (`?dossierID=3rx`); none yet.
    var prefill: [String: String] { [:] }
}
