import Hummingbird
import Prometheus

/// Counts and times every answered request into the Prometheus registry served at `/metrics`:
/// `deltaberaad_http_requests_total{route,method,status}`,
/// `deltaberaad_http_request_duration_seconds{route,method}` (a histogram) and the gauge
/// `deltaberaad_http_requests_in_flight`. Labels are route patterns, never addresses, so the
/// number of series stays bounded and no secret from an address is exposed. (No HELP lines: the
/// metric names say what they count, and the web layer writes no sentence outside the catalogues.)
struct RequestMetricsMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let registry: PrometheusCollectorRegistry

    static var inFlight: MetricNameDescriptor { MetricNameDescriptor(namespace: "deltaberaad", subsystem: "http", metricName: "requests_in_flight", unitName: "", helpText: "") }
    static var requests: MetricNameDescriptor { MetricNameDescriptor(namespace: "deltaberaad", subsystem: "http", metricName: "requests", unitName: "total", helpText: "") }
    static var duration: MetricNameDescriptor { MetricNameDescriptor(namespace: "deltaberaad", subsystem: "http", metricName: "request_duration", unitName: "seconds", helpText: "") }
    static let buckets: [Duration] = [.milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(25),
                                      .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1),
                                      .seconds(2.5), .seconds(5), .seconds(10)]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let inFlight = registry.makeGauge(descriptor: Self.inFlight)
        inFlight.increment()
        defer { inFlight.decrement() }
        let start = ContinuousClock.now
        let response = try await next(request, context)
        let route = context.endpointPath ?? "unmatched"
        let method = request.method.rawValue
        registry.makeCounter(descriptor: Self.requests,
                             labels: [("route", route), ("method", method), ("status", String(response.status.code))]).increment()
        registry.makeDurationHistogram(descriptor: Self.duration, labels: [("route", route), ("method", method)],
                                       buckets: Self.buckets)
            .record(ContinuousClock.now - start)
        return response
    }
}
