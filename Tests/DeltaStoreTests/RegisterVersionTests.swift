import DeltaStore
import Foundation
import SQLKit
import Testing

/// The register version that pages are kept by: an engine sees its own changes at once and another
/// instance's as soon as the database announces them (PostgreSQL: migration 9 and `VersionNotices`).
@Suite("The register version")
struct RegisterVersionTests {
    static let actor = AuditActor(name: "tester", via: "session")

    static func change(_ engine: any DatabaseEngine, id: String) async throws {
        try await engine.transaction { db in
            _ = try await AuditLog(db: db).append(actor: actor, kind: "dossier", id: id, action: "test", changes: [])
        }
    }

    @Test("an engine's version follows its own changes at once and another instance's once announced", arguments: allEngines)
    func follows(kind: EngineKind) async throws {
        try await withDatabase(kind) { database in
            let engine = database.engine
            let first = try await engine.registerVersion()
            try await Self.change(engine, id: "own")
            let second = try await engine.registerVersion()
            #expect(second > first, "this process's own change is seen by its next read")
            if let postgres = engine as? PostgresEngine {
                // Wait (bounded) until the version is known without asking: the listener is up.
                let ready = ContinuousClock.now + .seconds(30)
                while !postgres.knowsVersion, ContinuousClock.now < ready {
                    _ = try await engine.registerVersion()
                    try await Task.sleep(for: .milliseconds(20))
                }
                try #require(postgres.knowsVersion, "the version channel is listened to")
                #expect(try await engine.registerVersion() == second)
            }
            // A second server instance on the same database changes the register.
            let other = try await database.openAnotherEngine()
            try await Self.change(other, id: "other")
            let expected = try await other.registerVersion()
            await other.shutdown()
            var seen = try await engine.registerVersion()
            let deadline = ContinuousClock.now + .seconds(30)
            while seen != expected, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(20))
                seen = try await engine.registerVersion()
            }
            #expect(seen == expected, "the other instance's change is seen (PostgreSQL: through its announcement)")
        }
    }

    @Test("a version is remembered only while listening, only if no change was announced since it was read, and only for its lifetime")
    func notices() async throws {
        let notices = VersionNotices(lifetime: .milliseconds(200))
        notices.remember(3, readAt: notices.generation)
        #expect(notices.known == nil, "not listening: never remembered")
        notices.listening(true)
        let before = notices.generation
        notices.changed()
        notices.remember(4, readAt: before)
        #expect(notices.known == nil, "read before a change was announced")
        notices.remember(5, readAt: notices.generation)
        #expect(notices.known == 5)
        notices.changed()
        #expect(notices.known == nil, "forgotten at an announcement")
        notices.remember(6, readAt: notices.generation)
        try await Task.sleep(for: .milliseconds(300))
        #expect(notices.known == nil, "forgotten after its lifetime, announcements or not")
        notices.remember(7, readAt: notices.generation)
        notices.listening(false)
        #expect(notices.known == nil, "forgotten when listening stops")
    }
}
