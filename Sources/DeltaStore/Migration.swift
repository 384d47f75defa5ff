import SQLKit

/// A numbered, append-only schema change. Never edit a released migration: add a new one.
public struct Migration: Sendable {
    public let version: Int
    public let name: String
    /// Portable SQL statements (the same text runs on SQLite and PostgreSQL).
    public let statements: [String]
    /// Statements for one engine, run after the portable ones: only where the engines differ in
    /// kind, not in spelling (full-text search is an FTS5 table on one and a `tsvector` on the other).
    public let engineStatements: [EngineKind: [String]]
    /// Work on the data that SQL alone cannot do (turning free-text names into references), run
    /// in the same transaction after the statements. It must use raw SQL of its own version of
    /// the schema, never today's repositories, so that it means the same thing forever.
    let dataStep: (@Sendable (any SQLDatabase) async throws -> Void)?

    init(version: Int, name: String, statements: [String], engineStatements: [EngineKind: [String]] = [:],
         dataStep: (@Sendable (any SQLDatabase) async throws -> Void)? = nil) {
        self.version = version
        self.name = name
        self.statements = statements
        self.engineStatements = engineStatements
        self.dataStep = dataStep
    }
}
