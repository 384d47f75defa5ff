import DeltaReports
import DeltaStore
import Hummingbird
import Prometheus

/// Serves anonymous `GET`s from `PublicPageCache` while the register is unchanged: the public
/// register changes rarely and is read most, so a page is built once per version (and language
/// and day) instead of once per request. Requests with a session cookie or a token, personal
/// feeds and status pages behind a secret, health and metrics, and answers that set a cookie
/// (forms with a CSRF token) are never kept. Hits and misses are counted in `/metrics`.
struct PublicPageCacheMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let cache: PublicPageCache
    let engine: any DatabaseEngine
    let today: @Sendable () -> String
    let registry: PrometheusCollectorRegistry

    static var lookups: MetricNameDescriptor {
        MetricNameDescriptor(namespace: "deltaberaad", subsystem: "public_cache", metricName: "lookups", unitName: "total", helpText: "")
    }
    /// Addresses whose answers depend on more than address, language, day and register.
    static let neverKept = ["/feeds/", "/obstacles/status/", "/health", "/metrics", "/_ping", "/login", "/obstacles/report", "/extract"]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        guard request.method == .get, context.account == nil, request.headers[.authorization] == nil,
              !request.headers[values: .cookie].contains(where: { $0.contains(SessionCookie.name + "=") }),
              !Self.neverKept.contains(where: { path.hasPrefix($0) }) else {
            return try await next(request, context)
        }
        let version = try await engine.read { db in try await AuditLog(db: db).head() }
        let key = PublicPageCache.Key(uri: request.uri.description, language: context.labels.language.rawValue, day: today(), version: version)
        if let entry = cache.entry(key) {
            registry.makeCounter(descriptor: Self.lookups, labels: [("result", "hit")]).increment()
            if let route = entry.route { context.coreContext.endpointPath.value = route }
            return Response(status: entry.status, headers: entry.headers, body: ResponseBody(byteBuffer: entry.body))
        }
        registry.makeCounter(descriptor: Self.lookups, labels: [("result", "miss")]).increment()
        let response = try await next(request, context)
        guard response.status == .ok, response.headers[.setCookie] == nil,
              response.headers[.cacheControl]?.contains("no-store") != true else { return response }
        // Read the body once, keep it, and send the same bytes.
        let collected = BodyCollector()
        try await response.body.write(collected.writer())
        let body = collected.buffer
        cache.keep(PublicPageCache.Entry(status: response.status, headers: response.headers, body: body, route: context.endpointPath), for: key)
        return Response(status: response.status, headers: response.headers, body: ResponseBody(byteBuffer: body))
    }
}
