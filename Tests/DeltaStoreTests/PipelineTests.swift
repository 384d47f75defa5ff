import DeltaStore
import Testing

@Suite("Pipeline")
struct PipelineTests {
    struct Stop: Error {}

    @Test("every part is prepared once and written in order, whatever the part size")
    func order() async throws {
        for size in [1, 3, 7, 100] {
            var written: [Int] = []
            try await Pipeline.run(Array(0..<50), partSize: size, prepare: { part in part.map { $0 * 2 } }, write: { written += $0 })
            #expect(written == Array(0..<50).map { $0 * 2 })
        }
        var calls = 0
        try await Pipeline.run([Int](), partSize: 10, prepare: { $0.count }, write: { _ in calls += 1 })
        #expect(calls == 0)
    }

    @Test("a write that throws ends the run: nothing after it is written")
    func stops() async {
        var written: [[Int]] = []
        await #expect(throws: Stop.self) {
            try await Pipeline.run(Array(0..<20), partSize: 4, prepare: { Array($0) }, write: { part in
                if part.first == 8 { throw Stop() }
                written.append(part)
            })
        }
        #expect(written == [[0, 1, 2, 3], [4, 5, 6, 7]])
    }
}
