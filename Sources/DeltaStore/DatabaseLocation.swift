import DeltaDomain
import SQLKit
import ServiceLifecycle

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
