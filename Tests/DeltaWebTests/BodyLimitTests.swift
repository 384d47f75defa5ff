import DeltaTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// A body over the 4 MB limit is refused with 413 — a page for forms, a problem document for the
/// API — never a 500 (issue “Proven under load”).
@Suite("Body limit")
struct BodyLimitTests {
    static let tooLarge = String(repeating: "a", count: 5 * 1024 * 1024)

    @Test("a form over the limit answers 413 with a page that says so")
    func form() async throws {
        try await withDemoApp { client in
            var headers = HTTPFields()
            headers[.contentType] = "application/x-www-form-urlencoded"
            let response = try await client.execute(uri: "/login", method: .post, headers: headers, body: ByteBuffer(string: "username=" + Self.tooLarge))
            #expect(response.status == .contentTooLarge)
            let document = try response.document()
            let heading = try document.requireElement("main h1")
            #expect(heading.text == "Te groot")
        }
    }

    @Test("an API write over the limit answers a 413 problem document")
    func api() async throws {
        try await withAccountsApp { client, _ in
            let browser = Browser(client)
            try await browser.signIn("root")
            let response = try await browser.send(.post, "/api/milestones", json: #"{"fields":{"title":""# + Self.tooLarge + #""}}"#)
            #expect(response.status == .contentTooLarge)
            #expect(response.headers[.contentType] == "application/problem+json")
            let problem = try response.json()
            #expect(problem["status"]?.int == 413)
        }
    }
}

/// Control characters are refused in every field (a NUL in a title was stored, then shown cut off).
@Suite("Control characters")
struct ControlCharacterTests {
    @Test("a NUL in a title is refused with a message on the field, and nothing is stored")
    func nul() async throws {
        try await withAccountsApp { client, _ in
            let browser = Browser(client)
            try await browser.signIn("root")
            let json = #"{"id":"nul-test","fields":{"dossierID":"3rx","title":"voor\u0000na","due":"eind 2026","status":"planned","visibility":"public"}}"#
            let response = try await browser.send(.post, "/api/milestones", json: json)
            #expect(response.status == .unprocessableContent)
            let problem = try response.json()
            #expect(problem["errors"]?["title"]?.string?.isEmpty == false, "the title field has a message")
            let stored = try await browser.send(.get, "/api/milestones/nul-test/record", json: "")
            #expect(stored.status == .notFound, "nothing was stored")
        }
    }
}
