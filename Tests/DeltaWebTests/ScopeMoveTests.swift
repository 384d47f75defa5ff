import DeltaDomain
import DeltaStore
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// Since deltaberaad/2 no demo dossier hangs under a body that editorInScope (anna: werkgroep-3rx and
/// politiek-overleg) edits: 3RX is carried by werkgroep-be-nl. A test about a body-scoped editor's
/// dossier first puts the dossier under one of her bodies, as the admin through the API (the way
/// an administrator would), and checks that the move went through.
func placeDossier(_ dossierID: String, underBody bodyID: String, client: any TestClientProtocol,
                  sourceLocation: SourceLocation = #_sourceLocation) async throws {
    let root = Browser(client)
    try await root.signIn("root")
    let current = try await root.send(.get, "/api/dossiers/\(dossierID)/record", json: "")
    let version = try #require(current.headers[.eTag], sourceLocation: sourceLocation)
    var fields: [String: String] = [:]
    for (key, value) in try current.json()["fields"]?.object ?? [:] { fields[key] = value.string ?? "" }
    #expect(fields["bodyID"] != bodyID, "\(dossierID) is already under \(bodyID)", sourceLocation: sourceLocation)
    fields["bodyID"] = bodyID
    let body = String(decoding: try JSONEncoder().encode(["fields": fields]), as: UTF8.self)
    let moved = try await root.send(.put, "/api/dossiers/\(dossierID)/record", json: body, ifMatch: version)
    try #require(moved.status == .ok, "the admin moves \(dossierID) under \(bodyID): \(moved.text.prefix(300))", sourceLocation: sourceLocation)
}

/// An edit may not move a record out of the editor's scope (issue “Proven under load”): the
/// stored record's body must not authorise a move to a body the editor does not edit.
@Suite("Moving records out of scope")
struct ScopeMoveTests {
    @Test("a body-scoped editor cannot move a dossier of their body to another body, through the API or the form")
    func dossierToAnotherBody() async throws {
        try await withAccountsApp { client, engine in
            // 3RX back under the trinational working group (its body in 2018), which anna edits.
            try await placeDossier("3rx", underBody: "werkgroep-3rx", client: client)
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
