import DeltaDomain
import SQLKit

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
}

extension DatabaseEngine {
    /// Runs `body` between BEGIN and COMMIT on `db`, rolling back when it throws.
    func inTransaction<T: Sendable>(on db: any SQLDatabase, _ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await db.raw("BEGIN").run()
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
    /// Opens the database named by `location`.
    public static func open(_ location: String) async throws -> any DatabaseEngine {
        if location.hasPrefix("postgres://") || location.hasPrefix("postgresql://") {
            return try PostgresEngine(url: location)
        }
        return try await SQLiteEngine(path: location)
    }
}
