import Hummingbird

/// Lets only signed-in requests through. A page then sends the visitor to sign in and back
/// (`ErrorPageMiddleware` turns the 401 into that redirect); the API answers a 401 problem.
struct RequireAccountMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard context.account != nil else { throw AppError(.unauthorized, "error.signInOrToken") }
        return try await next(request, context)
    }
}
