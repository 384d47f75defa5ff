@testable import DeltaWeb
import DeltaStore
import Testing

@Suite("Remembered reads forgotten when the server is over its memory budget")
struct ReadMemoSweeperTests {
    enum Name: MemoKey { case table }

    @Test("over the budget, reads unused for an interval are forgotten; within it, nothing is")
    func sweep() async throws {
        let memo = ReadMemo()
        _ = try await memo.value(Name.table, scope: .publicOnly, version: 1) { [1, 2, 3] }
        // Over the budget, within an eighth of it (beyond, see `highMark`).
        let sweeper = ReadMemoSweeper(memo: memo, budget: 100 << 20, interval: .milliseconds(1), look: .milliseconds(1))
        try await Task.sleep(for: .milliseconds(5))
        #expect(sweeper.sweep(resident: 50 << 20) == nil, "within the budget")
        #expect(memo.count == 1)
        #expect(sweeper.sweep(resident: nil) == nil, "the memory is not known")
        #expect(memo.count == 1)
        #expect(sweeper.sweep(resident: 110 << 20) == true)
        #expect(memo.count == 0)
        // Used just now: kept, even over the budget.
        let patient = ReadMemoSweeper(memo: memo, budget: 100 << 20, interval: .seconds(60))
        _ = try await memo.value(Name.table, scope: .publicOnly, version: 1) { [4] }
        #expect(patient.sweep(resident: 110 << 20) == false)
        #expect(memo.count == 1)
    }

    @Test("a read only used to read another is forgotten after a look; the other after an interval")
    func ingredientsFirst() async throws {
        enum Made: MemoKey { case total }
        let memo = ReadMemo()
        let total = try await memo.value(Made.total, scope: .publicOnly, version: 1) {
            try await memo.value(Name.table, scope: .publicOnly, version: 1) { [1, 2, 3] }.reduce(0, +)
        }
        #expect(total == 6 && memo.count == 2)
        let sweeper = ReadMemoSweeper(memo: memo, budget: 100 << 20, interval: .seconds(10), look: .seconds(1))
        let later = ContinuousClock.now.advanced(by: .seconds(2))
        #expect(sweeper.sweep(resident: 110 << 20, now: later) == true, "the table, an ingredient unused for two seconds")
        #expect(try await memo.value(Made.total, scope: .publicOnly, version: 1) { 0 } == 6, "the total is kept")
        #expect(try await memo.value(Name.table, scope: .publicOnly, version: 1) { [7] } == [7], "the table is read again")
        #expect(sweeper.sweep(resident: 110 << 20, now: later) == false, "read by a request for itself: kept for an interval")
        #expect(sweeper.sweep(resident: 110 << 20, now: later.advanced(by: .seconds(10))) == true)
        #expect(memo.count == 0)
    }

    @Test("beyond the budget by an eighth, every read unused for a look is forgotten")
    func highMark() async throws {
        let memo = ReadMemo()
        _ = try await memo.value(Name.table, scope: .publicOnly, version: 1) { [1] }
        let sweeper = ReadMemoSweeper(memo: memo, budget: 128 << 20, interval: .seconds(10), look: .seconds(1))
        let later = ContinuousClock.now.advanced(by: .seconds(2))
        #expect(sweeper.sweep(resident: 144 << 20, now: later) == false, "within an eighth: kept for an interval")
        #expect(sweeper.sweep(resident: 145 << 20, now: later) == true)
        #expect(memo.count == 0)
    }
}
