import DeltaStore
import Hummingbird

/// Reads a posted form once, before the handler: the fields go into `context.form`, and unless
/// the route is the sign-in form (which has its own double-submit token) the session's CSRF
/// token must be among them. Handlers never parse a body themselves.
struct FormMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    /// Whether the session's CSRF token must be in the form (every form but the sign-in form).
    var requireSessionToken = true

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .post else { return try await next(request, context) }
        var context = context
        let form = try await FormInput.read(request, context: context)
        if requireSessionToken {
            guard let expected = context.identity?.session?.csrfToken, let given = form["_csrf"],
                  Secrets.constantTimeEqual(expected, given)
            else { throw AppError(.forbidden, "error.formExpired") }
        }
        context.form = form
        return try await next(request, context)
    }
}
