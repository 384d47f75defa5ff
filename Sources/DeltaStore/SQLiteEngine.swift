import Logging
import NIOCore
import NIOPosix
import SQLiteKit
import SQLKit

/// The embedded database: one SQLite file in WAL mode with foreign keys on.
///
/// Readers use a small set of connections, one read on each at a time (WAL lets them read while a write is going on);
/// all writes go through one writer connection, one transaction at a time.
public final class SQLiteEngine: DatabaseEngine, BesideReader {
    public let kind = EngineKind.sqlite
    private let readers: [SQLiteConnection]
    private let writer: SQLiteConnection
    private let writeLock = AsyncSemaphore(limit: 1)
    private let readerPool: ReaderPool

    /// Opens (or creates) the database file at `path`.
    public init(path: String, readerCount: Int = 4) async throws {
        let logger = Logger(label: "deltaberaad.sqlite")
        // A file that is no database (or cannot be opened) fails here: close what was opened first.
        var opened: [SQLiteConnection] = []
        do {
            let writer = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
            opened.append(writer)
            try await Self.configure(writer, writer: true)
            for _ in 0..<readerCount {
                let connection = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
                opened.append(connection)
                try await Self.configure(connection, writer: false)
            }
        } catch {
            for connection in opened { try? await connection.close() }
            throw error
        }
        writer = opened[0]
        readers = Array(opened.dropFirst())
        readerPool = ReaderPool(count: readers.count)
    }

    private static func configure(_ connection: SQLiteConnection, writer: Bool) async throws {
        let db = connection.sql(queryLogLevel: nil)
        // The busy timeout first: switching to WAL needs a lock another process may hold. It is
        // short on purpose: a busy wait blocks one of the few threads SQLite runs on, which can
        // starve the very transaction it waits for; `transaction` retries with async sleeps instead.
        try await db.raw("PRAGMA busy_timeout=200").run()
        if writer { try await db.raw("PRAGMA journal_mode=WAL").run() }
        try await db.raw("PRAGMA foreign_keys=ON").run()
        try await db.raw("PRAGMA synchronous=NORMAL").run()
        if !writer { try await db.raw(SQLQueryString("PRAGMA cache_size=-\(literal: readerCacheKiB)")).run() }
    }

    /// The page cache of each reader connection, in KiB (SQLite's default is 2 000).
    ///
    /// Why smaller: the pages read are the file's, which the operating system keeps in its own
    /// cache anyway, and at a thousand times the demo the whole-kind reads filled every reader's
    /// cache: 256 KiB each took 7 MiB off the server under load, at the same speed. The writer
    /// keeps the default, for imports.
    static let readerCacheKiB = 256

    /// Reads on a reader connection of its own: no other read runs on it meanwhile.
    ///
    /// Why its own: SQLite keeps a connection's read transaction open while any statement on it
    /// runs, and a statement started meanwhile reads in that same, older snapshot. Sharing
    /// connections, a page asked for right after signing in was sometimes read before the
    /// session existed (and shown as to the public) while another request's long read ran on its
    /// connection. A read inside a read of this engine (in the same task) uses the same connection;
    /// only `readBeside` takes another, at the same register version.
    public func read<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        if let lease = ReaderLease.current, lease.engine == ObjectIdentifier(self) {
            return try await read(on: readers[lease.index], body)
        }
        let index = await readerPool.lease()
        return try await givingBack(index) {
            try await ReaderLease.$current.withValue(ReaderLease(engine: ObjectIdentifier(self), index: index)) {
                try await read(on: readers[index], body)
            }
        }
    }

    /// `body`, then the reader `index` given back to the pool, also when `body` throws.
    private func givingBack<T: Sendable>(_ index: Int, _ body: () async throws -> T) async throws -> T {
        do {
            let result = try await body()
            await readerPool.give(index)
            return result
        } catch {
            await readerPool.give(index)
            throw error
        }
    }

    private func read<T: Sendable>(on connection: SQLiteConnection, _ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await reportingUnavailability(Self.unavailability) {
            try await body(CancellableDatabase(base: connection.sql(queryLogLevel: nil), readsOnly: true, beside: self))
        }
    }

    /// See `BesideReader`: a free reader connection (never waited for), in a deferred
    /// transaction whose snapshot starts with its first statement, the version check.
    package func readBeside<T: Sendable>(at version: Int, _ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T? {
        guard let index = await readerPool.leaseIfFree() else { return nil }
        let db = readers[index].sql(queryLogLevel: nil)
        return try await givingBack(index) {
            try await reportingUnavailability(Self.unavailability) {
                // BEGIN, COMMIT and ROLLBACK on the connection itself: a cancelled task must still end its transaction.
                try await db.raw("BEGIN").run()
                do {
                    let reading = CancellableDatabase(base: db, readsOnly: true)
                    let value: T? = try await AuditLog(db: reading).head() == version ? try await body(reading) : nil
                    try await db.raw("COMMIT").run()
                    return value
                } catch {
                    try? await db.raw("ROLLBACK").run()
                    throw error
                }
            }
        }
    }

    public func transaction<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        let db = writer.sql(queryLogLevel: nil)
        return try await reportingUnavailability(Self.unavailability) {
            try await writeLock.withPermit {
                try await self.inTransaction(on: db, begin: Self.beginImmediate, body)
            }
        }
    }

    /// The failures that are the file's or the disk's, not the request's: no room left (a full
    /// disk, or `max_page_count` reached), the file or its directory unwritable, an I/O error, and
    /// another process holding the write lock for longer than `beginImmediate` waits. SQLite rolls
    /// the transaction back; the same request can succeed once room is made.
    static func unavailability(_ error: any Error) -> String? {
        guard let error = error as? SQLiteError else { return nil }
        switch error.reason {
        case .full: return "the disk is full (\(error.message))"
        case .readOnly, .readonlyDirectory, .readonlyCantLock, .readonlyInRecovery, .readonlyInRollback, .readonlyBackingMoved,
             .cantOpen, .cantOpenDirectory, .permission:
            return "the database file cannot be written (\(error.message))"
        case .ioError, .ioErrorFailedWrite, .ioErrorFailedSync, .ioErrorFailedRead, .ioErrorIncompleteRead, .ioErrorFailedTruncate,
             .ioErrorFailedDirSync, .ioErrorFailedSharedMemOpen, .ioErrorFailedSharedMemSize, .ioErrorFailedSharedMemMap:
            return "the disk failed (\(error.message))"
        case .busy, .locked, .busyTimeout:
            return "another process holds the database (\(error.message))"
        default: return nil
        }
    }

    /// IMMEDIATE takes the write lock at once, so a second process waits instead of failing when its
    /// read turns into a write; while another process writes, retry without holding a thread.
    @Sendable private static func beginImmediate(_ db: any SQLDatabase) async throws {
        var waited = 0
        while true {
            do {
                try await db.raw("BEGIN IMMEDIATE").run()
                return
            } catch {
                let text = String(describing: error).lowercased()
                guard text.contains("locked") || text.contains("busy"), waited < 60_000 else { throw error }
                let pause = min(250, 10 + waited / 10)
                try await Task.sleep(for: .milliseconds(pause))
                waited += pause
            }
        }
    }

    public func shutdown() async {
        for connection in readers + [writer] { try? await connection.close() }
    }
}

/// The reader connections not in use, handed out one read at a time; reads wait in order for one.
private actor ReaderPool {
    private var free: [Int]
    private var waiting: [CheckedContinuation<Int, Never>] = []

    init(count: Int) { free = Array(0..<count) }

    func lease() async -> Int {
        if let index = free.popLast() { return index }
        return await withCheckedContinuation { waiting.append($0) }
    }

    /// A free connection, or nil at once when none is.
    func leaseIfFree() -> Int? { free.popLast() }

    func give(_ index: Int) {
        if waiting.isEmpty { free.append(index) } else { waiting.removeFirst().resume(returning: index) }
    }
}

/// The reader connection a task reads on (`SQLiteEngine.read`), so that a read within it uses the same.
private struct ReaderLease: Sendable {
    @TaskLocal static var current: ReaderLease?
    let engine: ObjectIdentifier
    let index: Int
}
