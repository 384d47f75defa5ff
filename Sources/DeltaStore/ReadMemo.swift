import DeltaDomain
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
    /// Whether this task is reading a value to remember (inside `value`'s `read`): what it reads
    /// then is an ingredient of that value.
    @TaskLocal private static var readingAnother = false

    private struct Key: Hashable, Sendable {
        let name: any MemoKey
        let scope: ReadScope

        static func == (left: Key, right: Key) -> Bool { left.scope == right.scope && AnyHashable(left.name) == AnyHashable(right.name) }
        func hash(into hasher: inout Hasher) {
            hasher.combine(AnyHashable(name))
            hasher.combine(scope)
        }
    }

    /// A read of one name and scope at one version.
    private struct Reading: Hashable, Sendable {
        let key: Key
        let version: Int
    }

    /// A remembered value, when a request last used it, and whether a request used it for itself
    /// rather than only to read another remembered value (`forget(unusedFor:ingredientsUnusedFor:now:)`).
    private struct Entry {
        let value: any Sendable
        var used: ContinuousClock.Instant
        var direct: Bool
    }

    private struct State {
        var version = -1
        var values: [Key: Entry] = [:]
    }

    private let state = Mutex(State())
    /// The reads in progress: one per name, scope and version.
    private let reads = SingleFlight<Reading, any Sendable>()
    /// Reads remembered at once (names × scopes); beyond it the memo starts again.
    private let capacity: Int

    /// Hits, reads, and requests that waited for another's read instead of reading (tests check
    /// them; they are not yet exported to `/metrics`).
    public let hits = Atomic<Int>(0), misses = Atomic<Int>(0), joined = Atomic<Int>(0)

    /// An empty memo keeping at most `capacity` reads.
    public init(capacity: Int = 128) { self.capacity = capacity }

    /// The value remembered under `name` for `scope` at `version`, or `read()`'s, then remembered.
    /// A read at an older version than the newest seen is returned but not kept.
    ///
    /// One read at a time per name, scope and version (`SingleFlight`): requests that ask while it
    /// runs wait for it and share its value. A read that fails (its request was cancelled, say)
    /// hands the work to one of the waiters; a waiter that is cancelled stops waiting.
    ///
    /// A value asked for inside another value's `read` is an ingredient of it until a request asks
    /// for it for itself (`forget(unusedFor:ingredientsUnusedFor:now:)` forgets ingredients sooner).
    package func value<T: Sendable>(_ name: some MemoKey, scope: ReadScope, version: Int, read: () async throws -> T) async throws -> T {
        let key = Key(name: name, scope: scope)
        let reading = Reading(key: key, version: version)
        let direct = !Self.readingAnother
        while true {
            try Task.checkCancellation()
            let remembered: T? = state.withLock { state in
                guard state.version == version, let value = state.values[key]?.value as? T else { return nil }
                state.values[key]?.used = .now
                if direct { state.values[key]?.direct = true }
                return value
            }
            if let remembered {
                hits.add(1, ordering: .relaxed)
                return remembered
            }
            switch await reads.turn(for: reading) {
            case .lead:
                misses.add(1, ordering: .relaxed)
                let value: T
                do {
                    value = try await Self.$readingAnother.withValue(true) { try await read() }
                } catch {
                    reads.finish(reading, with: nil)
                    throw error
                }
                state.withLock { state in
                    if version > state.version { state = State(version: version) }
                    guard version == state.version else { return }
                    if state.values.count >= capacity { state.values = [:] }
                    state.values[key] = Entry(value: value, used: .now, direct: direct)
                }
                reads.finish(reading, with: value)
                return value
            case .shared(let value as T):
                joined.add(1, ordering: .relaxed)
                if direct { state.withLock { state in if state.version == version { state.values[key]?.direct = true } } }
                return value
            case .shared, .alone:
                // The read failed or this request was cancelled: look again, and maybe read.
                continue
            }
        }
    }

    /// Forgets the values no request has used for `unused` or longer (as of `now`), and those
    /// only ever read to read another remembered value (ingredients) unused for `ingredients` or
    /// longer; returns how many it forgot. A request that needs one again reads it again.
    ///
    /// Why: at a thousand times the demo the remembered reads hold about 100 MB. While the pages
    /// that needed them are answered from the page cache, nothing uses them
    /// (`ReadMemoSweeper` calls this when the server holds more than its memory budget).
    /// Ingredients go sooner: the first dossier page at that size reads every milestone and every
    /// dossier's standing for its map's colours, remembered as one value (`PageRead.network`);
    /// unused after it, they held 23 MB for up to twenty seconds.
    @discardableResult
    public func forget(unusedFor unused: Duration, ingredientsUnusedFor ingredients: Duration? = nil,
                       now: ContinuousClock.Instant = .now) -> Int {
        let ingredients = min(ingredients ?? unused, unused)
        return state.withLock { state in
            let before = state.values.count
            state.values = state.values.filter { now - $0.value.used < ($0.value.direct ? unused : ingredients) }
            return before - state.values.count
        }
    }

    /// How many values are remembered now.
    public var count: Int { state.withLock { $0.values.count } }

    /// Requests waiting for another's read now (tests wait for them).
    package var waiting: Int { reads.waiting }
}

/// The name of a remembered value: a case of an enum of the module that remembers it, whose
/// associated values are everything the value depends on besides the register's version and the
/// reader's scope. A value that depends on the language or the day must say so in its case
/// (`PageRead.dossierStandings(day:)`), so it cannot be given for another.
public protocol MemoKey: Hashable, Sendable {}

/// The store's whole-table reads.
public enum StoreRead: MemoKey {
    case lookupTables, agreements, milestones, meetings, railLinks, shownRecords
    /// A whole kind (or the lookup tables) as one reader's scope gives it (`Register.scoped`).
    indirect case scoped(StoreRead)
}

extension Register {
    /// `read()`, remembered in the request's memo when this register reads on a read connection:
    /// for reads and values derived from the register and the scope, and from what `name`'s
    /// associated values say (a language, a day).
    public func remembered<T: Sendable>(_ name: some MemoKey, _ read: () async throws -> T) async throws -> T {
        guard let memo = ReadMemo.current, (db as? CancellableDatabase)?.readsOnly == true else { return try await read() }
        let db = db
        let version = try await versionCache.value { try await AuditLog(db: db).head() }
        return try await memo.value(name, scope: scope, version: version, read: read)
    }
}

extension Register {
    /// A whole kind as this reader may see it (`read` gives it as this view's statements filter it,
    /// before what a public reader is shown), remembered in the request's memo once for every
    /// reader: read with every visibility, then filtered here with the reader's scope
    /// (`ReadScope.allows`, the rule the statements apply) and what a public reader is shown, and
    /// that remembered for the reader's scope (`StoreRead.scoped`).
    ///
    /// Why: remembered per scope, a thousand times the demo held its decoded records once for
    /// the public and once more for each kind of official. A scope's records are the remembered
    /// array itself when it leaves nothing out and changes nothing (`Array.kept`), and otherwise
    /// share the records' texts. Filtering on every request took 5–20 ms of a page at that size
    /// (a meeting page filtered every dossier and organisation).
    func rememberedKind<R: StoredRecord & Visible>(_ name: StoreRead, _ rule: (ShownRecords) -> (R) -> R?,
                                                   read: (Register) async throws -> [R]) async throws -> [R] {
        guard ReadMemo.current != nil, (db as? CancellableDatabase)?.readsOnly == true else { return try await showing(try await read(self), rule) }
        if scope == .everything { return try await remembered(name) { try await read(self) } }
        let everything = Register(db: db, scope: .everything, versionCache: versionCache)
        return try await remembered(StoreRead.scoped(name)) {
            try await scoped(try await withShownAlongside { try await everything.remembered(name) { try await read(everything) } }, rule)
        }
    }

    /// `body()`, with what a public reader is shown (`shownRecords`) read beside it, on another
    /// reader connection when one is free (`beside`), when this reader is shown public records
    /// only and `body` reads what is then filtered.
    ///
    /// Why: the whole kinds and the shown records were read one after the other on the first
    /// request after a start or a change; the shown records alone took 0.8 s of the first
    /// overview at a thousand times the demo. Both are remembered (`ReadMemo`), so a later
    /// `showing` finds them read.
    func withShownAlongside<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        guard showsOnlyPublic else { return try await body() }
        async let shown = beside { try await $0.shownRecords() }
        let value = try await body()
        _ = try await shown
        return value
    }

    /// `read` on a view of this register on another reader connection at the same register
    /// version (`BesideReader`), sharing this view's version and shown records, when the read is
    /// remembered (`ReadMemo`) and the engine has a reader free; otherwise on this view.
    ///
    /// Why: a page's first reads after a start or a change are started side by side (`async let`)
    /// so that they decode on two cores; on one SQLite connection their statements take turns.
    /// Only remembered reads: what a request reads for itself stays on its one connection.
    func beside<T: Sendable>(_ read: @escaping @Sendable (Register) async throws -> T) async throws -> T {
        guard ReadMemo.current != nil, let database = db as? CancellableDatabase, database.readsOnly, let reader = database.beside else {
            return try await read(self)
        }
        let db = db
        let version = try await versionCache.value { try await AuditLog(db: db).head() }
        let (scope, versionCache, shownCache) = (scope, versionCache, shownCache)
        if let value = try await reader.readBeside(at: version, { other in
            try await read(Register(db: other, scope: scope, versionCache: versionCache, shownCache: shownCache))
        }) {
            return value
        }
        return try await read(self)
    }

    /// The records, read with every visibility, that this reader may see: the scope's visibilities
    /// (`ReadScope.allows`, the rule the statements apply), then what a public reader is shown.
    /// The one filter through which records remembered for every reader are handed out
    /// (`rememberedKind`, `lookupTables()`).
    func scoped<R: Visible>(_ records: [R], _ rule: (ShownRecords) -> (R) -> R?) async throws -> [R] {
        try await showing(records.kept { scope.allows($0.visibility) ? $0 : nil }, rule)
    }
}

/// A record with a visibility, which a reader's scope allows or not (`ReadScope.allows`).
protocol Visible: Equatable {
    var visibility: Visibility { get }
}

extension Organisation: Visible {}
extension Dossier: Visible {}
extension Body: Visible {}
extension Agreement: Visible {}
extension Milestone: Visible {}
extension Meeting: Visible {}
extension RailLink: Visible {}
