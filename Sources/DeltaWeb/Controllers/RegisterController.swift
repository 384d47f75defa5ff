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
        // The citizens' entry page reads the public register whoever asks: it is what the public sees.
        page(router, "/portal", template: "portal") { register, _, today, labels in
            try await register.with(scope: .publicOnly).portalPage(today: today, labels: labels)
        }
        windowedList(router, "/dossiers", template: "dossiers", build: Self.dossierList)
        record(router, "/dossiers/{id}", template: "dossier", kind: "dossier") { register, id, today, labels in
            try await register.dossierPage(id: id, today: today, labels: labels)
        }
        list(router, "/documents", template: "documents", build: Self.documentList)
        record(router, "/agreements/{id}", template: "agreement", kind: "agreement") { register, id, today, labels in
            try await register.agreementPage(id: id, today: today, labels: labels)
        }
        record(router, "/documents/{id}", template: "document", kind: "document") { register, id, today, labels in
            try await register.documentPage(id: id, today: today, labels: labels)
        }
        list(router, "/bodies", template: "bodies", build: Self.bodyList)
        record(router, "/bodies/{id}", template: "body", kind: "body") { register, id, today, labels in
            try await register.bodyPage(id: id, today: today, labels: labels)
        }
        list(router, "/organisations", template: "organisations", build: Self.organisationList)
        // The network: the map and its table, each link's and station's page.
        page(router, "/network", template: "network") { register, request, today, labels in
            try await register.networkPage(window: try ListWindow(request), today: today, labels: labels)
        }
        record(router, "/rail-links/{id}", template: "rail-link", kind: "railLink") { register, id, today, labels in
            try await register.railLinkPage(id: id, today: today, labels: labels)
        }
        record(router, "/stations/{id}", template: "station", kind: "station") { register, id, today, labels in
            try await register.stationPage(id: id, today: today, labels: labels)
        }
        // Collections without a page of their own: a JSON list and a CSV file.
        dataList(router, "/milestones") { register, request, window, today, labels in
            try await register.milestoneList(request, window: window, today: today, labels: labels)
        }
        dataList(router, "/agreements") { register, request, window, today, labels in
            try await register.agreementList(request, window: window, today: today, labels: labels)
        }
        dataList(router, "/meetings") { register, request, window, today, labels in
            try await register.meetingList(request, window: window, today: today, labels: labels)
        }
        page(router, "/investments", template: "investments") { register, request, today, labels in
            try await register.investmentsPage(query: try InvestmentQuery(request), window: try ListWindow(request), today: today, labels: labels)
        }
        page(router, "/goals", template: "goals") { register, _, today, labels in try await register.goalsPage(today: today, labels: labels) }
        page(router, "/planning", template: "planning") { register, request, today, labels in
            try await register.planningPage(window: try ListWindow(request), today: today, labels: labels)
        }
        page(router, "/search", template: "search") { register, request, _, labels in
            try await register.searchPage(query: try SearchRequest.query(request), labels: labels)
        }
    }

    // The lists with their filters, whole: a page shows a window of one (`ListWindow`), its CSV all of it.

    @Sendable static func dossierList(_ register: Register, _ request: Request, _ window: ListWindow?, _ today: CalendarDate,
                                      _ labels: Labels) async throws -> DossierListPage {
        let query = QueryReader(request)
        let filter = DossierFilter(theme: try query.value("theme"), status: try query.value("status"),
                                   country: try query.value("country"), body: try query.value("body"))
        return try await register.dossierListPage(filter: filter, window: window, today: today, labels: labels)
    }

    @Sendable static func documentList(_ register: Register, _ request: Request, _ today: CalendarDate, _ labels: Labels) async throws -> DocumentListPage {
        let query = QueryReader(request)
        let kind = try query.coded("kind", DocumentKind.self), year = try query.year()
        var page = try await register.documentListPage(labels: labels)
        page.documents = page.documents.filter { document in
            (kind.map { document.kind == $0.rawValue } ?? true) && (year.map { document.date?.hasPrefix(String($0)) == true } ?? true)
        }
        return page
    }

    @Sendable static func bodyList(_ register: Register, _ request: Request, _ today: CalendarDate, _ labels: Labels) async throws -> BodyListPage {
        let kind = try QueryReader(request).coded("kind", BodyKind.self)
        var page = try await register.bodyListPage(today: today, labels: labels)
        if let kind { page.bodies = page.bodies.filter { $0.kind == kind.rawValue } }
        return page
    }

    @Sendable static func organisationList(_ register: Register, _ request: Request, _ today: CalendarDate, _ labels: Labels) async throws -> OrganisationListPage {
        let query = QueryReader(request)
        let country = try query.coded("country", Country.self), level = try query.coded("level", OrganisationLevel.self)
        var page = try await register.organisationListPage(labels: labels)
        page.organisations = page.organisations.filter { organisation in
            (country.map { organisation.country == $0.rawValue } ?? true) && (level.map { organisation.level == $0.rawValue } ?? true)
        }
        return page
    }

    /// A list with no page of its own: `/api<path>` (JSON, a window at a time) and `<path>.csv`
    /// (whole). The builder is given the window and builds the views of its records only; the
    /// CSV file's builder is given none.
    private func dataList<Model: WindowedList>(_ router: RouterGroup<AppRequestContext>, _ path: String,
                                               build: @escaping @Sendable (Register, Request, ListWindow?, CalendarDate, Labels) async throws -> Model) {
        let today = configuration.today
        router.get(RouterPath("/api" + path)) { request, context -> Response in
            let window = try ListWindow(request)
            let scope = context.readScope
            let model = try await engine.read { db in try await build(Register(db: db, scope: scope), request, window, today(), context.labels) }
            return try renderer.json(model)
        }
        csvFile(router, path) { register, request, today, labels in try await build(register, request, nil, today, labels) }
    }

    /// A list at `path` (HTML), `/api<path>` (JSON), both a window at a time (`?limit=`, `?after=`),
    /// and `<path>.csv`, the whole list (`?variant=excel` for `;` and decimal commas); all three
    /// with the list's filters, from the one builder.
    private func list<Model: WindowedList>(_ router: RouterGroup<AppRequestContext>, _ path: String, template: String,
                                           build: @escaping @Sendable (Register, Request, CalendarDate, Labels) async throws -> Model) {
        page(router, path, template: template) { register, request, today, labels in
            let window = try ListWindow(request)
            var model = try await build(register, request, today, labels)
            (model.items, model.paging) = try window.window(model.items, id: Model.id(of:), labels: labels)
            return model
        }
        csvFile(router, path, build: build)
    }

    /// A list like `list`'s whose builder is given the window (nil for the CSV file) and words
    /// the records of the window only.
    private func windowedList<Model: WindowedList>(_ router: RouterGroup<AppRequestContext>, _ path: String, template: String,
                                                   build: @escaping @Sendable (Register, Request, ListWindow?, CalendarDate, Labels) async throws -> Model) {
        page(router, path, template: template) { register, request, today, labels in
            try await build(register, request, try ListWindow(request), today, labels)
        }
        csvFile(router, path) { register, request, today, labels in try await build(register, request, nil, today, labels) }
    }

    /// `<path>.csv`: the whole list with its filters (`?variant=excel` for `;` and decimal commas).
    private func csvFile<Model: WindowedList>(_ router: RouterGroup<AppRequestContext>, _ path: String,
                                              build: @escaping @Sendable (Register, Request, CalendarDate, Labels) async throws -> Model) {
        let today = configuration.today
        router.get(RouterPath(path + ".csv")) { request, context -> Response in
            let variant = try QueryReader(request).coded("variant", CSVTable.Variant.self) ?? .standard
            let scope = context.readScope
            let model = try await engine.read { db in try await build(Register(db: db, scope: scope), request, today(), context.labels) }
            return InvestmentController.file(Model.csv(model.items).text(variant), type: "text/csv; charset=utf-8; header=present",
                                             name: String(path.dropFirst()) + ".csv")
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
