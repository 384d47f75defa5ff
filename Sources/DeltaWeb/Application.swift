import DeltaStore
import Foundation
import Hummingbird
import Logging

/// Builds the router with every route; tests drive it through HummingbirdTesting.
public func buildRouter(engine: any DatabaseEngine, configuration: AppConfiguration) async throws -> Router<AppRequestContext> {
    let renderer = try await Renderer(resources: configuration.resourcesDirectory)
    let router = Router(context: AppRequestContext.self)
    // Language first, so that error pages speak the reader's language too.
    router.add(middleware: LanguageMiddleware(catalogues: renderer.catalogues, configuration: configuration))
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
            return try answer(error.status, message: labels.text(error.key, error.arguments), request: request, context: context)
        } catch let error as HTTPError {
            if error.status == .unauthorized, !request.uri.path.hasPrefix("/api/") {
                // Pages that need an account send the visitor to sign in and back.
                return Response.seeOther(to: "/login?next=" + (request.uri.path.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "/-_."))) ?? "/"))
            }
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
