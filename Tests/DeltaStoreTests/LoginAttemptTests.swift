import DeltaDomain
import DeltaStore
import Foundation
import Testing

/// Sign-in attempts are counted before the password is checked, atomically: 40 parallel
/// attempts each see a different number of earlier ones, so no more than the throttle allows
/// get their password checked (issue “Proven under load”: all 39 wrong passwords used to be tried).
@Suite("Login attempts under concurrency")
struct LoginAttemptTests {
    @Test("40 parallel attempts see 0 … 39 earlier failures, and the key ends locked", arguments: allEngines)
    func parallelAttempts(kind: EngineKind) async throws {
        try await withDatabase(kind) { database in
            let engine = database.engine
            let now = Date(timeIntervalSince1970: 1_790_000_000)
            let throttle = LoginThrottle()
            let seen = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<40 {
                    group.addTask {
                        try await engine.transaction { db in
                            try await AccountStore(db: db).countAttempt(key: "account:anna", now: now, throttle: throttle).earlierFailures
                        }
                    }
                }
                var all: [Int] = []
                for try await value in group { all.append(value) }
                return all
            }
            #expect(seen.sorted() == Array(0..<40), "each attempt saw the ones counted before it")
            let checked = seen.filter { $0 < throttle.lockAfter }.count
            #expect(checked == throttle.lockAfter, "only \(throttle.lockAfter) attempts reach the password check")
            let state = try await engine.read { db in try await AccountStore(db: db).failures(key: "account:anna", now: now, throttle: throttle) }
            #expect(state.count == 40)
            #expect(state.lockedUntil != nil, "the key is locked")
        }
    }

    @Test("a success gives its attempt back, with a lock it set on the way", arguments: allEngines)
    func forgiven(kind: EngineKind) async throws {
        try await withDatabase(kind) { database in
            let now = Date(timeIntervalSince1970: 1_790_000_000)
            var rules = LoginThrottle()
            rules.lockAfter = 2
            let throttle = rules
            let after = try await database.engine.transaction { db in
                let store = AccountStore(db: db)
                _ = try await store.countAttempt(key: "address:10.0.0.1", now: now, throttle: throttle)
                let second = try await store.countAttempt(key: "address:10.0.0.1", now: now, throttle: throttle)
                #expect(second.earlierFailures == 1)
                try await store.forgiveAttempt(key: "address:10.0.0.1", throttle: throttle)
                return try await store.failures(key: "address:10.0.0.1", now: now, throttle: throttle)
            }
            #expect(after.count == 1)
            #expect(after.lockedUntil == nil, "the successful attempt's lock is lifted")
        }
    }
}
