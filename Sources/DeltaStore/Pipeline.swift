/// Pure work on a list, done parts ahead of the writing, in parallel.
///
/// Why: while a part is written the task waits for the database's thread, and the next parts'
/// pure work (rows encoded, field changes, search texts) can use the other cores meanwhile. An
/// import of a large register spent longer preparing parts than writing them, one after the other.
/// At most `ahead` parts are being prepared or waiting, so memory stays bounded by the part size.
package enum Pipeline {
    /// Parts being prepared while one is written: two keep two cores busy when preparing a part
    /// costs more than writing it, as in an import.
    static let ahead = 2

    /// Prepares the parts of `items` (at most `partSize` items each, in order) in tasks of their
    /// own, up to `ahead` of the one being written, and writes them in order. A write that throws
    /// ends the run: the parts being prepared are cancelled and dropped.
    package static func run<Item: Sendable, Prepared: Sendable>(
        _ items: [Item], partSize: Int,
        prepare: @escaping @Sendable (ArraySlice<Item>) -> Prepared,
        write: (Prepared) async throws -> Void
    ) async throws {
        let size = max(partSize, 1)
        var next = 0
        var preparing: [Task<Prepared, Never>] = []
        func startNext() {
            guard next < items.count else { return }
            let part = items[next..<min(next + size, items.count)]
            next += size
            preparing.append(Task { prepare(part) })
        }
        defer { preparing.forEach { $0.cancel() } }
        for _ in 0..<ahead { startNext() }
        while !preparing.isEmpty {
            let prepared = await preparing.removeFirst().value
            startNext()
            try await write(prepared)
        }
    }
}
