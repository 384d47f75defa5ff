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
package struct CancellableDatabase: ForwardingDatabase {
    package let base: any SQLDatabase
    /// Whether the engine handed this connection out for reading, outside any transaction
    /// (`ReadMemo` remembers only such reads).
    package var readsOnly = false
    /// Where a read on this connection can start another one beside it (`Register.beside`); nil
    /// where the engine has no such reader, or on a connection that is itself beside another.
    package var beside: (any BesideReader)?

    /// `base`, refusing statements once the task is cancelled; `readsOnly` for an engine's read
    /// connection, `beside` for its engine's other readers.
    package init(base: any SQLDatabase, readsOnly: Bool = false, beside: (any BesideReader)? = nil) {
        self.base = base; self.readsOnly = readsOnly; self.beside = beside
    }

    package func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) -> EventLoopFuture<Void> {
        if Task.isCancelled { return eventLoop.makeFailedFuture(CancellationError()) }
        return base.execute(sql: query, onRow)
    }

    package func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) async throws {
        try Task.checkCancellation()
        try await base.execute(sql: query, onRow)
    }

    package func withSession<R>(_ closure: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await base.withSession { session in try await closure(CancellableDatabase(base: session, readsOnly: readsOnly, beside: beside)) }
    }
}

/// A database that hands everything but the statements it runs to another one (`base`); the
/// wrappers around the engines' connections (here and in the tests) share this.
package protocol ForwardingDatabase: SQLDatabase {
    var base: any SQLDatabase { get }
}

extension ForwardingDatabase {
    package var logger: Logger { base.logger }
    package var eventLoop: any EventLoop { base.eventLoop }
    package var version: (any SQLDatabaseReportedVersion)? { base.version }
    package var dialect: any SQLDialect { base.dialect }
    package var queryLogLevel: Logger.Level? { base.queryLogLevel }
}
