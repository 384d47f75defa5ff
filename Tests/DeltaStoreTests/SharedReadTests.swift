@testable import DeltaStore
import Synchronization
import Testing

/// A register view reads its version and its shown records once, however many of a page's reads
/// ask at the same time (`SharedRead`).
@Suite("A value read once per register view, for callers at the same time")
struct SharedReadTests {
    struct Failed: Error {}

    /// How many reads ran.
    final class Reads: Sendable {
        private let count = Atomic<Int>(0)
        func next() -> Int { count.add(1, ordering: .relaxed).newValue }
        var total: Int { count.load(ordering: .relaxed) }
    }

    @Test("twenty callers at once share one read and its value")
    func oneRead() async throws {
        let shared = SharedRead<Int>()
        let reads = Reads()
        let values = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<20 {
                group.addTask {
                    try await shared.value {
                        let number = reads.next()
                        try await Task.sleep(for: .milliseconds(20))
                        return number * 7
                    }
                }
            }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(reads.total == 1)
        #expect(values == Array(repeating: 7, count: 20))
        // Later callers get the value without reading.
        #expect(try await shared.value { reads.next() } == 7)
        #expect(reads.total == 1)
    }

    @Test("a read that fails is not kept: the next caller reads again")
    func failureForgotten() async throws {
        let shared = SharedRead<String>()
        await #expect(throws: Failed.self) { try await shared.value { throw Failed() } }
        #expect(try await shared.value { "read again" } == "read again")
        #expect(try await shared.value { "not read" } == "read again")
    }

    @Test("a cancelled caller cancels the read, which is then forgotten")
    func cancelled() async throws {
        let shared = SharedRead<Int>()
        let reads = Reads()
        let caller = Task {
            try await shared.value {
                _ = reads.next()
                try await Task.sleep(for: .seconds(30))
                return 1
            }
        }
        while reads.total == 0 { try await Task.sleep(for: .milliseconds(5)) }
        let start = ContinuousClock.now
        caller.cancel()
        await #expect(throws: CancellationError.self) { try await caller.value }
        #expect(ContinuousClock.now - start < .seconds(10), "the read stopped with its caller")
        #expect(try await shared.value { 2 } == 2)
    }
}
