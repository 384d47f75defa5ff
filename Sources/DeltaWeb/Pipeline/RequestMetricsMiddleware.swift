import Hummingbird
import Prometheus

/// Counts and times every answered request into the Prometheus registry served at `/metrics`:
/// `deltaberaad_http_requests_total{route,method,status}`,
/// `deltaberaad_http_request_duration_seconds{route,method}` (a histogram) and the gauge
/// `deltaberaad_http_requests_in_flight`. Labels are route patterns, never addresses, so the
/// number of series stays bounded and no secret from an address is exposed.
struct RequestMetricsMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let registry: PrometheusCollectorRegistry

    static let buckets: [Duration] = [.milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(25),
                                      .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1),
                                      .seconds(2.5), .seconds(5), .seconds(10)]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let inFlight = registry.makeGauge(name: "deltaberaad_http_requests_in_flight", help: "Requests being answered now.")
        inFlight.increment()
        defer { inFlight.decrement() }
        let start = ContinuousClock.now
        let response = try await next(request, context)
        let route = context.endpointPath ?? "unmatched"
        let method = request.method.rawValue
        registry.makeCounter(name: "deltaberaad_http_requests_total",
                             labels: [("route", route), ("method", method), ("status", String(response.status.code))],
                             help: "Answered requests by route pattern, method and status.").increment()
        registry.makeDurationHistogram(name: "deltaberaad_http_request_duration_seconds", labels: [("route", route), ("method", method)],
                                       buckets: Self.buckets, help: "Time to answer, by route pattern and method.")
            .record(ContinuousClock.now - start)
        return response
    }
}
