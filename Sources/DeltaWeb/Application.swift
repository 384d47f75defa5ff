import DeltaReports
import DeltaServices
import DeltaStore
import Foundation
import Hummingbird
import Logging
import NIOCore
import NIOFoundationEssentialsCompat

/// Builds the router with every route; tests drive it through HummingbirdTesting.
///
/// A request passes, in order: the language (`?lang=`, cookie, Accept-Language), the error pages
/// (every error becomes a page or a problem document in that language), static files, and who is
/// asking (session cookie or bearer token). Then the route group decides what else it needs:
/// an account, a posted form with the session's CSRF token, or API credentials.
public func buildRouter(engine: any DatabaseEngine, configuration: AppConfiguration) async throws -> Router<AppRequestContext> {
    let renderer = try await Renderer(resources: configuration.resourcesDirectory)
    let router = Router(context: AppRequestContext.self)
    router.add(middleware: LanguageMiddleware(catalogues: renderer.catalogues, configuration: configuration))
    router.add(middleware: ErrorPageMiddleware(renderer: renderer))
    router.add(middleware: FileMiddleware(configuration.resourcesDirectory + "/static", urlBasePath: "/static", searchForIndexHtml: false))
    router.add(middleware: IdentityMiddleware(engine: engine, configuration: configuration))

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
    pages.get("openapi.yaml") { _, _ in try OpenAPIDocument.response(resources: configuration.resourcesDirectory) }

    let register = RegisterController(engine: engine, renderer: renderer, configuration: configuration)
    register.addRoutes(pages: pages)
    CalendarController(engine: engine, renderer: renderer, configuration: configuration).addRoutes(pages: pages)
    ReportController(engine: engine, renderer: renderer, configuration: configuration).addRoutes(pages: pages)
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
    MembershipController(engine: engine, renderer: renderer).addRoutes(signedIn: signedIn, forms: forms, api: api, apiWrites: apiWrites)
    NoteController(engine: engine, renderer: renderer).addRoutes(forms: forms, signedInAPI: signedInAPI)

    // Meetings: the page and its forms (agenda, minutes, decisions, approval), a body's decisions.
    MeetingController(engine: engine, renderer: renderer, configuration: configuration).addRoutes(pages: pages, api: api, forms: forms)
    return router
}

/// The OpenAPI description, served as written.
enum OpenAPIDocument {
    static func response(resources: String) throws -> Response {
        guard let data = FileManager.default.contents(atPath: resources + "/openapi.yaml") else { throw HTTPError(.notFound) }
        var headers = HTTPFields()
        headers[.contentType] = "application/yaml; charset=utf-8"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(data: data)))
    }
}

/// Builds the application serving the register on the configured address.
public func buildApplication(engine: any DatabaseEngine, configuration: AppConfiguration,
                             logger: Logger = Logger(label: "deltaberaad")) async throws -> some ApplicationProtocol {
    let router = try await buildRouter(engine: engine, configuration: configuration)
    return Application(router: router, configuration: .init(address: .hostname(configuration.host, port: configuration.port),
                                                            serverName: "Deltaberaad"), logger: logger)
}

/// Turns errors into an error page or, under `/api`, a problem document, in the reader's
/// language and without leaking internals; an unexpected error itself goes to the log.
struct ErrorPageMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let renderer: Renderer

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let labels = context.labels
        do {
            return try await next(request, context)
        } catch let error as AppError {
            return try answer(error.status, message: labels.text(error.key, Self.worded(error.arguments, labels)), request: request, context: context)
        } catch let error as OperationError {
            let status: HTTPResponse.Status = switch error.kind {
            case .notFound: .notFound
            case .forbidden: .forbidden
            case .invalid: .unprocessableContent
            case .conflict: .conflict
            }
            return try answer(status, message: labels.text(error.key, Self.worded(error.arguments, labels)), request: request, context: context)
        } catch is NIOTooManyBytesError {
            // A body over the request's limit (`AppRequestContext.maxUploadSize`) is refused, not a failure.
            return try answer(.contentTooLarge, message: labels.text("error.explain.413"), request: request, context: context)
        } catch let error as HTTPError {
            // Hummingbird's own errors (a body too large, a malformed request) carry English text
            // for developers; the reader gets the status explained in their language.
            let key = "error.explain.\(error.status.code)"
            let message = labels.catalogue.has(key) ? labels.text(key) : labels.text("error.explain.other")
            return try answer(error.status, message: message, request: request, context: context)
        } catch {
            context.logger.error("request failed", metadata: ["path": .string(request.uri.path), "error": .string("\(error)")])
            return try answer(.internalServerError, message: labels.text("error.explain.500"), request: request, context: context)
        }
    }

    private func answer(_ status: HTTPResponse.Status, message: String, request: Request, context: Context) throws -> Response {
        if status == .unauthorized, !request.uri.path.hasPrefix("/api/") {
            // Pages that need an account send the visitor to sign in and back.
            let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "/-_."))
            return Response.seeOther(to: "/login?next=" + (request.uri.path.addingPercentEncoding(withAllowedCharacters: allowed) ?? "/"))
        }
        if request.uri.path.hasPrefix("/api/") {
            return try renderer.problem(status, detail: message, labels: context.labels)
        }
        if status == .notFound {
            return try renderer.html("not-found", PageFrame(page: NotFoundPage(path: request.uri.path, labels: context.labels),
                                                            path: request.uri.path, context: context), status: .notFound)
        }
        return try renderer.html("error", PageFrame(page: ErrorPage(title: Renderer.statusTitle(status, labels: context.labels), message: message),
                                                    path: request.uri.path, context: context), status: status)
    }
}

extension ErrorPageMiddleware {
    /// Message parameters as the reader reads them: a record kind ("dossier") by its name in the
    /// reader's language.
    static func worded(_ arguments: [String: String], _ labels: Labels) -> [String: String] {
        var worded = arguments
        if let kind = arguments["kind"], labels.catalogue.has("kind.\(kind)") { worded["kind"] = labels.recordKind(kind) }
        return worded
    }
}

/// An error a route throws on purpose: a status and the catalogue key of the message the reader
/// sees (with its parameters), rendered by `ErrorPageMiddleware` in the reader's language.
struct AppError: Error, Sendable {
    let status: HTTPResponse.Status
    let key: String
    let arguments: [String: String]

    init(_ status: HTTPResponse.Status, _ key: String, _ arguments: [String: String] = [:]) {
        self.status = status
        self.key = key
        self.arguments = arguments
    }
}

/// A plain error page: a title and one sentence.
struct ErrorPage: Codable, Sendable {
    let title: String
    let message: String
}

extension Response {
    /// 303 See Other: where a form post goes next (post-redirect-get).
    static func seeOther(to location: String) -> Response {
        var headers = HTTPFields()
        headers[.location] = location
        return Response(status: .seeOther, headers: headers)
    }
}
