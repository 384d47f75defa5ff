import DeltaStore
import Hummingbird

/// Guards the API's state-changing routes: credentials are required (401), a request that rides
/// on the session cookie must also carry the X-CSRF-Token header (403) — a bearer token needs
/// none, since browsers never send it on their own — and the body must say it is JSON (415),
/// for token clients too.
struct APIWriteMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method != .get, request.method != .head else { return try await next(request, context) }
        guard let identity = context.identity else { throw AppError(.unauthorized, "error.sendBearer") }
        if let session = identity.session {
            guard let given = request.headers[.xCSRFToken], Secrets.constantTimeEqual(given, session.csrfToken) else {
                throw AppError(.forbidden, "error.csrfHeader")
            }
        }
        guard request.headers[.contentType]?.lowercased().hasPrefix("application/json") == true else {
            throw AppError(.unsupportedMediaType, "error.expectJSON")
        }
        return try await next(request, context)
    }
}
