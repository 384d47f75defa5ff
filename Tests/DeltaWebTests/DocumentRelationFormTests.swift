import DeltaDomain
import DeltaStore
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// A document's relations are edited on its form, one per line "kind document [planned]".
@Suite("Document relations on the document form")
struct DocumentRelationFormTests {
    static let document = "verklaring-2026"

    /// The document's form as it is loaded (its record API gives the same fields), with changes.
    static func fields(_ browser: Browser, _ extra: [String: String]) async throws -> [String: String] {
        let record = try await browser.get("/api/documents/\(document)/record")
        var fields = (try record.json()["fields"]?.object ?? [:]).compactMapValues(\.string)
        fields["version"] = String(try record.json()["version"].flatMap { if case .integer(let n) = $0 { n } else { nil } } ?? Int64(1))
        fields.merge(extra) { _, new in new }
        return fields
    }

    static func stored(_ engine: any DatabaseEngine) async throws -> Document? {
        try await engine.read { db in try await Register(db: db, scope: .everything).document(id: document) }
    }

    @Test("unknown kinds and documents, a relation to itself and a malformed line are refused; nothing is written")
    func refused() async throws {
        try await withAccountsApp { client, engine in
            let root = Browser(client)
            try await root.signIn("root")
            let before = try await Self.stored(engine)
            #expect(try await root.get("/documents/\(Self.document)/edit").text.contains("addendum-to thalassa-intentieverklaring-2022 planned"))
            for (line, words) in [("vervangt thalassa-intentieverklaring-2022", "vervangt"), ("cites geen-document", "geen-document"),
                                  ("cites \(Self.document)", "zichzelf"), ("cites kamerbrief-goederen-2026 misschien", "misschien"),
                                  ("cites kamerbrief-goederen-2026\ncites kamerbrief-goederen-2026", "twee keer")] {
                let refused = try await root.post("/documents/\(Self.document)/edit", try await Self.fields(root, ["relations": line]))
                #expect(refused.status == .unprocessableContent, "\(line)")
                #expect(refused.text.contains(#"id="e-relations""#), "\(line)")
                #expect(refused.text.contains(words), "\(line) → “\(words)”")
            }
            #expect(try await Self.stored(engine) == before, "nothing half-written")
        }
    }

    @Test("a kept line keeps the relation's passage and note; new lines are added, removed ones go")
    func saved() async throws {
        try await withAccountsApp { client, engine in
            let root = Browser(client)
            try await root.signIn("root")
            let kept = try #require(try await Self.stored(engine)?.relations.first)
            #expect(kept.passage != nil && kept.note != nil)
            let saved = try await root.post("/documents/\(Self.document)/edit", try await Self.fields(root, [
                "relations": "addendum-to thalassa-intentieverklaring-2022 planned\n  cites   kamerbrief-goederen-2026  ",
            ]))
            #expect(saved.status == .seeOther, "\(saved.text.prefix(800))")
            let relations = try #require(try await Self.stored(engine)?.relations)
            #expect(relations.count == 2)
            #expect(relations.first == kept, "passage and note kept")
            #expect(relations.last == DocumentRelation(kind: .cites, targetID: "kamerbrief-goederen-2026"))
            let form = try await root.get("/documents/\(Self.document)/edit")
            #expect(form.text.contains("addendum-to thalassa-intentieverklaring-2022 planned\ncites kamerbrief-goederen-2026"))

            let changed = try await root.post("/documents/\(Self.document)/edit", try await Self.fields(root, ["relations": "addendum-to thalassa-intentieverklaring-2022"]))
            #expect(changed.status == .seeOther)
            let now = try #require(try await Self.stored(engine)?.relations)
            #expect(now.count == 1 && now[0].planned == false && now[0].note == kept.note && now[0].passage == kept.passage)
        }
    }
}
