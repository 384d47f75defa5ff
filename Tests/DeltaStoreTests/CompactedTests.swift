@testable import DeltaStore
import Testing

/// Whole kinds read a row at a time are kept in storage of their size (`Array.compacted`).
@Suite("Arrays read a row at a time: kept in storage of their size")
struct CompactedTests {
    @Test("much room to spare: the same elements in storage of their size; little room or none: the array itself")
    func compacted() {
        var grown: [String] = []
        for index in 0..<40_000 { grown.append("gen-milestone-\(index)") }
        #expect(grown.capacity > 40_000 + 40_000 / 8, "grown by doubling: \(grown.capacity)")
        let compact = grown.compacted()
        #expect(compact == grown)
        #expect(compact.capacity < 40_000 + 40_000 / 8, "\(compact.capacity)")
        let tight = Array(0..<1000)
        #expect(tight.compacted().withUnsafeBufferPointer { $0.baseAddress } == tight.withUnsafeBufferPointer { $0.baseAddress })
        var empty: [Int] = []
        empty.reserveCapacity(100)
        #expect(empty.compacted().isEmpty)
        #expect(empty.compacted().capacity < 100)
    }
}
