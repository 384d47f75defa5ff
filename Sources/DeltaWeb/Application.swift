import DeltaDomain
import DeltaReports
import DeltaServices
import DeltaStore
import Foundation
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import NIOFoundationEssentialsCompat
import ServiceLifecycle

/// Builds the router with every route; tests drive it through HummingbirdTesting.
///
/// A request passes, in order: the security headers every answer carries, the conditional-GET
/// check (`If-None-Match` → 304), the language (`?lang=`, cookie, Accept-Language), the error pages
/// (every error becomes a page or a problem document in that language), the bound on requests in
/// flight (503 beyond it), static files, and who is
/// asking (session cookie or bearer token). Then the route group decides what else it needs:
/// an account, a posted form with the session's CSRF token, or API credentials.
public func buildRouter(engine: any DatabaseEngine, configuration: AppConfiguration) async throws -> Router<AppRequestContext> {
    try await buildRouter(engine: engine, configuration: configuration, memo: ReadMemo())
}

/// The router, remembering the reads of GET requests in `memo` (when the configuration says so).
func buildRouter(engine: any DatabaseEngine, configuration: AppConfiguration, memo: ReadMemo) async throws -> Router<AppRequestContext> {
    let renderer = if let loaded = configuration.renderer { loaded } else { try await Renderer(resources: configuration.resourcesDirectory) }
    let router = Router(context: AppRequestContext.self)
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: ConditionalGetMiddleware())
    if let level = configuration.requestLogLevel { router.add(middleware: RequestLogMiddleware(level: level)) }
    router.add(middleware: RequestMetricsMiddleware(registry: configuration.metrics))
    router.add(middleware: LanguageMiddleware(catalogues: renderer.catalogues, configuration: configuration))
    router.add(middleware: ErrorPageMiddleware(renderer: renderer))
    router.add(middleware: InFlightLimitMiddleware(limit: configuration.maxRequestsInFlight))
    router.add(middleware: RequestDeadlineMiddleware(deadline: configuration.requestDeadline, connections: configuration.connections))
    router.add(middleware: FileMiddleware(configuration.resourcesDirectory + "/static", urlBasePath: "/static", searchForIndexHtml: false))
    router.add(middleware: IdentityMiddleware(engine: engine, configuration: configuration))
    if configuration.remembersReads { router.add(middleware: ReadMemoMiddleware(memo: memo)) }
    let today = configuration.today
    let cacheBytes = configuration.pageCacheBytes
    if configuration.cachesPublicPages {
        router.add(middleware: PageCacheMiddleware(readers: .anonymous, cache: PageCache(maximumBytes: cacheBytes.anonymous), engine: engine, today: { today().iso },
                                                   registry: configuration.metrics))
    }
    if configuration.cachesSignedInPages {
        router.add(middleware: PageCacheMiddleware(readers: .signedIn, cache: PageCache(maximumBytes: cacheBytes.signedIn), engine: engine, today: { today().iso },
                                                   registry: configuration.metrics))
    }

    // The groups. Pages and API reads are open to all (what is shown follows `ReadScope`).
    let pages = router.group()
    let api = router.group("api")
    let signedIn = router.group().add(middleware: RequireAccountMiddleware())
    let forms = router.group().add(middleware: RequireAccountMiddleware()).add(middleware: FormMiddleware())
    let loginForm = router.group().add(middleware: FormMiddleware(requireSessionToken: false))
    let sessionForms = router.group().add(middleware: FormMiddleware())
    let signedInAPI = router.group("api").add(middleware: RequireAccountMiddleware())
    let apiWrites = router.group("api").add(middleware: APIWriteMiddleware())

    // The bare route: the ceiling that benchmarks compare pages against.
    pages.get("_ping") { _, _ in "ok" }
    HealthController(engine: engine, metrics: configuration.metrics).addRoutes(pages: pages)
    pages.get("openapi.yaml") { _, _ in try OpenAPIDocument.response(resources: configuration.resourcesDirectory) }

    let register = RegisterController(engine: engine, renderer: renderer, configuration: configuration)
    register.addRoutes(pages: pages)
    CalendarController(engine: engine, renderer: renderer, configuration: configuration).addRoutes(pages: pages)
    FeedController(engine: engine, configuration: configuration).addRoutes(pages: pages)
    OpenDataController(engine: engine, renderer: renderer).addRoutes(pages: pages, api: api)
    InvestmentController(engine: engine, configuration: configuration).addRoutes(pages: pages)
    NetworkController(engine: engine, configuration: configuration).addRoutes(pages: pages)
    ReportController(engine: engine, renderer: renderer, configuration: configuration).addRoutes(pages: pages)
    AccessibilityController(renderer: renderer).addRoutes(pages: pages)
    AuthController(engine: engine, renderer: renderer, configuration: configuration)
        .addRoutes(pages: pages, loginForm: loginForm, sessionForms: sessionForms, signedIn: signedIn, forms: forms, api: api)
    HistoryController(engine: engine, renderer: renderer, configuration: configuration)
        .addRoutes(signedIn: signedIn, signedInAPI: signedInAPI)

    // Editing records: HTML forms and the JSON record API, one controller per kind.
    RecordController<MilestoneForm>(engine: engine, renderer: renderer).addRoutes(signedIn: signedIn, forms: forms, api: api, apiWrites: apiWrites)
    RecordController<DossierForm>(engine: engine, renderer: renderer).addRoutes(signedIn: signedIn, forms: forms, api: api, apiWrites: apiWrites)
    RecordController<MeetingForm>(engine: engine, renderer: renderer).addRoutes(signedIn: signedIn, forms: forms, api: api, apiWrites: apiWrites)
    RecordController<OrganisationForm>(engine: engine, renderer: renderer).addRoutes(signedIn: signedIn, forms: forms, api: api, apiWrites: apiWrites)
    RecordController<InvestmentForm>(engine: engine, renderer: renderer).addRoutes(signedIn: signedIn, forms: forms, api: api, apiWrites: apiWrites)
    RecordController<DocumentForm>(engine: engine, renderer: renderer).addRoutes(signedIn: signedIn, forms: forms, api: api, apiWrites: apiWrites)
    RecordController<AgreementForm>(engine: engine, renderer: renderer).addRoutes(signedIn: signedIn, forms: forms, api: api, apiWrites: apiWrites)
    RecordController<AllocationRegimeForm>(engine: engine, renderer: renderer).addRoutes(signedIn: signedIn, forms: forms, api: api, apiWrites: apiWrites)
    RecordController<RailLinkForm>(engine: engine, renderer: renderer).addRoutes(signedIn: signedIn, forms: forms, api: api, apiWrites: apiWrites)
    // `/goals/new` and `POST /api/goals` sit beside the goal tree's `GET /goals` and `GET /api/goals`.
    RecordController<GoalForm>(engine: engine, renderer: renderer).addRoutes(signedIn: signedIn, forms: forms, api: api, apiWrites: apiWrites)
    RecordController<IndicatorForm>(engine: engine, renderer: renderer).addRoutes(signedIn: signedIn, forms: forms, api: api, apiWrites: apiWrites)
    // The obstacle register: triage edits the record here; the intake, status, list and pages in ObstacleController.
    RecordController<ObstacleForm>(engine: engine, renderer: renderer).addRoutes(signedIn: signedIn, forms: forms, api: api, apiWrites: apiWrites)
    ObstacleController(engine: engine, renderer: renderer, configuration: configuration)
        .addRoutes(pages: pages, api: api, anonymousForms: loginForm, signedIn: signedIn, forms: forms)
    MembershipController(engine: engine, renderer: renderer).addRoutes(signedIn: signedIn, forms: forms, api: api, apiWrites: apiWrites)
    NoteController(engine: engine, renderer: renderer).addRoutes(forms: forms, signedInAPI: signedInAPI)

    // Bringing in a document: upload, review the proposals beside the text, accept them at once.
    ExtractionController(engine: engine, renderer: renderer, patience: configuration.extractionPatience).addRoutes(signedIn: signedIn, forms: forms)

    // Meetings: the page and its forms (agenda, minutes, decisions, approval), a body's decisions.
    MeetingController(engine: engine, renderer: renderer, configuration: configuration).addRoutes(pages: pages, api: api, forms: forms)
    return router
}

/// Builds the application serving the register on the configured address.
/// A connection that sends nothing for `idleTimeoutSeconds` — a half-open one, a client that
/// stopped mid-request — is closed, and request heads are bounded, so idle or slow clients cannot
/// hold the server's connections.
public func buildApplication(engine: any DatabaseEngine, configuration: AppConfiguration,
                             logger: Logger = Logger(label: "deltaberaad")) async throws -> some ApplicationProtocol {
    let memo = ReadMemo()
    let router = try await buildRouter(engine: engine, configuration: configuration, memo: memo)
    var services: [any Service] = []
    if configuration.remembersReads, let budget = configuration.memoryBudget {
        services.append(ReadMemoSweeper(memo: memo, budget: budget, interval: configuration.memoSweepInterval,
                                        look: configuration.memoLookInterval))
    }
    let connections = configuration.connections
    let http = HTTP1Channel.Configuration(
        additionalChannelHandlers: [ClientGoneHandler(connections: connections)],
        idleTimeout: .seconds(Int64(configuration.idleTimeoutSeconds)),
        httpDecoderConfiguration: .init(maxHeaderFieldSize: 16 * 1024, maxHeaderListSize: 64 * 1024, maxHeaderFieldCount: 200))
    return Application(router: router, server: .http1(configuration: http),
                       configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Deltaberaad"),
                       services: services, logger: logger)
}

extension Response {
    /// 303 See Other: where a form post goes next (post-redirect-get).
    static func seeOther(to location: String) -> Response {
        var headers = HTTPFields()
        headers[.location] = location
        return Response(status: .seeOther, headers: headers)
    }
}
