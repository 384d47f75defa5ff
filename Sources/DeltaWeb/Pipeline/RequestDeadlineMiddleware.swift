import DeltaStore
import Hummingbird

/// Stops a request's work once it has run longer than `deadline`, or once its client has closed
/// the connection, answering 503 with `Retry-After` (a page or a problem document, by
/// `ErrorPageMiddleware`; a client that has gone does not read it).
///
/// Why: under overload, work piles up for clients that have long given up (wrk's, a browser's
/// or a proxy's timeout), and the server goes on serving nobody. The work is cancelled as a Swift
/// task; every database statement checks for that first (`CancellableDatabase`), so it stops at
/// its next statement and a transaction it began is rolled back, never half-written. A client
/// that goes is noticed by its connection closing (`ConnectionWatch`); one that keeps the
/// connection open but stops waiting is covered by the deadline.
struct RequestDeadlineMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    let deadline: Duration
    /// One clock for every request's deadline (`DeadlineWatch` says why not a sleep each).
    let watch = DeadlineWatch()
    /// The open connections, each told once when its client closes it.
    let connections: ConnectionWatches

    init(deadline: Duration, connections: ConnectionWatches = ConnectionWatches()) {
        self.deadline = deadline; self.connections = connections
    }

    /// What ended a request first.
    private enum Outcome: Sendable { case answered(Response), deadline, clientGone }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if request.uri.path.hasPrefix("/health/") { return try await next(request, context) }
        let due = ContinuousClock.now + deadline
        let watch = self.watch
        let connection = context.channel.map(connections.watch)
        return try await withoutActuallyEscaping(next) { next in
            // The work runs as a child task so that the timer can cancel it; the group does not
            // return before the child has finished, so the request and context outlive it.
            let work = UncheckedTransfer((next, request, context))
            return try await withThrowingTaskGroup(of: Outcome.self) { group in
                group.addTask {
                    let (next, request, context) = work.value
                    return .answered(try await next(request, context))
                }
                group.addTask {
                    await watch.wait(until: due)
                    // Cut short by the request's own cancellation (the server stopping): not the deadline.
                    try Task.checkCancellation()
                    return .deadline
                }
                if let connection {
                    group.addTask {
                        await connection.waitForClose()
                        try Task.checkCancellation()
                        return .clientGone
                    }
                }
                defer { group.cancelAll() }
                let first: Outcome?
                do {
                    first = try await group.next()
                } catch is CancellationError {
                    // Not the deadline (the timer cancels nothing before it has finished): the
                    // request itself was cancelled, as when the server stops. Nothing was stored;
                    // the general 503 says to come back.
                    throw AppError(.serviceUnavailable, "error.explain.503")
                }
                switch first {
                case .answered(let response): return response
                // The client has gone: its work is cancelled on the way out (`cancelAll`), and the
                // answer is written to nobody.
                case .clientGone: throw AppError(.serviceUnavailable, "error.explain.503")
                // The timer finished first: the work is cancelled on the way out.
                case .deadline, nil: throw AppError(.serviceUnavailable, "error.explain.deadline")
                }
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
