import SQLKit

/// A numbered, append-only schema change. Never edit a released migration: add a new one.
public struct Migration: Sendable {
    public let version: Int
    public let name: String
    /// Portable SQL statements (the same text runs on SQLite and PostgreSQL).
    public let statements: [String]
}
