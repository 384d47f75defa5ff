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

    @Test("a record is known by its kind and id: the same id in another kind is another record")
    func kindsApart() {
        let shown = ShownRecords(candidates: [
            .init(kind: .dossier, id: "3rx"),
            .init(kind: .milestone, id: "3rx", needs: [[Key(.dossier, "hidden")]]),
            .init(kind: .body, id: "wg", needs: [[Key(.milestone, "3rx")]]),
        ])
        #expect(shown.contains(.dossier, "3rx"))
        #expect(!shown.contains(.milestone, "3rx"), "its dossier is not shown")
        #expect(!shown.contains(.body, "wg"), "it needs the milestone, not the dossier of the same id")
        #expect(!shown.contains(.agreement, "3rx"))
    }

    @Test("a shown record's references are kept as they are when all are shown, and without the hidden ones otherwise")
    func referencesKept() throws {
        let shown = ShownRecords(candidates: [.init(kind: .dossier, id: "d"), .init(kind: .organisation, id: "o1"), .init(kind: .organisation, id: "o2")])
        var dossier = Dossier(id: "d", title: "D", summary: "S", leadIDs: ["o1", "o2"])
        let kept = try #require(shown.dossier(dossier))
        #expect(kept.leadIDs == ["o1", "o2"])
        // The same storage, not a copy: every dossier of a thousand times the demo goes through here.
        #expect(kept.leadIDs.withUnsafeBufferPointer { $0.baseAddress } == dossier.leadIDs.withUnsafeBufferPointer { $0.baseAddress })
        dossier.leadIDs = ["o1", "hidden", "o2"]
        #expect(try #require(shown.dossier(dossier)).leadIDs == ["o1", "o2"])
    }

    @Test("records given as needing nothing are shown, unless they are given with needs too; the others as from candidates")
    func freeApart() {
        let needs: [Key: [[Key]]] = [
            Key(.dossier, "x"): [[Key(.body, "hidden")]],
            Key(.milestone, "m"): [[Key(.dossier, "hidden"), Key(.dossier, "d")]],
            Key(.indicator, "i"): [[Key(.goal, "g")]],
        ]
        let shown = ShownRecords(free: [.dossier: ["d", "x"], .goal: ["g"], .organisation: ["o"]], needs: needs)
        #expect(shown.contains(.dossier, "d") && shown.contains(.goal, "g") && shown.contains(.organisation, "o"))
        #expect(!shown.contains(.dossier, "x"), "given free and with needs, it needs them")
        #expect(shown.contains(.milestone, "m"), "one of its dossiers is shown")
        #expect(shown.contains(.indicator, "i"))
        // The same as the candidates that say it all at once.
        var candidates: [ShownRecords.Candidate] = [.init(kind: .dossier, id: "d"), .init(kind: .dossier, id: "x"),
                                                     .init(kind: .goal, id: "g"), .init(kind: .organisation, id: "o")]
        for (key, groups) in needs { candidates.append(.init(kind: key.kind, id: key.id, needs: groups)) }
        #expect(ShownRecords(candidates: candidates) == shown)
    }
}
