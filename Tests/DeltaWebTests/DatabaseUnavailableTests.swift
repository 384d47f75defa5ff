import DeltaDomain
import DeltaTestSupport
import DeltaStore
@testable import DeltaWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SQLKit
import Testing

/// The disk filling up under a served register (issue “Proven under load”): SQLite's
/// `max_page_count` set to the file's size makes every write that needs a new page fail as a full
/// disk does (SQLITE_FULL). Writes answer 503 — a problem document for the API, a page for forms —
/// never 500; nothing of them is stored; reads go on; and once there is room again the next write
/// succeeds without a restart. PostgreSQL stopped mid-request is `DatabaseOutageTests` (CLITests).
@Suite("The database full or away: 503, nothing half-written, recovery without restart")
struct DatabaseUnavailableTests {
    static let dossier = EditingTests.milestoneDossiers

    static func milestone(_ id: String) -> String {
        // Long texts so that every milestone needs new pages (record, audit entry, search index).
        let filler = String(repeating: "ruimte ", count: 250)
        return #"{"id":"\#(id)","fields":{"dossierIDs":"kijfhoek","title":"Vol \#(id)","due":"2027","status":"planned","visibility":"public","note":"\#(filler)"}}"#
    }

    @Test("a full disk: API 503 problem document, form 503 page, nothing stored, reads answer, writes work again when there is room")
    func diskFull() async throws {
        try await withAccountsApp { client, engine in
            let root = Browser(client)
            try await root.signIn("root")
            let now = Date()
            let token = try await engine.transaction { db in try await AccountStore(db: db).createToken(accountID: "root", name: "vol", now: now).secret }
            let before = try await engine.read { db in try await AuditLog(db: db).verify() }

            // No room beyond the pages the file has now.
            try await engine.transaction { db in
                let pages = try await db.raw("PRAGMA page_count").first()?.decode(column: "page_count", as: Int.self) ?? 0
                try await db.raw("PRAGMA max_page_count = \(unsafeRaw: String(pages))").run()
            }
            var refused: (id: String, response: TestResponse)?
            var stored: [String] = []
            for number in 0..<100 where refused == nil {
                let id = "vol-\(number)"
                let response = try await root.send(.post, "/api/milestones", json: Self.milestone(id), bearer: token)
                if response.status == .created { stored.append(id) } else { refused = (id, response) }
            }
            let (id, response) = try #require(refused, "a write needed a page the file may not have")
            #expect(response.status == .serviceUnavailable, "a full disk is 503, not \(response.status)")
            #expect(response.headers[.contentType]?.hasPrefix("application/problem+json") == true)
            #expect(response.headers[.retryAfter] == "5")
            let problem = try response.json()
            #expect(problem["status"]?.int == 503)
            #expect(problem["detail"]?.string?.contains("database") == true, "the reader is told the database is the reason")
            #expect(try await root.send(.get, "/api/milestones/\(id)/record", json: "", bearer: token).status == .notFound,
                    "the refused milestone is not stored")
            let entries = try await engine.read { db in try await AuditLog(db: db).entries(kind: "milestone", id: id) }
            #expect(entries.isEmpty, "and has no audit entry")

            // The same through a form: the 503 page, in HTML.
            try await root.get("/milestones/new")
            let form = try await root.post("/milestones/new", ["id": "vol-form", "dossierIDs": "kijfhoek", "title": "Vol formulier", "due": "2027",
                                                                "status": "planned", "visibility": "public", "note": String(repeating: "ruimte ", count: 250)])
            #expect(form.status == .serviceUnavailable)
            #expect(form.headers[.contentType]?.hasPrefix("text/html") == true)
            #expect(try form.document().mentions("database"))
            #expect(try await root.send(.get, "/api/milestones/vol-form/record", json: "", bearer: token).status == .notFound)

            // Reads need no room.
            #expect(try await client.get("/api/overview").status == .ok)
            #expect(try await client.get("/dossiers/3rx").status == .ok)

            // Room again: the same request succeeds, on the same server and the same connections.
            try await engine.transaction { db in try await db.raw("PRAGMA max_page_count = 1073741823").run() }
            let again = try await root.send(.post, "/api/milestones", json: Self.milestone(id), bearer: token)
            #expect(again.status == .created)
            let after = try await engine.read { db in try await AuditLog(db: db).verify() }
            #expect(after.firstProblem == nil)
            #expect(after.checked == before.checked + stored.count + 1, "one entry per stored milestone: none for the refused writes")
            #expect(try await engine.read { db in try await db.raw("PRAGMA integrity_check").first()?.decode(column: "integrity_check", as: String.self) } == "ok")
        }
    }
}
