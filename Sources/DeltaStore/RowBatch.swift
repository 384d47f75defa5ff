import SQLKit

/// Rows on their way into the database (built and written inside the store; opaque outside it).
///
/// Rows to insert, per table in the order the tables were first given, written with multi-row
/// INSERT statements.
///
/// Why: an import of a large register wrote every row with its own statement, and each statement
/// is a round trip through the database driver's thread pool. One statement per few hundred rows
/// makes the writing cost proportional to the data instead of to the statement count.
public struct RowBatch: Sendable {
    /// Bind parameters per statement, below both engines' limits (SQLite 32 766, PostgreSQL 65 535).
    static let bindsPerStatement = 30_000
    /// At most this many rows per statement, so a statement's text stays small.
    static let rowsPerStatement = 500

    private var order: [String] = []
    private var rows: [String: [EncodedRow]] = [:]

    /// How many rows are waiting.
    private(set) var count = 0

    /// Adds a row for `table`; rows of one table must all have the same columns.
    mutating func add(_ row: some Encodable & Sendable, to table: String) {
        if rows[table] == nil { order.append(table) }
        rows[table, default: []].append(EncodedRow(row: row))
        count += 1
    }

    /// Removes and returns the rows waiting for `table` (a save that updates its own row).
    mutating func take(_ table: String) -> [EncodedRow] {
        let taken = rows.removeValue(forKey: table) ?? []
        order.removeAll { $0 == table }
        count -= taken.count
        return taken
    }

    /// Inserts every waiting row, table by table in the order given, and empties the batch.
    mutating func write(on db: any SQLDatabase) async throws {
        for table in order {
            guard let tableRows = rows[table], let first = tableRows.first else { continue }
            let columns = try RowCoding.encoder.encode(first).count
            let perStatement = max(1, min(Self.rowsPerStatement, Self.bindsPerStatement / max(columns, 1)))
            var start = 0
            while start < tableRows.count {
                let end = min(start + perStatement, tableRows.count)
                try await db.insert(into: table).models(Array(tableRows[start..<end]), with: RowCoding.encoder).run()
                start = end
            }
        }
        order = []
        rows = [:]
        count = 0
    }
}

/// A row of any type, encoded as itself (a table's rows share one type in practice).
struct EncodedRow: Encodable, Sendable {
    let row: any Encodable & Sendable
    func encode(to encoder: any Encoder) throws { try row.encode(to: encoder) }
}
