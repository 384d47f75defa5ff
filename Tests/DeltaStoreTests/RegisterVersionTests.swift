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
}
