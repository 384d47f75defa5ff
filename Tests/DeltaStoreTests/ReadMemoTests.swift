import DeltaStore
import Synchronization
import Testing

/// One read at a time per name, scope and version: the others wait for it.
@Suite("Remembered reads, read once while many ask")
struct ReadMemoTests {
    enum Name: MemoKey { case table }
    struct Failed: Error {}

    /// A read that counts itself and returns only when `gate` opens (or fails, if told to).
    final class SlowRead: Sendable {
        let reads = Atomic<Int>(0)
        let gate = Mutex<[CheckedContinuation<Void, Never>]>([])
        let failFirst: Bool

        init(failFirst: Bool = false) { self.failFirst = failFirst }

        func run() async throws -> [Int] {
            let number = reads.add(1, ordering: .relaxed).newValue
            await withCheckedContinuation { continuation in gate.withLock { $0.append(continuation) } }
            if failFirst, number == 1 { throw Failed() }
            return [1, 2, 3]
        }

        /// Lets every read that waits go on.
        func open() { gate.withLock { waiting in waiting.forEach { $0.resume() }; waiting = [] } }
    }

    /// Waits (briefly) until `condition` holds.
    static func eventually(_ condition: () -> Bool) async {
        for _ in 0..<500 where !condition() { try? await Task.sleep(for: .milliseconds(10)) }
    }

    @Test("eight requests at once read once and share the value")
    func readOnce() async throws {
        let memo = ReadMemo(), slow = SlowRead()
        let values = try await withThrowingTaskGroup(of: [Int].self) { group in
            for _ in 0..<8 { group.addTask { try await memo.value(Name.table, scope: .publicOnly, version: 7) { try await slow.run() } } }
            await Self.eventually { memo.waiting == 7 && slow.reads.load(ordering: .relaxed) == 1 }
            slow.open()
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(values.count == 8 && values.allSatisfy { $0 == [1, 2, 3] })
        #expect(slow.reads.load(ordering: .relaxed) == 1)
        #expect(memo.misses.load(ordering: .relaxed) == 1 && memo.joined.load(ordering: .relaxed) == 7)
        // Remembered now; another version or scope is another read.
        _ = try await memo.value(Name.table, scope: .publicOnly, version: 7) { [9] }
        #expect(memo.hits.load(ordering: .relaxed) == 1)
        #expect(try await memo.value(Name.table, scope: .everything, version: 7) { [9] } == [9])
    }

    @Test("a read that fails hands the work to a waiter; a cancelled waiter stops waiting at once")
    func failureAndCancellation() async throws {
        let memo = ReadMemo(), slow = SlowRead(failFirst: true)
        let first = Task { try await memo.value(Name.table, scope: .publicOnly, version: 1) { try await slow.run() } }
        await Self.eventually { slow.reads.load(ordering: .relaxed) == 1 }
        let second = Task { try await memo.value(Name.table, scope: .publicOnly, version: 1) { try await slow.run() } }
        let cancelled = Task { try await memo.value(Name.table, scope: .publicOnly, version: 1) { try await slow.run() } }
        await Self.eventually { memo.waiting == 2 }
        cancelled.cancel()
        await #expect(throws: CancellationError.self) { try await cancelled.value }
        #expect(memo.waiting == 1)
        // The first read fails: the waiter reads itself, and gets the value.
        slow.open()
        await #expect(throws: Failed.self) { try await first.value }
        await Self.eventually { slow.reads.load(ordering: .relaxed) == 2 }
        slow.open()
        #expect(try await second.value == [1, 2, 3])
        #expect(slow.reads.load(ordering: .relaxed) == 2)
    }

    @Test("values no request used for a while are forgotten and read again; those used since are kept")
    func forgetUnused() async throws {
        enum Second: MemoKey { case other }
        let memo = ReadMemo()
        _ = try await memo.value(Name.table, scope: .publicOnly, version: 3) { [1] }
        _ = try await memo.value(Second.other, scope: .publicOnly, version: 3) { [2] }
        #expect(memo.count == 2)
        #expect(memo.forget(unusedFor: .seconds(10)) == 0, "both were used just now")
        // The first used again 50 ms later; then, ten seconds on from that use, the second has
        // gone unused for 10.05 s and the first for 10 s.
        try await Task.sleep(for: .milliseconds(50))
        _ = try await memo.value(Name.table, scope: .publicOnly, version: 3) { [9] }
        let later = ContinuousClock.now.advanced(by: .seconds(10))
        #expect(memo.forget(unusedFor: .seconds(10) + .milliseconds(25), now: later) == 1)
        #expect(memo.count == 1)
        #expect(try await memo.value(Name.table, scope: .publicOnly, version: 3) { [9] } == [1], "still remembered")
        #expect(try await memo.value(Second.other, scope: .publicOnly, version: 3) { [5] } == [5], "read again")
    }

    @Test("a value read only to read another is an ingredient until a request uses it for itself")
    func ingredients() async throws {
        enum Made: MemoKey { case sum, joined }
        let memo = ReadMemo()
        _ = try await memo.value(Made.sum, scope: .publicOnly, version: 4) {
            try await memo.value(Name.table, scope: .publicOnly, version: 4) { [1, 2] }.reduce(0, +)
        }
        let soon = ContinuousClock.now.advanced(by: .seconds(2))
        #expect(memo.forget(unusedFor: .seconds(10), ingredientsUnusedFor: .seconds(1), now: soon) == 1, "the table only")
        #expect(try await memo.value(Made.sum, scope: .publicOnly, version: 4) { 0 } == 3)
        // Read again inside another value, then used by a request for itself: no longer an ingredient.
        _ = try await memo.value(Made.joined, scope: .publicOnly, version: 4) {
            try await memo.value(Name.table, scope: .publicOnly, version: 4) { [5] }.count
        }
        #expect(try await memo.value(Name.table, scope: .publicOnly, version: 4) { [6] } == [5], "remembered")
        let later = ContinuousClock.now.advanced(by: .seconds(2))
        #expect(memo.forget(unusedFor: .seconds(10), ingredientsUnusedFor: .seconds(1), now: later) == 0, "all used for a request")
        #expect(memo.forget(unusedFor: .seconds(10), now: later) == 0, "without a shorter time, ingredients wait as long")
        #expect(memo.count == 3)
    }
}
