import DeltaDomain
import Testing

@Suite("What a public reader is shown")
struct ShownRecordsTests {
    typealias Key = ShownRecords.Key

    @Test("a record is shown when every group of its needs has one shown record, through chains in any order")
    func chains() {
        // Listed so that each record comes before the one it needs: every link of the chain
        // needs another pass.
        let candidates: [ShownRecords.Candidate] = [
            .init(kind: .indicator, id: "i", needs: [[Key(.goal, "g2")]]),
            .init(kind: .goal, id: "g2", needs: [[Key(.goal, "g1")]]),
            .init(kind: .goal, id: "g1", needs: [[Key(.document, "missing"), Key(.document, "d")]]),
            .init(kind: .document, id: "d"),
            .init(kind: .agreement, id: "a", needs: [[Key(.document, "d")], [Key(.meeting, "hidden")]]),
            .init(kind: .milestone, id: "m", needs: [[Key(.agreement, "a")]]),
            // A record listed twice has the needs of both.
            .init(kind: .dossier, id: "x"),
            .init(kind: .dossier, id: "x", needs: [[Key(.body, "hidden")]]),
        ]
        let shown = ShownRecords(candidates: candidates)
        #expect(shown.contains(.document, "d"))
        #expect(shown.contains(.goal, "g1"))
        #expect(shown.contains(.goal, "g2"))
        #expect(shown.contains(.indicator, "i"))
        #expect(!shown.contains(.agreement, "a"), "one group of its needs has nothing shown")
        #expect(!shown.contains(.milestone, "m"), "it needs a record that is not shown")
        #expect(!shown.contains(.dossier, "x"))
        #expect(!shown.contains(.document, "missing"))
        #expect(!shown.contains(.document, nil))
    }
}
