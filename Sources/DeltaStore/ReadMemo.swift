import Synchronization

/// Whole-table reads that pages repeat (the lookup tables, what a public reader is shown, and
/// every dossier, organisation, agreement, milestone, meeting and rail link), remembered for the register version they were read at, per reader scope.
///
/// Why: at a thousand times the demo a page spent seconds reading and decoding the same tens of
/// thousands of rows for every request. The register's version is the audit log's head, and
/// every change appends to the log in its own transaction, so a remembered read is used only
/// while nothing has changed; one statement (`AuditLog.head`) tells.
///
/// Used only where it is safe: by requests that read (a middleware sets `current` for GET and
/// HEAD) and only on connections the engines hand out for reading (`CancellableDatabase.readsOnly`),
/// never inside a transaction, whose own uncommitted changes must not be remembered.
public final class ReadMemo: Sendable {
    /// The memo of the request being served, if its reads may be remembered.
    @TaskLocal public static var current: ReadMemo?

    private struct Key: Hashable, Sendable {
        let name: any MemoKey
        let scope: ReadScope

        static func == (left: Key, right: Key) -> Bool { left.scope == right.scope && AnyHashable(left.name) == AnyHashable(right.name) }
        func hash(into hasher: inout Hasher) {
            hasher.combine(AnyHashable(name))
            hasher.combine(scope)
        }
    }

    private struct State {
        var version = -1
        var values: [Key: any Sendable] = [:]
    }

    private let state = Mutex(State())
    /// Reads remembered at once (names × scopes); beyond it the memo starts again.
    private let capacity: Int

    /// Hits and reads (tests check them; they are not yet exported to `/metrics`).
    public let hits = Atomic<Int>(0), misses = Atomic<Int>(0)

    /// An empty memo keeping at most `capacity` reads.
    public init(capacity: Int = 64) { self.capacity = capacity }

    /// The value remembered under `name` for `scope` at `version`, or `read()`'s, then remembered.
    /// A read at an older version than the newest seen is returned but not kept.
    func value<T: Sendable>(_ name: some MemoKey, scope: ReadScope, version: Int, read: () async throws -> T) async throws -> T {
        let key = Key(name: name, scope: scope)
        let remembered: T? = state.withLock { state in state.version == version ? state.values[key] as? T : nil }
        if let remembered {
            hits.add(1, ordering: .relaxed)
            return remembered
        }
        misses.add(1, ordering: .relaxed)
        let value = try await read()
        state.withLock { state in
            if version > state.version { state = State(version: version) }
            guard version == state.version else { return }
            if state.values.count >= capacity { state.values = [:] }
            state.values[key] = value
        }
        return value
    }
}

/// The name of a remembered value: a case of an enum of the module that remembers it, whose
/// associated values are everything the value depends on besides the register's version and the
/// reader's scope. A value that depends on the language or the day must say so in its case
/// (`PageRead.dossierSummaries(language:day:)`), so it cannot be given for another.
public protocol MemoKey: Hashable, Sendable {}

/// The store's whole-table reads.
public enum StoreRead: MemoKey {
    case organisations, dossiers, lookupTables, agreements, milestones, meetings, railLinks, shownRecords
}

extension Register {
    /// `read()`, remembered in the request's memo when this register reads on a read connection:
    /// for reads and values derived from the register and the scope, and from what `name`'s
    /// associated values say (a language, a day).
    public func remembered<T: Sendable>(_ name: some MemoKey, _ read: () async throws -> T) async throws -> T {
        guard let memo = ReadMemo.current, (db as? CancellableDatabase)?.readsOnly == true else { return try await read() }
        let version: Int
        if let known = versionCache.value.withLock({ $0 }) {
            version = known
        } else {
            version = try await AuditLog(db: db).head()
            versionCache.value.withLock { $0 = version }
        }
        return try await memo.value(name, scope: scope, version: version, read: read)
    }
}

/// The register version a register view read once (a page's reads share one version).
final class RegisterVersionCache: Sendable {
    let value = Mutex<Int?>(nil)
}
