import SQLKit

/// Brings a database to the current schema. Safe to run on every start and from several
/// server instances at once: each migration runs in its own transaction and is recorded in
/// `schema_migrations`; PostgreSQL takes an advisory lock so two instances do not race.
public enum Migrator {
    /// All migrations in order.
    public static let migrations: [Migration] = [Schema.v1, Schema.v2, Schema.v3, Schema.v4, Schema.v5, Schema.v6, Schema.v7, Schema.v8, Schema.v9]

    /// Applies the migrations not yet recorded; returns the versions applied.
    @discardableResult
    public static func migrate(_ engine: any DatabaseEngine) async throws -> [Int] {
        try await migrate(engine, upTo: migrations.last?.version ?? 0)
    }

    /// Applies the migrations not yet recorded up to `version` (tests bring a database to an
    /// older schema this way, to prove a later migration keeps what an older version stored).
    @discardableResult
    public static func migrate(_ engine: any DatabaseEngine, upTo version: Int) async throws -> [Int] {
        try await engine.transaction { db in
            if engine.kind == .postgres {
                try await db.raw("SELECT pg_advisory_xact_lock(4242001)").run()
            }
            try await db.raw("""
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)
                """).run()
            let rows = try await db.raw("SELECT version FROM schema_migrations").all()
            let applied = Set(try rows.map { try $0.decode(column: "version", as: Int.self) })
            var done: [Int] = []
            for migration in migrations where !applied.contains(migration.version) && migration.version <= version {
                for statement in migration.statements + (migration.engineStatements[engine.kind] ?? []) {
                    try await db.raw(SQLQueryString(statement)).run()
                }
                try await migration.dataStep?(db)
                try await db.insert(into: "schema_migrations")
                    .columns("version", "name", "applied_at")
                    .values(SQLBind(migration.version), SQLBind(migration.name), SQLBind(Timestamp.now()))
                    .run()
                done.append(migration.version)
            }
            // The search index is derived from the records: after its own migration, and after any
            // later one (which may change what is indexed), it is rebuilt from what is stored, in
            // the same transaction. Only once the schema is complete, since it reads every table.
            if version >= (migrations.last?.version ?? 0), done.contains(where: { $0 >= Schema.v6.version }) {
                try await SearchIndex(db: db).rebuild()
            }
            return done
        }
    }

    /// The versions this program knows that the database has not applied: empty when it is ready.
    /// Throws when the database does not answer.
    public static func pending(_ db: any SQLDatabase) async throws -> [Int] {
        let known = migrations.map(\.version)
        _ = try await db.raw("SELECT 1 AS one").first()
        // The database answers; without the table no migration was ever applied.
        let rows: [any SQLRow]
        do { rows = try await db.raw("SELECT version FROM schema_migrations").all() } catch { return known }
        let applied = Set(try rows.map { try $0.decode(column: "version", as: Int.self) })
        return known.filter { !applied.contains($0) }
    }
}
