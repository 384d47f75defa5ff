import DeltaStore
import SQLKit
import Testing

@Suite("Migrations")
struct MigrationTests {
    @Test("a fresh database gets every migration in order, a second run applies nothing", arguments: allEngines)
    func migratesOnceAndIsIdempotent(kind: EngineKind) async throws {
        try await withDatabase(kind, migrated: false) { database in
            let first = try await Migrator.migrate(database.engine)
            #expect(first == Migrator.migrations.map(\.version))
            #expect(Migrator.migrations.map(\.version) == [1, 2, 3])

            let second = try await Migrator.migrate(database.engine)
            #expect(second == [], "running the migrations again must apply nothing")

            let recorded = try await database.engine.read { db in
                try await db.raw("SELECT version, name, applied_at FROM schema_migrations ORDER BY version").all()
                    .map { row in
                        (version: try row.decode(column: "version", as: Int.self),
                         name: try row.decode(column: "name", as: String.self),
                         appliedAt: try row.decode(column: "applied_at", as: String.self))
                    }
            }
            #expect(recorded.map(\.version) == [1, 2, 3])
            #expect(recorded.map(\.name) == ["register", "accounts-and-audit", "meetings-agenda-minutes"])
            #expect(!recorded.map(\.appliedAt).contains(""))

            // Every table of the register exists and is empty.
            let counts = try await rowCounts(database.engine)
            let empty = Dictionary(uniqueKeysWithValues: allTables.map { ($0, 0) })
            #expect(counts == empty)
        }
    }

    @Test("migrating a database that holds data keeps the data", arguments: allEngines)
    func migratingAgainKeepsData(kind: EngineKind) async throws {
        try await withDatabase(kind) { database in
            try await Demo.importInto(database.engine)
            let before = try await rowCounts(database.engine)
            #expect(try await Migrator.migrate(database.engine) == [])
            #expect(try await rowCounts(database.engine) == before)
        }
    }

    @Test("two instances migrating the same database at once apply each migration exactly once", arguments: allEngines)
    func concurrentMigrations(kind: EngineKind) async throws {
        try await withDatabase(kind, migrated: false) { database in
            let other = try await database.openAnotherEngine()
            do {
                let engine = database.engine
                async let mine = Migrator.migrate(engine)
                async let theirs = Migrator.migrate(other)
                let applied = try await [mine, theirs]
                let all = applied.flatMap { $0 }
                #expect(all == [1, 2, 3], "applied: \(applied)")
                let versions = try await engine.read { db in
                    try await db.raw("SELECT version FROM schema_migrations").all()
                        .map { try $0.decode(column: "version", as: Int.self) }
                }
                #expect(versions == [1, 2, 3])
                await other.shutdown()
            } catch {
                await other.shutdown()
                throw error
            }
        }
    }
}
