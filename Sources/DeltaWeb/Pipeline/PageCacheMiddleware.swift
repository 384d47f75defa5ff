import DeltaReports
import DeltaStore
import Hummingbird
import Prometheus

/// Serves `GET`s from a `PageCache` while the register is unchanged: the register changes rarely
/// and is read most, so a page is built once per version (and language, day and reader) instead of
/// once per request. A page asked for by many at once is built once (`SingleFlight`): the others
/// wait for it. Hits, misses and joins are counted in `/metrics`, per kind of reader.
///
/// Two are installed, one per kind of reader, each with its own cache:
/// - `.anonymous`: requests without a session cookie or token. Every anonymous reader sees the
///   same page, so one answer serves them all.
/// - `.signedIn`: requests of a signed-in session or token. An answer is kept for that session or
///   token and that account as it is now, and given to nobody else: a page names its reader,
///   carries the session's CSRF token and shows what the account's scope allows. A change of the
///   account (role, scope, name) is a new key; a session that ended makes the request anonymous.
///
/// Never kept: personal feeds, status pages behind a secret, health and metrics, answers that set
/// a cookie, and, for signed-in readers, the pages of accounts, sessions and tokens, which change
/// without a register change.
struct PageCacheMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    /// Which readers an instance serves.
    enum Readers: String, Sendable { case anonymous = "public_cache", signedIn = "signed_in_cache" }

    let readers: Readers
    let cache: PageCache
    let engine: any DatabaseEngine
    let today: @Sendable () -> String
    let registry: PrometheusCollectorRegistry
    /// Pages being built: one build per key at a time, and who asks meanwhile gets its answer.
    let builds = SingleFlight<PageCache.Key, PageCache.Entry>()

    /// Addresses whose answers depend on more than address, language, day and register.
    static let neverKept = ["/feeds/", "/obstacles/status/", "/health", "/metrics", "/_ping", "/login", "/obstacles/report", "/extract"]
    /// For signed-in readers also the pages of accounts, sessions and tokens (these addresses and
    /// what lies under them): they change without a register change.
    static let neverKeptSignedIn = ["/account", "/admin/users", "/api/me"]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .get, case .kept(let reader) = admission(request, context: context) else {
            return try await next(request, context)
        }
        let version = try await engine.registerVersion()
        // The host and scheme asked for are part of the address: feeds and the data catalogue write
        // absolute links with them, and a forged Host header must not set them for everyone.
        let origin = scheme(of: request) + "://" + (request.head.authority ?? "")
        let key = PageCache.Key(uri: origin + request.uri.description, language: context.labels.language.rawValue, day: today(),
                                version: version, reader: reader)
        let counter = MetricNameDescriptor(namespace: "deltaberaad", subsystem: readers.rawValue, metricName: "lookups", unitName: "total", helpText: "")
        if let entry = cache.entry(key) {
            registry.makeCounter(descriptor: counter, labels: [("result", "hit")]).increment()
            return Self.answer(entry, context: context)
        }
        // A page asked for by many at once after a change is built once; the others wait for it.
        switch await builds.turn(for: key) {
        case .shared(let entry):
            registry.makeCounter(descriptor: counter, labels: [("result", "joined")]).increment()
            return Self.answer(entry, context: context)
        case .alone:
            // The build waited for could not be kept (or this request was cancelled): its own.
            try Task.checkCancellation()
            registry.makeCounter(descriptor: counter, labels: [("result", "miss")]).increment()
            return try await build(request, context: context, key: key, next: next)
        case .lead:
            registry.makeCounter(descriptor: counter, labels: [("result", "miss")]).increment()
            var kept: PageCache.Entry?
            defer { builds.finish(key, with: kept) }
            let response = try await build(request, context: context, key: key, next: next)
            kept = cache.entry(key)
            return response
        }
    }

    /// The answer of a kept page.
    private static func answer(_ entry: PageCache.Entry, context: Context) -> Response {
        if let route = entry.route { context.coreContext.endpointPath.value = route }
        return Response(status: entry.status, headers: entry.headers, body: ResponseBody(byteBuffer: entry.body))
    }

    /// Builds the page and keeps it if it may be kept.
    private func build(_ request: Request, context: Context, key: PageCache.Key,
                       next: (Request, Context) async throws -> Response) async throws -> Response {
        let response = try await next(request, context)
        guard response.status == .ok, response.headers[.setCookie] == nil,
              response.headers[.cacheControl]?.contains("no-store") != true else { return response }
        // Read the body once, keep it, and send the same bytes.
        let collected = BodyCollector()
        try await response.body.write(collected.writer())
        let body = collected.buffer
        cache.keep(PageCache.Entry(status: response.status, headers: response.headers, body: body, route: context.endpointPath), for: key)
        return Response(status: response.status, headers: response.headers, body: ResponseBody(byteBuffer: body))
    }

    /// Whether this instance keeps a request's answer, and for which reader (nil: anonymous).
    private enum Admission { case passed, kept(PageCache.Reader?) }

    private func admission(_ request: Request, context: Context) -> Admission {
        let path = request.uri.path
        guard !Self.neverKept.contains(where: { path.hasPrefix($0) }) else { return .passed }
        let presentsCredential = request.headers[.authorization] != nil
            || request.headers[values: .cookie].contains(where: { $0.contains(SessionCookie.name + "=") })
        switch readers {
        case .anonymous:
            // A cookie or token that did not prove an identity still makes the answer personal
            // in its headers (`private, no-store`): it is not kept for everyone.
            return context.identity == nil && !presentsCredential ? .kept(nil) : .passed
        case .signedIn:
            guard let identity = context.identity,
                  !Self.neverKeptSignedIn.contains(where: { path == $0 || path.hasPrefix($0 + "/") }) else { return .passed }
            let credential = identity.session.map { "session " + $0.idHash + " " + $0.csrfToken } ?? "token " + (identity.tokenID ?? "")
            return .kept(PageCache.Reader(account: identity.account, credential: credential))
        }
    }
}
