import DeltaDomain
import DeltaImport
import DeltaStore
import Foundation
import SQLKit
import Synchronization
import Testing

@Suite("Audit log and record editing")
struct AuditLogTests {
    static let actor = AuditActor(name: "anna", via: "session", address: "127.0.0.1")

    static func milestone(_ title: String, version status: MilestoneStatus = .planned) -> Milestone {
        Milestone(id: "m-test", dossierID: "3rx", title: title, due: FuzzyPeriod.parse("eind 2026")!, status: status)
    }

    /// Loads the demo register and makes three edits of one milestone.
    private func prepare(_ engine: any DatabaseEngine) async throws {
        _ = try await Demo.importInto(engine)
        try await engine.transaction { db in
            let editor = RecordEditor(db: db, actor: Self.actor)
            try await editor.save(Self.milestone("Eerste versie"), expectedVersion: nil)
            try await editor.save(Self.milestone("Tweede versie"), expectedVersion: 1)
            try await editor.save(Self.milestone("Tweede versie", version: .delayed), expectedVersion: 2)
        }
    }

    private func verify(_ engine: any DatabaseEngine) async throws -> AuditLog.Verification {
        try await engine.read { db in try await AuditLog(db: db).verify() }
    }

    private func execute(_ engine: any DatabaseEngine, _ sql: String) async throws {
        try await engine.transaction { db in try await db.raw(SQLQueryString(sql)).run() }
    }

    private func sequence(_ engine: any DatabaseEngine, action: String, id: String) async throws -> Int {
        try await engine.read { db in
            try await db.select().column("sequence").from("audit_log").where("record_id", .equal, id).where("action", .equal, action)
                .orderBy("sequence").first()!.decode(column: "sequence", as: Int.self)
        }
    }

    @Test("every import and edit is chained; field changes say what changed", arguments: allEngines)
    func chain(kind: EngineKind) async throws {
        try await withDatabase(kind) { database in
            try await prepare(database.engine)
            let result = try await verify(database.engine)
            #expect(result.firstProblem == nil)
            #expect(result.checked > 177, "the demo import is audited record by record")
            let history = try await database.engine.read { db in try await AuditLog(db: db).entries(kind: "milestone", id: "m-test") }
            #expect(history.map(\.action) == ["create", "update", "update"])
            #expect(history[1].changes == [FieldChange(field: "title", before: "Eerste versie", after: "Tweede versie")])
            #expect(history[2].changes.map(\.field) == ["status"])
            #expect(history[2].changes.first?.before == "planned")
            #expect(history[2].actor == "anna")
            #expect(history[2].address == "127.0.0.1")
            #expect(history[2].previousHash == history[1].hash)
        }
    }

    @Test("an entry altered behind the application's back is named", arguments: allEngines)
    func altered(kind: EngineKind) async throws {
        try await withDatabase(kind) { database in
            try await prepare(database.engine)
            let target = try await sequence(database.engine, action: "update", id: "m-test")
            try await execute(database.engine, "UPDATE audit_log SET actor = 'mallory' WHERE sequence = \(target)")
            let result = try await verify(database.engine)
            #expect(result.firstProblem?.sequence == target)
            #expect(result.firstProblem?.reason.contains("altered") == true)
            #expect(result.checked == target - 1)
        }
    }

    @Test("a removed entry is caught at the gap", arguments: allEngines)
    func removed(kind: EngineKind) async throws {
        try await withDatabase(kind) { database in
            try await prepare(database.engine)
            let target = try await sequence(database.engine, action: "update", id: "m-test")
            try await execute(database.engine, "DELETE FROM audit_log WHERE sequence = \(target)")
            let result = try await verify(database.engine)
            #expect(result.firstProblem?.sequence == target + 1)
            #expect(result.firstProblem?.reason.contains("missing") == true)
        }
    }

    @Test("an inserted entry with recomputed numbering still breaks the chain", arguments: allEngines)
    func inserted(kind: EngineKind) async throws {
        try await withDatabase(kind) { database in
            try await prepare(database.engine)
            let target = try await sequence(database.engine, action: "create", id: "m-test")
            // Make room and forge an entry that points at the right predecessor but with a made-up hash.
            try await execute(database.engine, "UPDATE audit_log SET sequence = sequence + 1000 WHERE sequence >= \(target)")
            try await execute(database.engine, "UPDATE audit_log SET sequence = sequence - 999 WHERE sequence >= \(target + 1000)")
            let previous = try await database.engine.read { db in
                try await db.select().column("hash").from("audit_log").where("sequence", .equal, target - 1).first()!.decode(column: "hash", as: String.self)
            }
            try await execute(database.engine, """
                INSERT INTO audit_log (sequence, at, actor, via, address, record_kind, record_id, action, changes_json, previous_hash, hash)
                VALUES (\(target), '2026-11-23T10:00:00Z', 'mallory', 'session', NULL, 'milestone', 'm-test', 'update', '[]', '\(previous)', '\(String(repeating: "a", count: 64))')
                """)
            let result = try await verify(database.engine)
            #expect(result.firstProblem?.sequence == target)
        }
    }

    @Test("remembered reads are given again only at the same register version, per scope, and never inside a transaction",
          arguments: allEngines)
    func rememberedReads(kind: EngineKind) async throws {
        try await withDatabase(kind) { database in
            try await prepare(database.engine)
            let engine = database.engine, memo = ReadMemo()
            func title(scope: ReadScope = .everything) async throws -> String? {
                try await ReadMemo.$current.withValue(memo) {
                    try await reading(engine, scope: scope) { register in try await register.milestones().first { $0.id == "m-test" }?.title }
                }
            }
            #expect(try await title() == "Tweede versie")
            #expect(try await title() == "Tweede versie")
            #expect(memo.hits.load(ordering: .relaxed) == 1 && memo.misses.load(ordering: .relaxed) == 1)
            // Another scope is another read (a public-only one also reads what it is shown).
            _ = try await title(scope: .publicOnly)
            let missesBefore = memo.misses.load(ordering: .relaxed), hitsBefore = memo.hits.load(ordering: .relaxed)
            #expect(missesBefore >= 2)
            // A change appends to the audit log, so the next read is a new one and sees it. The
            // memo is current inside the transaction too, but a transaction's reads are not remembered.
            let inside = try await ReadMemo.$current.withValue(memo) {
                try await engine.transaction { db in
                    try await RecordEditor(db: db, actor: Self.actor).save(Self.milestone("Derde versie"), expectedVersion: 3)
                    return try await Register(db: db, scope: .everything).milestones().first { $0.id == "m-test" }?.title
                }
            }
            #expect(inside == "Derde versie")
            #expect(memo.hits.load(ordering: .relaxed) == hitsBefore && memo.misses.load(ordering: .relaxed) == missesBefore)
            #expect(try await title() == "Derde versie")
            #expect(memo.misses.load(ordering: .relaxed) == missesBefore + 1)
        }
    }

    @Test("work cancelled inside a transaction stops at its next statement, and nothing of it is written", arguments: allEngines)
    func cancelled(kind: EngineKind) async throws {
        try await withDatabase(kind) { database in
            try await prepare(database.engine)
            let entriesBefore = try await verify(database.engine).checked
            let engine = database.engine
            let work = Task {
                try await engine.transaction { db in
                    try await RecordEditor(db: db, actor: Self.actor).save(Self.milestone("Afgebroken"), expectedVersion: 3)
                    // As `RequestDeadlineMiddleware` does when a request runs past its deadline.
                    withUnsafeCurrentTask { $0?.cancel() }
                    try await db.raw("SELECT 1").run()
                }
            }
            let outcome = await work.result
            var stoppedByCancellation = false
            if case .failure(let error) = outcome, error is CancellationError { stoppedByCancellation = true }
            #expect(stoppedByCancellation)
            let stored = try await reading(database.engine) { register in try await register.milestone(id: "m-test") }
            #expect(stored?.title == "Tweede versie")
            #expect(try await verify(database.engine).checked == entriesBefore)
            // The connection is usable afterwards: the next transaction commits.
            _ = try await database.engine.transaction { db in
                try await RecordEditor(db: db, actor: Self.actor).save(Self.milestone("Daarna"), expectedVersion: 3)
            }
            let after = try await reading(database.engine) { register in try await register.milestone(id: "m-test") }
            #expect(after?.title == "Daarna")
        }
    }

    @Test("saving over a newer version is refused and writes nothing", arguments: allEngines)
    func conflict(kind: EngineKind) async throws {
        try await withDatabase(kind) { database in
            try await prepare(database.engine)
            let entriesBefore = try await verify(database.engine).checked
            var caught: StoreError?
            do {
                _ = try await database.engine.transaction { db in
                    try await RecordEditor(db: db, actor: Self.actor).save(Self.milestone("Verouderd"), expectedVersion: 1)
                }
            } catch let error as StoreError {
                caught = error
            }
            #expect(caught == .conflict(kind: "milestone", id: "m-test", currentVersion: 3))
            let stored = try await reading(database.engine) { register in try await register.milestone(id: "m-test") }
            #expect(stored?.title == "Tweede versie")
            let entriesAfter = try await verify(database.engine).checked
            #expect(entriesAfter == entriesBefore)
            // Creating an id that exists is refused too.
            var duplicate: StoreError?
            do {
                _ = try await database.engine.transaction { db in
                    try await RecordEditor(db: db, actor: Self.actor).save(Self.milestone("Nogmaals"), expectedVersion: nil)
                }
            } catch let error as StoreError {
                duplicate = error
            }
            #expect(duplicate == .duplicate(kind: "milestone", id: "m-test"))
        }
    }

    @Test("saving an unchanged record keeps its version and adds no entry", arguments: allEngines)
    func unchanged(kind: EngineKind) async throws {
        try await withDatabase(kind) { database in
            try await prepare(database.engine)
            let before = try await verify(database.engine).checked
            let version = try await database.engine.transaction { db in
                try await RecordEditor(db: db, actor: Self.actor).save(Self.milestone("Tweede versie", version: .delayed), expectedVersion: 3)
            }
            #expect(version == 3)
            let after = try await verify(database.engine).checked
            #expect(after == before)
        }
    }
}

@Suite("Accounts, sessions, tokens and throttling")
struct AccountStoreTests {
    static let anna = Account(id: "anna", displayName: "Anna", delegation: "NL", role: .editor, editsBodyIDs: ["werkgroep-3rx"])

    @Test("sessions expire after inactivity, end at sign-out and when the account is disabled", arguments: allEngines)
    func sessions(kind: EngineKind) async throws {
        try await withDatabase(kind) { database in
            let engine = database.engine
            let start = Date(timeIntervalSince1970: 1_800_000_000)
            let started = try await engine.transaction { db in
                let store = AccountStore(db: db)
                try await store.create(Self.anna, passwordHash: "x", now: start)
                return try await store.startSession(accountID: "anna", now: start, idleSeconds: 600)
            }
            // As the identity middleware does: a read, and a write only when the use is due.
            func lookup(_ id: String, at seconds: Double) async throws -> AccountStore.Session? {
                let now = start.addingTimeInterval(seconds)
                guard let session = try await engine.read({ db in try await AccountStore(db: db).session(id: id, now: now) }) else { return nil }
                if session.isDueForRenewal(at: now) {
                    try await engine.transaction { db in try await AccountStore(db: db).renew(session, now: now, idleSeconds: 600) }
                }
                return session
            }
            func lastSeen() async throws -> Int? {
                try await engine.read { db in
                    try await db.select().column("last_seen_at").from("sessions").where("id_hash", .equal, Secrets.sha256(started.id)).first()?
                        .decode(column: "last_seen_at", as: Int.self)
                }
            }
            let justStarted = try await lookup(started.id, at: 30)
            #expect(justStarted?.isDueForRenewal(at: start.addingTimeInterval(30)) == false)
            let unchanged = try await lastSeen()
            #expect(unchanged == 1_800_000_000, "a use within the minute is not written")
            let early = try await lookup(started.id, at: 300)
            #expect(early?.account.id == "anna")
            #expect(early?.csrfToken == started.csrfToken)
            let written = try await lastSeen()
            #expect(written == 1_800_000_300, "a use after a minute is written")
            // A second renewal within the minute (another request that read the old time) writes nothing.
            if let early { try await engine.transaction { db in try await AccountStore(db: db).renew(early, now: start.addingTimeInterval(320), idleSeconds: 600) } }
            let once = try await lastSeen()
            #expect(once == 1_800_000_300, "renewed once, not again within the minute")
            // Used at 300 s, so it lives until 900 s.
            let extended = try await lookup(started.id, at: 850)
            #expect(extended != nil)
            let expired = try await lookup(started.id, at: 850 + 601)
            #expect(expired == nil)
            let unknown = try await lookup("not-a-session", at: 1)
            #expect(unknown == nil)
            // The database holds only a hash of the session id.
            let stored = try await engine.read { db in
                try await db.select().column("id_hash").from("sessions").all().map { try $0.decode(column: "id_hash", as: String.self) }
            }
            #expect(!stored.contains(started.id))
            #expect(stored.contains(Secrets.sha256(started.id)))

            let second = try await engine.transaction { db in try await AccountStore(db: db).startSession(accountID: "anna", now: start, idleSeconds: 600) }
            try await engine.transaction { db in
                var disabled = Self.anna
                disabled.disabled = true
                try await AccountStore(db: db).update(disabled)
            }
            let afterDisable = try await lookup(second.id, at: 10)
            #expect(afterDisable == nil)
        }
    }

    @Test("tokens are stored hashed, found by their secret, and dead once revoked", arguments: allEngines)
    func tokens(kind: EngineKind) async throws {
        try await withDatabase(kind) { database in
            let engine = database.engine
            let now = Date()
            let created = try await engine.transaction { db in
                let store = AccountStore(db: db)
                try await store.create(Self.anna, passwordHash: "x", now: now)
                return try await store.createToken(accountID: "anna", name: "script", now: now)
            }
            let found = try await engine.read { db in try await AccountStore(db: db).account(forToken: created.secret) }
            #expect(found?.account.id == "anna")
            #expect(found?.lastUsedAt == nil)
            #expect(AccountStore.isTokenUseDue(lastUsedAt: nil, now: now))
            // The last use is written at most once a minute, even when two requests both decide to write.
            let used = Date(timeIntervalSince1970: 1_800_000_000)
            try await engine.transaction { db in try await AccountStore(db: db).touchToken(id: created.info.id, now: used) }
            try await engine.transaction { db in try await AccountStore(db: db).touchToken(id: created.info.id, now: used.addingTimeInterval(30)) }
            let afterTouch = try await engine.read { db in try await AccountStore(db: db).account(forToken: created.secret) }
            #expect(afterTouch?.lastUsedAt == used)
            #expect(!AccountStore.isTokenUseDue(lastUsedAt: afterTouch?.lastUsedAt, now: used.addingTimeInterval(59)))
            #expect(AccountStore.isTokenUseDue(lastUsedAt: afterTouch?.lastUsedAt, now: used.addingTimeInterval(60)))
            try await engine.transaction { db in try await AccountStore(db: db).touchToken(id: created.info.id, now: used.addingTimeInterval(61)) }
            let later = try await engine.read { db in try await AccountStore(db: db).account(forToken: created.secret) }
            #expect(later?.lastUsedAt == used.addingTimeInterval(61))
            let revoked = try await engine.transaction { db in try await AccountStore(db: db).revokeToken(id: created.info.id, accountID: "anna", now: now) }
            #expect(revoked)
            let afterRevoke = try await engine.read { db in try await AccountStore(db: db).account(forToken: created.secret) }
            #expect(afterRevoke == nil)
            let listed = try await engine.read { db in try await AccountStore(db: db).tokens(accountID: "anna") }
            #expect(listed.first?.revokedAt != nil)
        }
    }

    @Test("failures lock a key at the limit and are forgotten after a success", arguments: allEngines)
    func throttling(kind: EngineKind) async throws {
        try await withDatabase(kind) { database in
            let engine = database.engine
            let throttle = LoginThrottle()
            let now = Date(timeIntervalSince1970: 1_800_000_000)
            for _ in 0..<throttle.lockAfter {
                try await engine.transaction { db in try await AccountStore(db: db).recordFailure(key: "account:anna", now: now, throttle: throttle) }
            }
            let state = try await engine.read { db in try await AccountStore(db: db).failures(key: "account:anna", now: now, throttle: throttle) }
            #expect(state.count == throttle.lockAfter)
            let decision = throttle.decide(failures: state.count, lockedUntil: state.lockedUntil, now: now.timeIntervalSince1970 + 60)
            #expect(decision == .locked)
            let later = throttle.decide(failures: state.count, lockedUntil: state.lockedUntil, now: now.timeIntervalSince1970 + Double(throttle.lockMinutes * 60 + 1))
            #expect(later != .locked)
            try await engine.transaction { db in try await AccountStore(db: db).clearFailures(key: "account:anna") }
            let cleared = try await engine.read { db in try await AccountStore(db: db).failures(key: "account:anna", now: now, throttle: throttle) }
            #expect(cleared.count == 0)
        }
    }
}
