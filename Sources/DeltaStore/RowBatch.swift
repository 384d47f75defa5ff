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

    /// A table's rows, encoded when added: the encoding is pure work that can be done away from
    /// the database connection (see `Pipeline`), and writing then only builds the statements.
    struct TableRows: Sendable {
        var columns: [String]
        var rows: [[MultiRowInsert.Value]] = []
    }

    private var order: [String] = []
    private var tables: [String: TableRows] = [:]
    /// The first row that could not be encoded; `write` throws it, so nothing is half-written.
    private var failure: (any Error)?

    /// How many rows are waiting.
    private(set) var count = 0

    /// Adds a row for `table`; rows of one table must all have the same columns.
    mutating func add(_ row: some Encodable & Sendable, to table: String) {
        count += 1
        do {
            let encoded = try RowCoding.encoder.encode(row)
            guard var rows = tables.removeValue(forKey: table) else {
                order.append(table)
                tables[table] = TableRows(columns: encoded.map(\.0), rows: [encoded.map { MultiRowInsert.Value($0.1) }])
                return
            }
            // SQLInsertBuilder.models checks this too: a row of other columns is a bug.
            guard encoded.count == rows.columns.count, zip(encoded, rows.columns).allSatisfy({ $0.0 == $1 }) else {
                tables[table] = rows
                throw EncodingError.invalidValue(row, .init(codingPath: [], debugDescription: "a row for \(table) with other columns"))
            }
            rows.rows.append(encoded.map { MultiRowInsert.Value($0.1) })
            tables[table] = rows
        } catch {
            if failure == nil { failure = error }
        }
    }

    /// Removes and returns the rows waiting for `table`, each as its columns and values (a save
    /// that updates its own row).
    mutating func take(_ table: String) throws -> [[(column: String, value: any SQLExpression)]] {
        if let failure { throw failure }
        guard let taken = tables.removeValue(forKey: table) else { return [] }
        order.removeAll { $0 == table }
        count -= taken.rows.count
        return taken.rows.map { Array(zip(taken.columns, $0.map(\.expression))) }
    }

    /// Inserts every waiting row, table by table in the order given, and empties the batch.
    mutating func write(on db: any SQLDatabase) async throws {
        if let failure { throw failure }
        for table in order {
            guard let waiting = tables[table], !waiting.rows.isEmpty else { continue }
            let perStatement = max(1, min(Self.rowsPerStatement, Self.bindsPerStatement / max(waiting.columns.count, 1)))
            var start = 0
            while start < waiting.rows.count {
                let end = min(start + perStatement, waiting.rows.count)
                try await db.execute(sql: MultiRowInsert(table: table, columns: waiting.columns, rows: waiting.rows[start..<end])) { _ in }
                start = end
            }
        }
        order = []
        tables = [:]
        count = 0
    }
}

/// `INSERT INTO table (columns) VALUES (…), (…)` written straight into the statement.
///
/// Why not `SQLInsertBuilder`: it nests a list, a group and a bind expression per value, each
/// serialized through its own existential call, and asks the database for its dialect at every
/// bind; for an import that was a tenth of the time. The statement and its binds are the same.
struct MultiRowInsert: SQLExpression {
    let table: String
    let columns: [String]
    let rows: ArraySlice<[Value]>

    /// A value to insert: a bind, or any other expression (NULL). Told apart when the row is
    /// encoded (in a `Pipeline`'s preparing task), not while the statement is written.
    enum Value: Sendable {
        case bind(any Encodable & Sendable)
        case expression(any SQLExpression)

        init(_ expression: any SQLExpression) {
            if let bind = expression as? SQLBind { self = .bind(bind.encodable) } else { self = .expression(expression) }
        }

        var expression: any SQLExpression {
            switch self {
            case .bind(let value): SQLBind(value)
            case .expression(let expression): expression
            }
        }
    }

    func serialize(to serializer: inout SQLSerializer) {
        let dialect = serializer.dialect
        serializer.write("INSERT INTO ")
        SQLIdentifier(table).serialize(to: &serializer)
        serializer.write(" (")
        for (index, column) in columns.enumerated() {
            if index > 0 { serializer.write(", ") }
            SQLIdentifier(column).serialize(to: &serializer)
        }
        serializer.write(") VALUES ")
        serializer.binds.reserveCapacity(serializer.binds.count + rows.count * columns.count)
        // A dialect whose placeholder does not depend on the position ("?") is asked once.
        let first = Self.text(dialect.bindPlaceholder(at: 1), on: serializer.database)
        let fixed = first == Self.text(dialect.bindPlaceholder(at: 2), on: serializer.database) ? first : nil
        for (rowIndex, row) in rows.enumerated() {
            serializer.write(rowIndex == 0 ? "(" : ", (")
            for (index, value) in row.enumerated() {
                if index > 0 { serializer.write(", ") }
                switch value {
                case .bind(let bound):
                    serializer.binds.append(bound)
                    if let fixed {
                        serializer.write(fixed)
                    } else {
                        dialect.bindPlaceholder(at: serializer.binds.count).serialize(to: &serializer)
                    }
                case .expression(let expression):
                    expression.serialize(to: &serializer)
                }
            }
            serializer.write(")")
        }
    }

    private static func text(_ expression: any SQLExpression, on database: any SQLDatabase) -> String {
        var serializer = SQLSerializer(database: database)
        expression.serialize(to: &serializer)
        return serializer.sql
    }
}
