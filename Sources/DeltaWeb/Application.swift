import DeltaStore
import Foundation
import Hummingbird
import Logging

/// Builds the router with every route; tests drive it through HummingbirdTesting.
public func buildRouter(engine: any DatabaseEngine, configuration: AppConfiguration) async throws -> Router<AppRequestContext> {
    let renderer = try await Renderer(directory: configuration.resourcesDirectory + "/templates")
    let router = Router(context: AppRequestContext.self)
    router.add(middleware: ErrorPageMiddleware(renderer: renderer))
    router.add(middleware: FileMiddleware(configuration.resourcesDirectory + "/static", urlBasePath: "/static", searchForIndexHtml: false))
    router.add(middleware: IdentityMiddleware(engine: engine, configuration: configuration))
    // The bare route: the ceiling that benchmarks compare pages against.
    router.get("/_ping") { _, _ in "ok" }
    router.get("/openapi.yaml") { _, _ -> Response in
        let path = configuration.resourcesDirectory + "/openapi.yaml"
        guard let data = FileManager.default.contents(atPath: path) else { throw HTTPError(.notFound) }
        var headers = HTTPFields()
        headers[.contentType] = "application/yaml; charset=utf-8"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(data: data)))
    }
    RegisterController(engine: engine, renderer: renderer, configuration: configuration).addRoutes(to: router)
    CalendarController(engine: engine, renderer: renderer, configuration: configuration).addRoutes(to: router)
    AuthController(engine: engine, renderer: renderer, configuration: configuration).addRoutes(to: router)
    EditRoutes(engine: engine, renderer: renderer, configuration: configuration).addRoutes(to: router)
    HistoryController(engine: engine, renderer: renderer, configuration: configuration).addRoutes(to: router)
    MeetingController(engine: engine, renderer: renderer, configuration: configuration).addRoutes(to: router)
    ReportController(engine: engine, renderer: renderer, configuration: configuration).addRoutes(to: router)
    return router
}

/// Builds the application serving the register on the configured address.
public func buildApplication(engine: any DatabaseEngine, configuration: AppConfiguration,
                             logger: Logger = Logger(label: "deltaberaad")) async throws -> some ApplicationProtocol {
    let router = try await buildRouter(engine: engine, configuration: configuration)
    return Application(router: router, configuration: .init(address: .hostname(configuration.host, port: configuration.port),
                                                            serverName: "Deltaberaad"), logger: logger)
}

/// Turns unexpected errors into a plain error page or, under `/api`, a problem document,
/// without leaking internals; the error itself goes to the log.
struct ErrorPageMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let renderer: Renderer

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError {
            let isAPI = request.uri.path.hasPrefix("/api/")
            if isAPI {
                return try renderer.problem(error.status, title: error.status.reasonPhrase, detail: error.body ?? error.status.reasonPhrase)
            }
            if error.status == .notFound {
                return try renderer.html("not-found", PageFrame(page: NotFoundPage(title: "Niet gevonden", kind: "pagina", id: request.uri.path),
                                                                path: request.uri.path, context: context), status: .notFound)
            }
            if error.status == .unauthorized {
                // Pages that need an account send the visitor to sign in and back.
                return Response.seeOther(to: "/login?next=" + (request.uri.path.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "/-_."))) ?? "/"))
            }
            let message = error.body ?? error.status.reasonPhrase
            return try renderer.html("error", PageFrame(page: ErrorPage(title: Self.title(error.status), message: message),
                                                        path: request.uri.path, context: context), status: error.status)
        } catch {
            context.logger.error("request failed", metadata: ["path": .string(request.uri.path), "error": .string("\(error)")])
            if request.uri.path.hasPrefix("/api/") {
                return try renderer.problem(.internalServerError, title: "Internal Server Error", detail: "The request could not be completed.")
            }
            return try renderer.html("error", PageFrame(page: ErrorPage(title: "Er ging iets mis", message: "Er ging iets mis bij het opbouwen van deze pagina."),
                                                        path: request.uri.path, context: context), status: .internalServerError)
        }
    }

    static func title(_ status: HTTPResponse.Status) -> String {
        switch status {
        case .forbidden: "Geen toegang"
        case .badRequest: "Onjuist verzoek"
        case .contentTooLarge: "Te groot"
        case .unsupportedMediaType: "Onbekend formaat"
        default: status.reasonPhrase
        }
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
