/// Records in one array, found by id through a dictionary of positions.
///
/// Why not a dictionary of records: a dictionary keeps its buckets a quarter to a half empty,
/// and each bucket is as large as a record. At a thousand times the demo the lookup tables by id
/// took 28 MB per reader's scope that way; positions take a tenth of it, and the array is the
/// one the tables were read into.
struct RecordsByID<Record: Sendable>: Sendable {
    /// The records, in the order given.
    let records: [Record]
    private let positions: [String: Int]

    /// The records, found by `id` (ids are unique within a kind; a repeated id finds its last record).
    init(_ records: [Record], id: (Record) -> String) {
        self.records = records
        var positions = [String: Int](minimumCapacity: records.count)
        for (position, record) in records.enumerated() { positions[id(record)] = position }
        self.positions = positions
    }

    /// The record with this id, if there is one.
    subscript(id: String) -> Record? { positions[id].map { records[$0] } }
}
