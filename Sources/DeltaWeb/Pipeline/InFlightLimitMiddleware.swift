import HTTPTypes
import Hummingbird
import Synchronization

/// Sheds load instead of queueing it: beyond `limit` requests in flight, a request is answered
/// at once with 503 and `Retry-After` (a page or a problem document, by `ErrorPageMiddleware`),
/// so under overload some readers are refused quickly rather than every reader waiting.
/// The health probes are never refused: a supervisor must be able to tell "busy" from "dead".
struct InFlightLimitMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    /// The count, shared by every request of the router.
    final class Counter: Sendable {
        let value = Atomic<Int>(0)
    }

    let limit: Int
    let counter = Counter()

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if request.uri.path.hasPrefix("/health/") { return try await next(request, context) }
        let now = counter.value.wrappingAdd(1, ordering: .relaxed).newValue
        defer { counter.value.wrappingSubtract(1, ordering: .relaxed) }
        guard now <= limit else { throw AppError(.serviceUnavailable, "error.explain.503") }
        return try await next(request, context)
    }
}
