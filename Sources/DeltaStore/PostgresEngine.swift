import Foundation
import Logging
import PostgresKit
import PostgresNIO
import SQLKit
import ServiceLifecycle
import Synchronization

/// PostgreSQL through PostgresNIO's `PostgresClient` connection pool.
///
/// The client must run (`run()`) for the life of the engine. The server runs it as a `Service`
/// in its `ServiceGroup` (`runsClient: false`, then `service`), so that SIGTERM stops it after the
/// requests in flight; one-shot commands and tests let the engine start it in a task of its own,
/// cancelled on `shutdown()`.
public final class PostgresEngine: DatabaseEngine {
    public let kind = EngineKind.postgres
    private let client: PostgresClient
    private let runTask: Task<Void, Never>?
    private let leaseTimeout: Duration
    /// One clock for every lease's timeout (`DeadlineWatch` says why not a sleep each).
    private let leaseWatch = DeadlineWatch()
    /// The register version while PostgreSQL announces its changes (`registerVersion()`).
    private let versions = VersionNotices()
    /// The connection listening for those announcements, started by the first `registerVersion()`;
    /// `closed` once the engine is shut down, so that none starts again.
    private let listener = Mutex<(task: Task<Void, Never>?, closed: Bool)>((nil, false))
    /// The channel migration 9's trigger notifies after every change of the audit log.
    static let versionChannel = "deltaberaad_version"

    /// Connects to the database a `postgres://user:password@host:port/database` URL names.
    /// `leaseTimeout` bounds the wait for a pooled connection: while PostgreSQL cannot be reached
    /// the pool keeps requests waiting (up to a minute, then it fails them), and a reader should
    /// hear at once that the database is away rather than wait for it.
    public init(url: String, runsClient: Bool = true, leaseTimeout: Duration = .seconds(5)) throws {
        guard let configuration = try? SQLPostgresConfiguration(url: url) else {
            throw StoreError.invalidLocation("“\(url)” is not a PostgreSQL URL (postgres://user:password@host:port/database)")
        }
        let core = configuration.coreConfiguration
        guard let host = core.host, let port = core.port else {
            throw StoreError.invalidLocation("the PostgreSQL URL must name a host and port")
        }
        var clientConfiguration = PostgresClient.Configuration(
            host: host, port: port, username: core.username, password: core.password,
            database: core.database, tls: .disable)
        clientConfiguration.options.maximumConnections = 10
        // The pool starts a timer each time a connection falls idle (a keep-alive ping, and closing
        // it when idle too long) and cancels it at the next lease. On Linux a cancelled timer keeps
        // its memory until it would have fired (`DeadlineWatch` says more), so with the defaults
        // (30 s and 60 s) signed-in pages grew the server by ~35 MiB per 8 s of load. Short timers
        // bound what they hold to a few seconds of requests; a server keeps two connections open.
        clientConfiguration.options.keepAliveBehavior = .init(frequency: .seconds(2))
        clientConfiguration.options.connectionIdleTimeout = .seconds(5)
        if !runsClient { clientConfiguration.options.minimumConnections = 2 }
        var logger = Logger(label: "deltaberaad.postgres")
        logger.logLevel = .error
        let client = PostgresClient(configuration: clientConfiguration, backgroundLogger: logger)
        self.client = client
        self.leaseTimeout = leaseTimeout
        runTask = runsClient ? Task { await client.run() } : nil
    }

    /// The URL without its password, for messages and logs.
    public static func redacted(_ url: String) -> String {
        guard let schemeEnd = url.range(of: "://"), let at = url.range(of: "@", range: schemeEnd.upperBound..<url.endIndex) else { return url }
        let credentials = url[schemeEnd.upperBound..<at.lowerBound]
        guard let colon = credentials.firstIndex(of: ":") else { return url }
        return url.replacingCharacters(in: colon..<at.lowerBound, with: ":***")
    }

    public func read<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await leased { connection in
            try await body(CancellableDatabase(base: connection.sql(queryLogLevel: nil), readsOnly: true))
        }
    }

    public func transaction<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        // This process's own change is seen by its next request, before the announcement arrives.
        defer { versions.changed() }
        return try await leased { connection in
            // A lost connection's transaction is gone with it (the server rolls it back), and a
            // ROLLBACK sent on it would wait forever: PostgresNIO never answers a query on a
            // connection the server has closed.
            try await self.inTransaction(on: connection.sql(queryLogLevel: nil), rollsBack: { Self.unavailability($0) == nil }, body)
        }
    }

    /// Runs `work` on a pooled connection. No connection within `leaseTimeout`, or any failure to
    /// get one, means PostgreSQL is away (`StoreError.unavailable`); so does a connection lost
    /// during the work or a server shutting down (`unavailability`). A lost connection's
    /// transaction is rolled back by the server: nothing of it is written.
    private func leased<T: Sendable>(_ work: @Sendable (PostgresConnection) async throws -> T) async throws -> T {
        let lease = LeaseRace()
        let timeout = leaseTimeout
        let due = ContinuousClock.now + timeout
        let watch = leaseWatch
        let client = client
        return try await reportingUnavailability(Self.unavailability) {
            try await withoutActuallyEscaping(work) { work in
                try await withThrowingTaskGroup(of: T?.self) { group in
                    group.addTask {
                        do {
                            return try await client.withConnection { connection in
                                // Too late: the reader was told the database is away, so nothing may be done.
                                guard lease.start() else { throw CancellationError() }
                                return try await work(connection)
                            }
                        } catch let error where !lease.started && !(error is CancellationError) && !Task.isCancelled {
                            // A wait cut short by the request's own cancellation is not the database's fault.
                            throw StoreError.unavailable("no connection to PostgreSQL (\(error))")
                        }
                    }
                    group.addTask {
                        await watch.wait(until: due)
                        // Cancelled (the work finished first, or the request was stopped): no verdict.
                        guard !Task.isCancelled, lease.expire() else { return nil }
                        throw StoreError.unavailable("no connection to PostgreSQL within \(timeout)")
                    }
                    while let next = try await group.next() {
                        if let value = next {
                            group.cancelAll()
                            return value
                        }
                    }
                    throw CancellationError()
                }
            }
        }
    }

    /// The failures that are the server's, not the request's: the connection refused or lost, the
    /// server shutting down or starting up (57P0x), a connection exception (08xxx), no room or
    /// resources (53xxx: disk full, too many connections) and system errors (58xxx).
    static func unavailability(_ error: any Error) -> String? {
        guard let error = error as? PSQLError else { return nil }
        switch error.code {
        case .connectionError, .serverClosedConnection, .uncleanShutdown, .poolClosed, .clientClosedConnection:
            return "the connection to PostgreSQL failed (\(error.code))"
        case .server:
            let state = error.serverInfo?[.sqlState] ?? ""
            let message = error.serverInfo?[.message] ?? ""
            if state.hasPrefix("08") || state.hasPrefix("57P") || state.hasPrefix("53") || state.hasPrefix("58") {
                return "PostgreSQL cannot do the work now (\(state): \(message))"
            }
            return nil
        default: return nil
        }
    }

    /// The version as PostgreSQL last announced it, without a round trip; asked for while not
    /// listening (at first, or after the listening connection was lost).
    public func registerVersion() async throws -> Int {
        startListening()
        if let known = versions.known { return known }
        let generation = versions.generation
        let head = try await read { db in try await AuditLog(db: db).head() }
        versions.remember(head, readAt: generation)
        return head
    }

    /// Whether the version is known without asking (tests wait for the listener with it).
    package var knowsVersion: Bool { versions.known != nil }

    /// Whether a listener task exists (tests check that none starts after shutdown).
    package var hasListener: Bool { listener.withLock { $0.task != nil } }

    /// Listens on one pooled connection for the version channel, again a second after losing it.
    private func startListening() {
        listener.withLock { listener in
            guard listener.task == nil, !listener.closed else { return }
            let client = client, versions = versions
            listener.task = Task {
                while !Task.isCancelled {
                    do {
                        try await client.withConnection { connection in
                            try await connection.listen(on: Self.versionChannel) { notices in
                                versions.listening(true)
                                for try await _ in notices { versions.changed() }
                            }
                        }
                    } catch {}
                    versions.listening(false)
                    try? await Task.sleep(for: .seconds(1))
                }
            }
        }
    }

    /// Stops listening and closes the pool; waits at most `shutdownPatience` for each, so that a
    /// pool that does not finish (a suspected cause of an intermittent hang of the test run:
    /// a PostgreSQL test stuck after its last statement, with no connection open) never holds
    /// the caller. What is left then ends with the process.
    public func shutdown() async {
        let listening = listener.withLock { listener in
            defer { listener = (nil, true) }
            return listener.task
        }
        listening?.cancel()
        if let listening { await Self.wait(for: listening, atMost: Self.shutdownPatience) }
        runTask?.cancel()
        if let runTask { await Self.wait(for: runTask, atMost: Self.shutdownPatience) }
    }

    /// How long `shutdown()` waits for the listener and for the pool.
    static let shutdownPatience: Duration = .seconds(10)

    /// Returns when `task` has ended or `limit` has passed, whichever is first. Not a task group:
    /// awaiting a task's value ignores cancellation, and a group waits for all its children.
    private static func wait(for task: Task<Void, Never>, atMost limit: Duration) async {
        let (ended, signal) = AsyncStream<Void>.makeStream()
        Task { await task.value; signal.yield() }
        Task { try? await Task.sleep(for: limit); signal.yield() }
        for await _ in ended { break }
        signal.finish()
    }

    /// The connection pool, when the caller runs it (`runsClient: false`).
    public var service: (any Service)? { runTask == nil ? client : nil }
}

/// Who won: the lease (the work starts) or the timeout (the reader hears the database is away).
/// Exactly one wins, so work never starts after its request was answered 503.
private final class LeaseRace: Sendable {
    private let state = Atomic<Int>(0)  // 0 waiting, 1 started, 2 expired
    func start() -> Bool { state.compareExchange(expected: 0, desired: 1, ordering: .acquiringAndReleasing).exchanged }
    func expire() -> Bool { state.compareExchange(expected: 0, desired: 2, ordering: .acquiringAndReleasing).exchanged }
    var started: Bool { state.load(ordering: .acquiring) == 1 }
}
