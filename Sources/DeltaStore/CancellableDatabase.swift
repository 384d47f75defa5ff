import Logging
import NIOCore
import SQLKit

/// A database that refuses to start a statement once the task running it is cancelled.
///
/// Why: a request whose deadline has passed (`RequestDeadlineMiddleware`) is cancelled, but
/// neither SQLKit nor the drivers look at Swift task cancellation. Every statement a repository
/// runs passes here, so cancelled work stops at its next statement instead of reading on for a
/// client that is gone. A transaction stopped this way is rolled back by its engine: the
/// ROLLBACK itself runs on the connection underneath, not through this wrapper.
struct CancellableDatabase: SQLDatabase {
    let base: any SQLDatabase
    /// Whether the engine handed this connection out for reading, outside any transaction
    /// (`ReadMemo` remembers only such reads).
    var readsOnly = false

    var logger: Logger { base.logger }
    var eventLoop: any EventLoop { base.eventLoop }
    var version: (any SQLDatabaseReportedVersion)? { base.version }
    var dialect: any SQLDialect { base.dialect }
    var queryLogLevel: Logger.Level? { base.queryLogLevel }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) -> EventLoopFuture<Void> {
        if Task.isCancelled { return eventLoop.makeFailedFuture(CancellationError()) }
        return base.execute(sql: query, onRow)
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) async throws {
        try Task.checkCancellation()
        try await base.execute(sql: query, onRow)
    }

    func withSession<R>(_ closure: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await base.withSession { session in try await closure(CancellableDatabase(base: session, readsOnly: readsOnly)) }
    }
}
