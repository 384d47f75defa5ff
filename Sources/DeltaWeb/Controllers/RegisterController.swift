import DeltaDomain
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

    /// The scope for a request. Until accounts exist every reader sees public and internal records,
    /// but never delegation-private ones.
    func scope(for request: Request) -> ReadScope { ReadScope(visibilities: [.public, .internal]) }

    func addRoutes(to router: Router<some RequestContext>) {
        page(router, "/", template: "overview") { register, _, today in try await register.overviewPage(today: today) }
        page(router, "/dossiers", template: "dossiers") { register, request, today in
            let query = request.uri.queryParameters
            func value(_ key: String) -> String? { query[key[...]].map(String.init).flatMap { $0.isEmpty ? nil : $0 } }
            return try await register.dossierListPage(
                filter: DossierFilter(theme: value("theme"), status: value("status"), country: value("country")), today: today)
        }
        record(router, "/dossiers/{id}", template: "dossier", kind: "dossier", kindLabel: "dossier") { register, id, today in
            try await register.dossierPage(id: id, today: today)
        }
        page(router, "/documents", template: "documents") { register, _, _ in try await register.documentListPage() }
        record(router, "/documents/{id}", template: "document", kind: "document", kindLabel: "document") { register, id, today in
            try await register.documentPage(id: id, today: today)
        }
        page(router, "/bodies", template: "bodies") { register, _, today in try await register.bodyListPage(today: today) }
        record(router, "/bodies/{id}", template: "body", kind: "body", kindLabel: "overleg") { register, id, today in
            try await register.bodyPage(id: id, today: today)
        }
        page(router, "/organisations", template: "organisations") { register, _, _ in try await register.organisationListPage() }
        page(router, "/investments", template: "investments") { register, _, today in try await register.investmentsPage(today: today) }
    }

    /// A page without an id, at `path` (HTML) and `/api<path>` (JSON).
    private func page<Model: Codable & Sendable>(
        _ router: Router<some RequestContext>, _ path: String, template: String,
        build: @escaping @Sendable (Register, Request, CalendarDate) async throws -> Model
    ) {
        let today = configuration.today
        router.get(RouterPath(path)) { request, _ -> Response in
            let model = try await engine.read { db in try await build(Register(db: db, scope: scope(for: request)), request, today()) }
            return try renderer.html(template, PageFrame(page: model, path: path))
        }
        router.get(RouterPath(path == "/" ? "/api/overview" : "/api\(path)")) { request, _ -> Response in
            let model = try await engine.read { db in try await build(Register(db: db, scope: scope(for: request)), request, today()) }
            return try renderer.json(model)
        }
    }

    /// A record page with an `{id}`; unknown ids answer 404 (a page, or a problem document).
    private func record<Model: Codable & Sendable>(
        _ router: Router<some RequestContext>, _ path: String, template: String, kind: String, kindLabel: String,
        build: @escaping @Sendable (Register, String, CalendarDate) async throws -> Model?
    ) {
        let today = configuration.today
        router.get(RouterPath(path)) { request, context -> Response in
            let id = try context.parameters.require("id")
            let model = try await engine.read { db in try await build(Register(db: db, scope: scope(for: request)), id, today()) }
            guard let model else {
                return try renderer.html("not-found", PageFrame(page: NotFoundPage(title: "Niet gevonden", kind: kindLabel, id: id), path: path),
                                         status: .notFound)
            }
            return try renderer.html(template, PageFrame(page: model, path: path))
        }
        router.get(RouterPath("/api\(path)")) { request, context -> Response in
            let id = try context.parameters.require("id")
            let model = try await engine.read { db in try await build(Register(db: db, scope: scope(for: request)), id, today()) }
            guard let model else { return try renderer.problem(.notFound, title: "Not Found", detail: "no \(kind) with id “\(id)”") }
            return try renderer.json(model)
        }
    }
}

/// What every HTML page gets around its own model: the navigation state.
///
/// Stored, not computed, properties: the frame is encoded for the templates (see `TemplateValues`).
struct PageFrame<Page: Sendable>: Sendable {
    let page: Page
    let path: String
    let navOverview: Bool
    let navDossiers: Bool
    let navDocuments: Bool
    let navBodies: Bool
    let navOrganisations: Bool
    let navInvestments: Bool

    init(page: Page, path: String) {
        self.page = page
        self.path = path
        navOverview = path == "/"
        navDossiers = path.hasPrefix("/dossiers")
        navDocuments = path.hasPrefix("/documents")
        navBodies = path.hasPrefix("/bodies")
        navOrganisations = path.hasPrefix("/organisations")
        navInvestments = path.hasPrefix("/investments")
    }
}

extension PageFrame: Encodable where Page: Encodable {}

/// The 404 page.
struct NotFoundPage: Codable, Sendable {
    let title: String
    let kind: String
    let id: String
}
