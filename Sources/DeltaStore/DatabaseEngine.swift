import DeltaDomain
import SQLKit
import ServiceLifecycle

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
    /// The register's version: the audit log's head, which every change advances in its own
    /// transaction (answers and reads are kept per version).
    func registerVersion() async throws -> Int
}

extension DatabaseEngine {
    /// Engines that run nothing in the background.
    public var service: (any Service)? { nil }

    /// Asks the database, every time.
    public func registerVersion() async throws -> Int {
        try await read { db in try await AuditLog(db: db).head() }
    }
}

extension DatabaseEngine {
    /// Runs `body` between `begin` and COMMIT on `db`, rolling back when it throws — unless
    /// `rollsBack` says the error left nothing to roll back (a connection that is gone).
    func inTransaction<T: Sendable>(on db: any SQLDatabase,
                                    begin: @Sendable (any SQLDatabase) async throws -> Void = { try await $0.raw("BEGIN").run() },
                                    rollsBack: (any Error) -> Bool = { _ in true },
                                    _ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await begin(db)
        do {
            let result = try await body(CancellableDatabase(base: db))
            try await db.raw("COMMIT").run()
            return result
        } catch {
            // In a task of its own: work stopped by cancellation must still be rolled back, and the
            // driver refuses to start a statement in a cancelled task.
            if rollsBack(error) { await Task { try? await db.raw("ROLLBACK").run() }.value }
            throw error
        }
    }
}

extension DatabaseEngine {
    /// Runs `work`, turning an error `unavailability` recognises (a lost server, a full disk) into
    /// `StoreError.unavailable`, so that callers tell "the database is away" from "this request is
    /// wrong" without knowing the engine.
    func reportingUnavailability<T: Sendable>(_ unavailability: (any Error) -> String?,
                                              _ work: () async throws -> T) async throws -> T {
        do {
            return try await work()
        } catch let error as StoreError {
            throw error
        } catch {
            if let reason = unavailability(error) { throw StoreError.unavailable(reason) }
            throw error
        }
    }
}
