import Hummingbird
import Logging

/// One log line per answered request: method, the route that answered (its pattern, never the
/// address itself, which can hold a feed's secret or a reader's search), status and duration.
/// With `--log-format json` each line is a JSON object a log collector can index.
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let level: Logger.Level

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let response = try await next(request, context)
        let elapsed = ContinuousClock.now - start
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        context.logger.log(level: level, "request", metadata: [
            "method": .string(request.method.rawValue),
            "route": .string(context.endpointPath ?? "unmatched"),
            "status": .stringConvertible(response.status.code),
            "ms": .stringConvertible((milliseconds * 10).rounded() / 10),
        ])
        return response
    }
}
