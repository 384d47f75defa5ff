import SQLKit

/// Another reader connection beside the one a read holds, so that two whole reads of one page
/// run on two cores (`Register.beside`).
///
/// Why: two statements started side by side on one SQLite connection take turns on the
/// connection's mutex for every step and every column. At a thousand times the demo the first
/// page after a start spent a fifth of its work waiting on that mutex and waking the other
/// statement, and the two reads never ran at once.
package protocol BesideReader: Sendable {
    /// `body` on a reader connection of its own, in a read transaction that sees the register at
    /// `version` (`AuditLog.head`), so what it reads belongs to the same state as the read it
    /// runs beside. Nil, without running `body`, when no reader is free (a read never waits for
    /// a second connection: requests holding one each would wait for each other) or when the
    /// register has changed since `version`.
    func readBeside<T: Sendable>(at version: Int, _ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T?
}
