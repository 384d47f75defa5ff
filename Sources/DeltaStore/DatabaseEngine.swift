import DeltaDomain
import SQLKit
import ServiceLifecycle

/// Which database product a connection talks to; queries branch on it only where SQL differs.
public enum EngineKind: String, Sendable {
    case sqlite, postgres
}

/// A place to run SQL: the embedded SQLite file or a PostgreSQL server.
///
/// Repositories receive an `any SQLDatabase` from `read` or `transaction` and never know which
/// engine is behind it. Why both closures: SQLite needs one writer at a time, PostgreSQL needs a
/// pooled connection held for the length of a transaction.
public protocol DatabaseEngine: Sendable {
    /// The engine's product.
    var kind: EngineKind { get }
    /// Runs read-only work on a connection.
    func read<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T
    /// Runs work in one transaction: all of it is committed, or none of it.
    func transaction<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T
    /// Closes connections.
    func shutdown() async
    /// What must run for the engine's life inside the server's `ServiceGroup` (PostgreSQL's
    /// connection pool when the engine was opened with `runsClient: false`); nil otherwise.
    var service: (any Service)? { get }
}

extension DatabaseEngine {
    /// Engines that run nothing in the background.
    public var service: (any Service)? { nil }
}

extension DatabaseEngine {
    /// Runs `body` between `begin` and COMMIT on `db`, rolling back when it throws.
    func inTransaction<T: Sendable>(on db: any SQLDatabase,
                                    begin: @Sendable (any SQLDatabase) async throws -> Void = { try await $0.raw("BEGIN").run() },
                                    _ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await begin(db)
        do {
            let result = try await body(db)
            try await db.raw("COMMIT").run()
            return result
        } catch {
            try? await db.raw("ROLLBACK").run()
            throw error
        }
    }
}

/// Opens the engine a `--db` value names: a `postgres://` or `postgresql://` URL, or a file path for SQLite.
public enum DatabaseLocation {
    /// Opens the database named by `location`. With `runsClient: false` a PostgreSQL engine does
    /// not start its pool itself: the caller runs `engine.service` in its `ServiceGroup` (the
    /// server does) and then calls `verify` before the first query.
    public static func open(_ location: String, runsClient: Bool = true) async throws -> any DatabaseEngine {
        if location.hasPrefix("postgres://") || location.hasPrefix("postgresql://") {
            let engine = try PostgresEngine(url: location, runsClient: runsClient)
            if runsClient { try await verify(engine, location: location) }
            return engine
        }
        return try await SQLiteEngine(path: location)
    }

    /// Proves that the server answers, so a wrong URL fails with a clear message rather than on
    /// the first request; closes the engine when it does not.
    public static func verify(_ engine: any DatabaseEngine, location: String) async throws {
        guard engine.kind == .postgres else { return }
        // Give the pool's run loop a moment to start.
        try await Task.sleep(for: .milliseconds(20))
        do {
            // The pool retries a refused connection forever; give up after a few seconds.
            try await withThrowingTaskGroup(of: Bool.self) { group in
                group.addTask { try await engine.read { db in try await db.raw("SELECT 1").run() }; return true }
                group.addTask { try await Task.sleep(for: .seconds(5)); return false }
                let answered = try await group.next() ?? false
                group.cancelAll()
                if !answered { throw StoreError.invalidLocation("no answer within 5 seconds") }
            }
        } catch {
            await engine.shutdown()
            throw StoreError.invalidLocation("cannot reach PostgreSQL at \(PostgresEngine.redacted(location)): \(String(reflecting: error))")
        }
    }
}
