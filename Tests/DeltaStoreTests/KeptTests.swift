@testable import DeltaStore
import Testing

/// The whole kinds remembered for every reader are handed to each through `Array.kept`.
@Suite("Records kept for a reader: the same array when nothing changes")
struct KeptTests {
    @Test("unchanged: the same storage; a change or a drop anywhere: a new array with everything else in order")
    func kept() {
        let numbers = Array(1...1000)
        let same = numbers.kept { $0 }
        #expect(same.withUnsafeBufferPointer { $0.baseAddress } == numbers.withUnsafeBufferPointer { $0.baseAddress })
        #expect(numbers.kept { $0 == 1 ? nil : $0 } == Array(2...1000))
        #expect(numbers.kept { $0 == 1000 ? nil : $0 } == Array(1...999))
        #expect(numbers.kept { $0 == 500 ? -500 : $0 } == Array(1...499) + [-500] + Array(501...1000))
        #expect(numbers.kept { $0.isMultiple(of: 2) ? $0 : nil } == numbers.filter { $0.isMultiple(of: 2) })
        #expect([Int]().kept { $0 }.isEmpty)
    }
}
