import DeltaDomain
import Testing

/// Bringing in a revised version shows paragraphs added, removed and moved, and the agreements
/// whose passage moved or is gone.
@Suite("Document revisions")
struct DocumentRevisionTests {
    static func paragraphs(_ texts: [String]) -> [Paragraph] {
        texts.enumerated().map { Paragraph(anchor: "p\($0.offset + 1)", kind: .paragraph, text: $0.element) }
    }

    static func agreement(_ id: String, quote: String, anchor: String) -> Agreement {
        Agreement(id: id, title: id, source: PassageReference(documentID: "d", anchor: anchor, start: 0, length: quote.unicodeScalars.count, quote: quote))
    }

    @Test("added, removed and moved paragraphs; agreements whose passage is gone or moved")
    func compare() {
        let stored = Self.paragraphs(["Inleiding.", "Partijen spreken af A te doen.", "Partijen spreken af B te doen.", "Slot."])
        let revised = Self.paragraphs(["Inleiding.", "Partijen spreken af B te doen.", "Nieuw: C.", "Slot.", "Partijen spreken af A te doen."])
        let agreements = [
            Self.agreement("a", quote: "spreken af A te doen", anchor: "p2"),
            Self.agreement("b", quote: "spreken af B te doen", anchor: "p3"),
            Self.agreement("weg", quote: "iets dat verdwenen is", anchor: "p4"),
        ]
        let revision = DocumentRevision(stored: stored, revised: revised, agreements: agreements)
        #expect(revision.added.map(\.text) == ["Nieuw: C."])
        #expect(revision.removed.isEmpty)
        #expect(revision.moved.map { "\($0.stored.anchor)→\($0.revised.anchor)" } == ["p2→p5"])
        #expect(revision.affected.map(\.agreementID) == ["a", "b", "weg"])
        #expect(revision.affected.first?.change == .moved(from: "p2", to: "p5"))
        #expect(revision.affected.last?.change == .gone)
        #expect(!revision.isUnchanged)
    }

    @Test("the same text changes nothing")
    func unchanged() {
        let text = Self.paragraphs(["Een.", "Twee."])
        #expect(DocumentRevision(stored: text, revised: text, agreements: [Self.agreement("a", quote: "Twee", anchor: "p2")]).isUnchanged)
    }
}
