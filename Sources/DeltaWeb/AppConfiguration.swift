import DeltaDomain
import DeltaReports
import DeltaServices
import DeltaStore
import Foundation
import Logging
import Prometheus

/// How the web application runs.
public struct AppConfiguration: Sendable {
    /// Address to listen on; loopback by default.
    public var host: String
    /// Port to listen on.
    public var port: Int
    /// Folder holding `templates/` and `static/`.
    public var resourcesDirectory: String
    /// The templates and catalogues, already loaded from `resourcesDirectory`; nil: `buildRouter`
    /// loads them. The tests build some two hundred routers and load them once.
    package var renderer: Renderer?
    /// "Today" for every rule that compares dates; pinned in tests and with `--today`.
    public var today: @Sendable () -> CalendarDate
    /// The clock for sessions, tokens, throttling and the audit log; pinned in tests.
    public var now: @Sendable () -> Date = { Date() }
    /// A session ends after this many seconds without a request (default: two hours).
    public var sessionIdleSeconds = 2 * 60 * 60
    /// Mark cookies Secure even without `X-Forwarded-Proto: https` (set when TLS ends in front of us).
    public var secureCookies = false
    /// How repeated failed sign-ins slow down and lock.
    public var loginThrottle = LoginThrottle()
    /// Multiplies sign-in delays; 0 in tests so that they stay fast (the decision itself is still tested).
    public var loginDelayScale = 1.0
    /// bcrypt cost for passwords set through the web (the CLI uses the same default).
    public var bcryptCost: UInt8 = 12
    /// Seconds a connection may send nothing before the server closes it.
    public var idleTimeoutSeconds = 30
    /// Requests served at once; more are refused with 503 and `Retry-After` (`InFlightLimitMiddleware`).
    public var maxRequestsInFlight = 256
    /// The open connections, told when their client leaves (`ClientGoneHandler` on the connection,
    /// `RequestDeadlineMiddleware` for the requests on it).
    package let connections = ConnectionWatches()
    /// How long a request may work before it is stopped and answered 503 (`RequestDeadlineMiddleware`).
    /// Above the longest legitimate request: a PDF or PNG drawn by Chromium, bounded at 30 s itself.
    public var requestDeadline: Duration = .seconds(45)
    /// Whether the whole-table reads of GET requests are remembered per register version (`ReadMemo`).
    public var remembersReads = true
    /// The resident memory, in bytes, above which remembered reads no request has used for
    /// `memoSweepInterval` are forgotten, and reads only used to read another, or every read once
    /// an eighth beyond it, unused for `memoLookInterval` (`ReadMemoSweeper`); nil: never forgotten.
    public var memoryBudget: Int? = 128 << 20
    /// How long a remembered read a request used for itself has gone unused when it is forgotten.
    public var memoSweepInterval: Duration = .seconds(10)
    /// How often the memory is compared with the budget, and how long a read only used to read
    /// another remembered value has gone unused when it is forgotten (`ReadMemoSweeper`).
    public var memoLookInterval: Duration = .seconds(1)
    /// How many bytes of answers the page caches keep, anonymous and signed in: a sixteenth of
    /// the memory budget each (64 and 32 MiB without a budget).
    ///
    /// Why from the budget, and why that little: under load spread over every dossier page at a
    /// thousand times the demo, the remembered reads are all in use and the cache fills with pages
    /// that are rarely asked for again. With 64 MiB the server held 167–192 MiB against a budget
    /// of 128; with an eighth 163–166 MiB; with a sixteenth (and SQLite's smaller reader caches,
    /// `SQLiteEngine.readerCacheKiB`) 145 MiB. 8 MiB still holds some 200 pages of 40 kB: the ones
    /// asked for often.
    package var pageCacheBytes: (anonymous: Int, signedIn: Int) {
        guard let memoryBudget else { return (64 << 20, 32 << 20) }
        return (memoryBudget / 16, memoryBudget / 16)
    }
    /// Whether anonymous pages are kept per register version (`PageCacheMiddleware`).
    public var cachesPublicPages = true
    /// Whether signed-in pages are kept per register version for their own session or token (`PageCacheMiddleware`).
    public var cachesSignedInPages = true
    /// How long an upload's request waits for the reading to finish before it answers with the
    /// upload's status page instead (which then reloads until the review is ready).
    public var extractionPatience: Duration = .seconds(1)
    /// The level of the one-line log of every answered request; nil logs none (`RequestLogMiddleware`).
    public var requestLogLevel: Logger.Level? = nil
    /// Where request counts and durations go; served as Prometheus text at `/metrics`.
    public var metrics = PrometheusCollectorRegistry()
    /// The obstacle intake's limits: submissions per address, minimum time to fill in (tests shorten it).
    package var obstacleIntake = ObstacleIntake.Rules()
    /// The key that signs the moment a public form was handed out (`FormStamp`); a new one at every
    /// start, so a form handed out before a restart is refused as expired (and given back filled in).
    package var formStampKey = Secrets.random()

    /// A configuration; `today` defaults to the current day in Brussels and Amsterdam.
    public init(host: String = "127.0.0.1", port: Int = 8080, resourcesDirectory: String? = nil,
                today: (@Sendable () -> CalendarDate)? = nil) {
        self.host = host
        self.port = port
        self.resourcesDirectory = resourcesDirectory ?? ResourceLocator.defaultDirectory()
        self.today = today ?? { CalendarDate.todayInBrussels() }
    }
}

