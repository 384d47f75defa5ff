import DeltaDomain
import DeltaReports
import DeltaServices
import DeltaStore
import Hummingbird

/// The register's pages and their JSON twins under `/api`.
///
/// Every handler asks the register for a view model and renders it: as HTML through a
/// template, or as JSON. The two can never disagree, because they are the same value.
struct RegisterController: Sendable {
    let engine: any DatabaseEngine
    let renderer: Renderer
    let configuration: AppConfiguration

    func addRoutes(pages router: RouterGroup<AppRequestContext>) {
        page(router, "/", template: "overview") { register, _, today, labels in try await register.overviewPage(today: today, labels: labels) }
        page(router, "/dossiers", template: "dossiers") { register, request, today, labels in
            let query = request.uri.queryParameters
            func value(_ key: String) -> String? { query[key[...]].map(String.init).flatMap { $0.isEmpty ? nil : $0 } }
            return try await register.dossierListPage(
                filter: DossierFilter(theme: value("theme"), status: value("status"), country: value("country")), today: today, labels: labels)
        }
        record(router, "/dossiers/{id}", template: "dossier", kind: "dossier") { register, id, today, labels in
            try await register.dossierPage(id: id, today: today, labels: labels)
        }
        page(router, "/documents", template: "documents") { register, _, _, labels in try await register.documentListPage(labels: labels) }
        record(router, "/documents/{id}", template: "document", kind: "document") { register, id, today, labels in
            try await register.documentPage(id: id, today: today, labels: labels)
        }
        page(router, "/bodies", template: "bodies") { register, _, today, labels in try await register.bodyListPage(today: today, labels: labels) }
        record(router, "/bodies/{id}", template: "body", kind: "body") { register, id, today, labels in
            try await register.bodyPage(id: id, today: today, labels: labels)
        }
        page(router, "/organisations", template: "organisations") { register, _, _, labels in try await register.organisationListPage(labels: labels) }
        page(router, "/investments", template: "investments") { register, request, today, labels in
            try await register.investmentsPage(query: try InvestmentQuery(request), today: today, labels: labels)
        }
        page(router, "/goals", template: "goals") { register, _, today, labels in try await register.goalsPage(today: today, labels: labels) }
        page(router, "/planning", template: "planning") { register, _, today, labels in try await register.planningPage(today: today, labels: labels) }
        page(router, "/search", template: "search") { register, request, _, labels in
            try await register.searchPage(query: try SearchRequest.query(request), labels: labels)
        }
    }

    /// The private notes of the reader's delegation on a dossier and its agreements.
    private func notes(kind: String, id: String, context: AppRequestContext) async throws -> [NoteView] {
        guard kind == "dossier", let account = context.account else { return [] }
        let scope = context.readScope
        // One statement: the notes on the dossier and on its agreements visible in this scope.
        return try await engine.read { db in
            try await Register(db: db, scope: scope).notes(onDossier: id, delegation: account.delegation)
                .map { NoteView($0.note, about: $0.agreementTitle) }
        }
    }

    /// A page without an id, at `path` (HTML) and `/api<path>` (JSON).
    private func page<Model: Codable & Sendable>(
        _ router: RouterGroup<AppRequestContext>, _ path: String, template: String,
        build: @escaping @Sendable (Register, Request, CalendarDate, Labels) async throws -> Model
    ) {
        let today = configuration.today
        router.get(RouterPath(path)) { request, context -> Response in
            let scope = context.readScope
            let model = try await engine.read { db in try await build(Register(db: db, scope: scope), request, today(), context.labels) }
            return try renderer.html(template, PageFrame(page: model, path: path, context: context))
        }
        router.get(RouterPath(path == "/" ? "/api/overview" : "/api\(path)")) { request, context -> Response in
            let scope = context.readScope
            let model = try await engine.read { db in try await build(Register(db: db, scope: scope), request, today(), context.labels) }
            return try renderer.json(model)
        }
    }

    /// A record page with an `{id}`; unknown ids answer 404 (a page, or a problem document).
    private func record<Model: Codable & Sendable>(
        _ router: RouterGroup<AppRequestContext>, _ path: String, template: String, kind: String,
        build: @escaping @Sendable (Register, String, CalendarDate, Labels) async throws -> Model?
    ) {
        let today = configuration.today
        router.get(RouterPath(path)) { request, context -> Response in
            let id = try context.parameters.require("id")
            let scope = context.readScope
            let model = try await engine.read { db in try await build(Register(db: db, scope: scope), id, today(), context.labels) }
            guard let model else {
                return try renderer.html("not-found", PageFrame(page: NotFoundPage(kind: kind, id: id, labels: context.labels), path: path, context: context),
                                         status: .notFound)
            }
            return try renderer.html(template, PageFrame(page: model, path: path, context: context, notes: try await notes(kind: kind, id: id, context: context)))
        }
        router.get(RouterPath("/api\(path)")) { request, context -> Response in
            let id = try context.parameters.require("id")
            let scope = context.readScope
            let model = try await engine.read { db in try await build(Register(db: db, scope: scope), id, today(), context.labels) }
            guard let model else { return try renderer.problem(.notFound, detail: context.labels.text("error.noRecord", ["kind": context.labels.recordKind(kind), "id": id]), labels: context.labels) }
            return try renderer.json(model)
        }
    }
}
