import SQLKit

/// Decodes a row struct (`OrganisationRow`, `MilestoneRow`, …) from a row's columns, each
/// property from the column of its snake_case name (`SnakeCase`): the rule `RowCoding.encoder`
/// writes them by.
///
/// Why not SQLKit's `SQLRowDecoder`: it builds every column's name anew for every row, and
/// decodes each optional column through a decoder of its own. At a thousand times the demo the
/// first page after a start or a change decodes some 150 000 rows, and that took about a third
/// of its time. Here a text or a number is read straight from its column; other types (none
/// of our rows has one) go through the database's own decoding, as before.
enum ColumnDecoder {
    /// The row struct `T` from `row`'s columns.
    static func decode<T: Decodable>(_ type: T.Type, from row: any SQLRow) throws -> T {
        try T(from: RowDecoding(row: row))
    }
}

/// A decoder over one row: only a keyed container, whose keys name columns.
private struct RowDecoding: Decoder {
    let row: any SQLRow
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(Columns<Key>(row: row))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer { throw Self.onlyColumns(codingPath) }
    func singleValueContainer() throws -> any SingleValueDecodingContainer { throw Self.onlyColumns(codingPath) }

    static func onlyColumns(_ path: [any CodingKey]) -> DecodingError {
        .dataCorrupted(.init(codingPath: path, debugDescription: "a row is read as named columns only"))
    }
}

/// A row's columns, by the snake_case names of the keys.
private struct Columns<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let row: any SQLRow
    var codingPath: [any CodingKey] { [] }
    /// Empty: a column's snake_case name does not give back its property's name, and the rows'
    /// synthesised `init(from:)` never asks.
    var allKeys: [Key] { [] }

    private func name(_ key: Key) -> String { SnakeCase.column(for: key.stringValue) }

    func contains(_ key: Key) -> Bool { row.contains(column: name(key)) }
    func decodeNil(forKey key: Key) throws -> Bool { try row.decodeNil(column: name(key)) }

    func decode(_ type: String.Type, forKey key: Key) throws -> String { try row.decode(column: name(key), as: String.self) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try row.decode(column: name(key), as: Int.self) }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try row.decode(column: name(key), as: T.self) }

    // A missing column reads as NULL on both engines (`decodeNil(column:)`), as `SQLRowDecoder` had it.
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? {
        let column = name(key)
        return try row.decodeNil(column: column) ? nil : try row.decode(column: column, as: String.self)
    }

    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? {
        let column = name(key)
        return try row.decodeNil(column: column) ? nil : try row.decode(column: column, as: Int.self)
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        let column = name(key)
        return try row.decodeNil(column: column) ? nil : try row.decode(column: column, as: T.self)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        throw RowDecoding.onlyColumns([key])
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer { throw RowDecoding.onlyColumns([key]) }
    func superDecoder() throws -> any Decoder { throw RowDecoding.onlyColumns(codingPath) }
    func superDecoder(forKey key: Key) throws -> any Decoder { throw RowDecoding.onlyColumns([key]) }
}
