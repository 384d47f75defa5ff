import DeltaReports
import DeltaServices
import DeltaStore
import Foundation
import Hummingbird
import Logging
import NIOCore
import NIOFoundationEssentialsCompat

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
        } catch StoreError.unavailable(let reason) {
            // The database is away or full: the request may succeed later, and the engine rolled
            // back whatever it had begun, so the reader hears "try again" and not "failed".
            context.logger.warning("database unavailable", metadata: ["path": .string(request.uri.path), "reason": .string(reason)])
            var response = try answer(.serviceUnavailable, message: labels.text("error.explain.databaseUnavailable"), request: request, context: context)
            response.headers[.retryAfter] = "5"
            return response
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
        // The API and the data files (CSV, SVG) are read by programs: they get a problem document.
        let path = request.uri.path
        if path.hasPrefix("/api/") || path.hasSuffix(".csv") || path.hasSuffix(".svg") {
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
