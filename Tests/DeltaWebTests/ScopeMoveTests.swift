import DeltaDomain
import DeltaStore
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// An edit may not move a record out of the editor's scope (issue “Proven under load”): the
/// stored record's body must not authorise a move to a body the editor does not edit.
@Suite("Moving records out of scope")
struct ScopeMoveTests {
    @Test("a body-scoped editor cannot move a dossier of their body to another body, through the API or the form")
    func dossierToAnotherBody() async throws {
        try await withAccountsApp { client, engine in
            let browser = Browser(client)
            try await browser.signIn("anna")
            let current = try await browser.send(.get, "/api/dossiers/3rx/record", json: "")
            let version = try #require(current.headers[.eTag])
            let fields = try current.json()["fields"]
            let title = try #require(fields?["title"]?.string)
            let summary = try #require(fields?["summary"]?.string)
            func body(_ bodyID: String) -> String {
                let encoded = try! JSONEncoder().encode(["fields": ["title": title, "summary": summary, "bodyID": bodyID, "visibility": "public"]])
                return String(decoding: encoded, as: UTF8.self)
            }
            let moved = try await browser.send(.put, "/api/dossiers/3rx/record", json: body("dg-overleg"), ifMatch: version)
            #expect(moved.status == .unprocessableContent, "answered \(moved.status.code)")
            let form = try await browser.post("/dossiers/3rx/edit", ["version": version.trimmingCharacters(in: CharacterSet(charactersIn: "\"")),
                                                                     "title": title, "summary": summary, "bodyID": "dg-overleg", "visibility": "public"])
            #expect(form.status == .unprocessableContent, "answered \(form.status.code)")
            let stored = try await engine.read { db in try await Register(db: db, scope: .everything).dossier(id: "3rx") }
            #expect(stored?.bodyID == "werkgroep-3rx", "the dossier stayed where it was")

            // Inside the editor's scope the same edit goes through: the refusal is about the move.
            let kept = try await browser.send(.put, "/api/dossiers/3rx/record", json: body("politiek-overleg"), ifMatch: version)
            #expect(kept.status == .ok, "answered \(kept.status.code)")
        }
    }
}
