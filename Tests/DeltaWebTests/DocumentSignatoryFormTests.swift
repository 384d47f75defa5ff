import DeltaDomain
import DeltaStore
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// A document's signatories are edited on its form and through its record API, one per line
/// "Name — Role", optionally "— organisation-id".
@Suite("Document signatories on the document form")
struct DocumentSignatoryFormTests {
    static let document = DocumentRelationFormTests.document

    static func stored(_ engine: any DatabaseEngine) async throws -> Document? {
        try await engine.read { db in try await Register(db: db, scope: .everything).document(id: document) }
    }

    @Test("the form shows the stored signatories as lines; a line without a role or with an unknown organisation is refused and nothing is written")
    func refused() async throws {
        try await withAccountsApp { client, engine in
            let root = Browser(client)
            try await root.signIn("root")
            let before = try await Self.stored(engine)
            let form = try await root.get("/documents/\(Self.document)/edit")
            #expect(form.text.contains("A.A. (Thierry) Aartsen — Staatssecretaris van Infrastructuur en Waterstaat — ienw"))
            for (line, words) in [("Jan Jansen", "Jan Jansen"), ("Jan Jansen - Minister", "Jan Jansen - Minister"), (" — Minister", "— Minister"),
                                  ("Jan Jansen — Minister — geen-organisatie", "geen-organisatie"), ("A — B — ienw — meer", "meer")] {
                let refused = try await root.post("/documents/\(Self.document)/edit",
                                                  try await DocumentRelationFormTests.fields(root, ["signatories": line]))
                #expect(refused.status == .unprocessableContent, "\(line)")
                #expect(refused.text.contains(#"id="e-signatories""#), "\(line)")
                #expect(refused.text.contains(words), "\(line) → “\(words)”")
            }
            #expect(try await Self.stored(engine) == before, "nothing half-written")
        }
    }

    @Test("signatories are saved from the web form and from the record API, with and without an organisation")
    func saved() async throws {
        try await withAccountsApp { client, engine in
            let root = Browser(client)
            try await root.signIn("root")
            let saved = try await root.post("/documents/\(Self.document)/edit", try await DocumentRelationFormTests.fields(root, [
                "signatories": "  Jan Jansen —  Minister van Iets  \n\nA.A. (Thierry) Aartsen — Staatssecretaris van Infrastructuur en Waterstaat — ienw",
            ]))
            #expect(saved.status == .seeOther, "\(saved.text.prefix(800))")
            #expect(try await Self.stored(engine)?.signatories == [
                Signatory(name: "Jan Jansen", role: "Minister van Iets"),
                Signatory(name: "A.A. (Thierry) Aartsen", role: "Staatssecretaris van Infrastructuur en Waterstaat", organisationID: "ienw"),
            ])
            #expect(try await root.get("/documents/\(Self.document)").text.contains("Jan Jansen"))

            var fields = try await DocumentRelationFormTests.fields(root, [:])
            #expect(fields["signatories"] == "Jan Jansen — Minister van Iets\nA.A. (Thierry) Aartsen — Staatssecretaris van Infrastructuur en Waterstaat — ienw")
            let version = fields.removeValue(forKey: "version") ?? "2"
            fields["signatories"] = "Marie Dupont — Ministre — fod-mobiliteit"
            let body = String(decoding: try JSONSerialization.data(withJSONObject: ["fields": fields]), as: UTF8.self)
            let put = try await root.send(.put, "/api/documents/\(Self.document)/record", json: body, ifMatch: "\"\(version)\"")
            #expect(put.status == .ok, "\(put.text.prefix(800))")
            #expect(try await Self.stored(engine)?.signatories == [Signatory(name: "Marie Dupont", role: "Ministre", organisationID: "fod-mobiliteit")])

            fields["signatories"] = "Marie Dupont"
            let refusedBody = String(decoding: try JSONSerialization.data(withJSONObject: ["fields": fields]), as: UTF8.self)
            let refused = try await root.send(.put, "/api/documents/\(Self.document)/record", json: refusedBody, ifMatch: "\"\(Int(version)! + 1)\"")
            #expect(refused.status == .unprocessableContent)
            #expect(try refused.json()["errors"]?["signatories"] != nil)
        }
    }
}
