import DeltaStore
import Hummingbird

/// Stops a request's work once it has run longer than `deadline`, answering 503 with
/// `Retry-After` (a page or a problem document, by `ErrorPageMiddleware`).
///
/// Why: under overload, work piles up for clients that have long given up (wrk's, a browser's
/// or a proxy's timeout), and the server goes on serving nobody. The work is cancelled as a Swift
/// task; every database statement checks for that first (`CancellableDatabase`), so it stops at
/// its next statement and a transaction it began is rolled back, never half-written.
/// Hummingbird 2 offers no way to notice a client that closed its connection without closing
/// kept-alive connections after every answer, so the deadline stands in for "the client is gone".
struct RequestDeadlineMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    let deadline: Duration
    /// One clock for every request's deadline (`DeadlineWatch` says why not a sleep each).
    let watch = DeadlineWatch()

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if request.uri.path.hasPrefix("/health/") { return try await next(request, context) }
        let due = ContinuousClock.now + deadline
        let watch = self.watch
        return try await withoutActuallyEscaping(next) { next in
            // The work runs as a child task so that the timer can cancel it; the group does not
            // return before the child has finished, so the request and context outlive it.
            let work = UncheckedTransfer((next, request, context))
            return try await withThrowingTaskGroup(of: Response?.self) { group in
                group.addTask {
                    let (next, request, context) = work.value
                    return try await next(request, context)
                }
                group.addTask {
                    await watch.wait(until: due)
                    // Cut short by the request's own cancellation (the server stopping): not the deadline.
                    try Task.checkCancellation()
                    return nil
                }
                defer { group.cancelAll() }
                do {
                    if let first = try await group.next(), let response = first { return response }
                } catch is CancellationError {
                    // Not the deadline (the timer cancels nothing before it has finished): the
                    // request itself was cancelled, as when the server stops. Nothing was stored;
                    // the general 503 says to come back.
                    throw AppError(.serviceUnavailable, "error.explain.503")
                }
                // The timer finished first: the work is cancelled on the way out (`cancelAll`).
                throw AppError(.serviceUnavailable, "error.explain.deadline")
            }
        }
    }
}

/// Hands a value that is not `Sendable` to a child task the caller awaits, so that it is never
/// used from two tasks at once.
private struct UncheckedTransfer<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
