import DeltaStore
import Logging
import NIOCore
import SQLKit
import Synchronization

/// The SQL statements run through a `CountingEngine`, in order, as their SQL text.
final class StatementLog: Sendable {
    private let statements = Mutex<[String]>([])

    /// Every statement recorded since the last `reset()`.
    var all: [String] { statements.withLock { $0 } }

    /// How many statements were recorded since the last `reset()`.
    var count: Int { statements.withLock { $0.count } }

    func record(_ sql: String) { statements.withLock { $0.append(sql) } }

    func reset() { statements.withLock { $0.removeAll() } }
}

/// An engine that runs everything on a real one and records every statement: those the closures
/// run (through a `CountingDatabase`) and the BEGIN and COMMIT the engine itself wraps a
/// transaction in, since those are statements too (and what takes SQLite's write lock).
struct CountingEngine: DatabaseEngine {
    let base: any DatabaseEngine
    let log = StatementLog()

    var kind: EngineKind { base.kind }

    func read<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        let log = log
        return try await base.read { db in
            // Counted under the engine's own wrapper, so a read connection stays one and remembered
            // reads (`ReadMemo`) are used as in the server.
            let readsOnly = (db as? CancellableDatabase)?.readsOnly ?? false
            return try await body(CancellableDatabase(base: CountingDatabase(base: db, log: log), readsOnly: readsOnly))
        }
    }

    func transaction<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        log.record("BEGIN (transaction)")
        let log = log
        let result = try await base.transaction { db in try await body(CountingDatabase(base: db, log: log)) }
        log.record("COMMIT (transaction)")
        return result
    }

    func shutdown() async { await base.shutdown() }
}

/// A database that forwards everything to a real one and records each statement it executes.
struct CountingDatabase: ForwardingDatabase {
    let base: any SQLDatabase
    let log: StatementLog

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) -> EventLoopFuture<Void> {
        log.record(base.serialize(query).sql)
        return base.execute(sql: query, onRow)
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) async throws {
        log.record(base.serialize(query).sql)
        try await base.execute(sql: query, onRow)
    }

    func withSession<R>(_ closure: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        let log = log
        return try await base.withSession { session in try await closure(CountingDatabase(base: session, log: log)) }
    }
}
