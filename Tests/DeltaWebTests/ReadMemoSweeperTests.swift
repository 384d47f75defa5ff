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
        let sweeper = ReadMemoSweeper(memo: memo, budget: 100 << 20, interval: .milliseconds(1))
        try await Task.sleep(for: .milliseconds(5))
        #expect(!sweeper.sweep(resident: 50 << 20), "within the budget")
        #expect(memo.count == 1)
        #expect(!sweeper.sweep(resident: nil), "the memory is not known")
        #expect(memo.count == 1)
        #expect(sweeper.sweep(resident: 200 << 20))
        #expect(memo.count == 0)
        // Used just now: kept, even over the budget.
        let patient = ReadMemoSweeper(memo: memo, budget: 100 << 20, interval: .seconds(60))
        _ = try await memo.value(Name.table, scope: .publicOnly, version: 1) { [4] }
        #expect(!patient.sweep(resident: 200 << 20))
        #expect(memo.count == 1)
    }
}
