import DeltaDomain
import DeltaImport
import DeltaServices
import DeltaStore
import DeltaTestSupport
@testable import DeltaWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SQLKit
import Testing

/// The obstacle register over HTTP: the public intake and its refusals, the reporter's status
/// page, triage by those who may edit the obstacle, and the reporter's privacy.
@Suite("Obstacle intake, status page and triage")
struct ObstacleIntakeTests {
    /// A contact address no public answer may ever hold.
    static let marker = "melder-x9k2q@example.org"

    static let report: [String: String] = [
        "title": "Reiskosten grensarbeiders", "description": "Grensarbeiders kunnen hun reiskosten niet aftrekken.",
        "placeBelgium": "Hamont-Achel", "placeNetherlands": "Weert", "since": "sinds 2024", "affected": "grensarbeiders",
        "domain": "tax", "contact": marker,
    ]

    /// The application over the demo register with accounts, with intake rules of its own.
    static func withIntakeApp<Value: Sendable>(minimumSeconds: Double = 0, perWindow: Int = 10,
                                               _ body: @Sendable (any TestClientProtocol, any DatabaseEngine) async throws -> Value) async throws -> Value {
        try await withAccountsApp(configure: { configuration in
            configuration.obstacleIntake.minimumSeconds = minimumSeconds
            configuration.obstacleIntake.submissionsPerWindow = perWindow
        }, body)
    }

    /// Opens the form and sends `fields` with the form's token and stamp.
    static func send(_ browser: Browser, _ fields: [String: String]) async throws -> TestResponse {
        let form = try await browser.get("/obstacles/report")
        var fields = fields
        if fields["_started"] == nil { fields["_started"] = form.text.captures(#"name="_started" value="([^"]+)""#).first ?? "" }
        return try await browser.post("/obstacles/report?lang=en", fields)
    }

    static func obstacleCount(_ engine: any DatabaseEngine) async throws -> Int {
        try await engine.read { db in try await db.raw("SELECT COUNT(*) AS n FROM obstacles WHERE reference IS NOT NULL").first()?.decode(column: "n", as: Int.self) ?? -1 }
    }

    @Test("a report is received: a reference number and a private status link that shows it; a wrong secret is 404")
    func received() async throws {
        try await Self.withIntakeApp { client, engine in
            let browser = Browser(client)
            let answer = try await Self.send(browser, Self.report)
            #expect(answer.status == .created)
            let reference = try #require(answer.text.captures(#"id="reference">([^<]+)<"#).first)
            #expect(reference.hasPrefix("GB-2026-"))
            let link = try #require(answer.text.captures(#"id="status-link" href="([^"]+)""#).first)
            #expect(answer.headers[.cacheControl] == "no-store")
            let status = try await Browser(client).get(link)
            #expect(status.status == .ok)
            #expect(status.text.contains(reference))
            #expect(status.text.contains("Grensarbeiders kunnen hun reiskosten niet aftrekken."))
            #expect(!status.text.contains(Self.marker), "the status page does not repeat the address either")
            #expect(try await Browser(client).get(link + "x").status == .notFound)
            #expect(try await Browser(client).get("/obstacles/status/nothing").status == .notFound)
            // Stored as reported and internal: not in the public list.
            #expect(try await Self.obstacleCount(engine) == 1)
            let list = try await client.json("/api/obstacles")
            #expect(list["obstacles"]?.array.contains { $0["reference"]?.string == reference } == false)
        }
    }

    @Test("each refusal says why, gives back what was typed, and stores nothing: honeypot, too long, no place, bad address, forged stamp, no token")
    func refusals() async throws {
        try await Self.withIntakeApp { client, engine in
            var honeypot = Self.report
            honeypot["website"] = "http://spam.example"
            var tooLong = Self.report
            tooLong["description"] = String(repeating: "a", count: 4_001)
            var noPlace = Self.report
            noPlace["placeBelgium"] = ""
            noPlace["placeNetherlands"] = ""
            var badAddress = Self.report
            badAddress["contact"] = "geen adres"
            var forged = Self.report
            forged["_started"] = "1.deadbeef"
            let cases: [(fields: [String: String], status: HTTPResponse.Status, message: String)] = [
                (honeypot, .unprocessableContent, "a field that people do not see was filled in"),
                (tooLong, .unprocessableContent, "at most 4,000 characters"),
                (noPlace, .unprocessableContent, "Say where it happens"),
                (badAddress, .unprocessableContent, "This is not an e-mail address"),
                (forged, .unprocessableContent, "this form has expired"),
            ]
            for refusal in cases {
                let answer = try await Self.send(Browser(client), refusal.fields)
                #expect(answer.status == refusal.status, "\(refusal.message)")
                #expect(answer.text.contains(refusal.message), "\(refusal.message): \(answer.text.prefix(0))")
                // What was typed comes back (but the honeypot).
                #expect(answer.text.contains("value=\"Reiskosten grensarbeiders\""), "\(refusal.message)")
                #expect(!answer.text.contains("spam.example"))
            }
            // Without the form's token (a post from elsewhere): refused, the text given back.
            var stranger = Self.report
            stranger["_csrf"] = "forged"
            let answer = try await Self.send(Browser(client), stranger)
            #expect(answer.status == .forbidden)
            #expect(answer.text.contains("value=\"Reiskosten grensarbeiders\""))
            #expect(try await Self.obstacleCount(engine) == 0)
        }
    }

    @Test("a form sent faster than the minimum time is refused with its message and nothing stored")
    func tooFast() async throws {
        try await Self.withIntakeApp(minimumSeconds: 3_600) { client, engine in
            let answer = try await Self.send(Browser(client), Self.report)
            #expect(answer.status == .unprocessableContent)
            #expect(answer.text.contains("within 3,600 seconds of opening it"))
            #expect(answer.text.contains(Self.marker), "the address typed is given back in the form")
            #expect(try await Self.obstacleCount(engine) == 0)
        }
    }

    @Test("more submissions from one address than the limit are refused with 429 and nothing stored")
    func rateLimit() async throws {
        try await Self.withIntakeApp(perWindow: 2) { client, engine in
            #expect(try await Self.send(Browser(client), Self.report).status == .created)
            #expect(try await Self.send(Browser(client), Self.report).status == .created)
            let third = try await Self.send(Browser(client), Self.report)
            #expect(third.status == .tooManyRequests)
            #expect(third.text.contains("too many reports came from your connection in the last 60 minutes"))
            #expect(third.text.contains("value=\"Reiskosten grensarbeiders\""))
            #expect(try await Self.obstacleCount(engine) == 2)
        }
    }

    @Test("triage: only those who may edit the obstacle read the report and the address and write to the reporter")
    func triageAuthorization() async throws {
        try await Self.withIntakeApp { client, engine in
            _ = try await Self.send(Browser(client), Self.report)
            let id = try #require(try await engine.read { db in try await Register(db: db, scope: .everything).obstacles().first { $0.reference != nil }?.id })
            let anonymous = try await Browser(client).get("/obstacles/\(id)/triage")
            #expect(anonymous.status == .seeOther)
            for persona in [Persona.reader, .editorInScope, .editorOutOfScope] {
                let browser = Browser(client)
                try await browser.signIn(persona.account?.id ?? "")
                #expect(try await browser.get("/obstacles/\(id)/triage").status == .forbidden, "\(persona)")
                #expect(try await browser.post("/obstacles/\(id)/messages", ["message": "Hallo"]).status == .forbidden, "\(persona)")
            }
            let admin = Browser(client)
            try await admin.signIn("root")
            let page = try await admin.get("/obstacles/\(id)/triage")
            #expect(page.status == .ok)
            #expect(page.text.contains(Self.marker), "those who triage see where to answer")
            // The admin links it to werkgroep-3rx: from then on its editors triage it too.
            let edit = try await admin.post("/obstacles/\(id)/edit", ObstacleForm.values(of: try #require(
                try await engine.read { db in try await Register(db: db, scope: .everything).obstacle(id: id) })).merging(
                    ["bodyIDs": "werkgroep-3rx", "version": "1"]) { $1 })
            #expect(edit.status == .seeOther, "\(edit.text.prefix(0))")
            let editor = Browser(client)
            try await editor.signIn("anna")
            #expect(try await editor.get("/obstacles/\(id)/triage").status == .ok)
            #expect(try await editor.post("/obstacles/\(id)/messages", ["message": "We bekijken uw melding."]).status == .seeOther)
        }
    }

    @Test("status steps follow the rules in the triage form: no skipping analysis, a reason at each step, no publication before analysis")
    func statusSteps() async throws {
        try await Self.withIntakeApp { client, engine in
            _ = try await Self.send(Browser(client), Self.report)
            let stored = try #require(try await engine.read { db in try await Register(db: db, scope: .everything).obstacles().first { $0.reference != nil } })
            let admin = Browser(client)
            try await admin.signIn("root")
            let base = ObstacleForm.values(of: stored).merging(["version": "1"]) { $1 }
            let skip = try await admin.post("/obstacles/\(stored.id)/edit?lang=en", base.merging(["status": "solved", "statusReason": "Klaar."]) { $1 })
            #expect(skip.status == .unprocessableContent)
            #expect(skip.text.contains("The status cannot go from “reported” to “solved”"))
            let noReason = try await admin.post("/obstacles/\(stored.id)/edit?lang=en", base.merging(["status": "analysed"]) { $1 })
            #expect(noReason.text.contains("Give the reason for the new status"))
            let published = try await admin.post("/obstacles/\(stored.id)/edit?lang=en", base.merging(["visibility": "public"]) { $1 })
            #expect(published.text.contains("A report is published only after analysis"))
            let analysed = try await admin.post("/obstacles/\(stored.id)/edit",
                                                base.merging(["status": "analysed", "statusReason": "Doorgestuurd.", "visibility": "public"]) { $1 })
            #expect(analysed.status == .seeOther)
            let after = try await engine.read { db in try await Register(db: db, scope: .everything).obstacle(id: stored.id) }
            #expect(after?.status == .analysed)
            #expect(after?.visibility == .public)
        }
    }

    @Test("reporter privacy: once the report is published and answered, no public page, API answer, feed, search or export holds the address")
    func privacy() async throws {
        try await Self.withIntakeApp { client, engine in
            let received = try await Self.send(Browser(client), Self.report)
            let link = try #require(received.text.captures(#"id="status-link" href="([^"]+)""#).first)
            let stored = try #require(try await engine.read { db in try await Register(db: db, scope: .everything).obstacles().first { $0.reference != nil } })
            let admin = Browser(client)
            try await admin.signIn("root")
            let saved = try await admin.post("/obstacles/\(stored.id)/edit", ObstacleForm.values(of: stored).merging(
                ["status": "analysed", "statusReason": "Doorgestuurd.", "visibility": "public", "version": "1"]) { $1 })
            #expect(saved.status == .seeOther)
            #expect(try await admin.post("/obstacles/\(stored.id)/messages", ["message": "Dank, we nemen contact op."]).status == .seeOther)
            // The reporter reads the message; the public reads the obstacle.
            let status = try await Browser(client).get(link)
            #expect(status.text.contains("Dank, we nemen contact op."))
            let uris = ["/obstacles", "/api/obstacles", "/obstacles/\(stored.id)", "/api/obstacles/\(stored.id)", "/api/obstacles/\(stored.id)/record",
                        "/feed.atom", "/search?q=grensarbeiders", "/api/search?q=grensarbeiders", "/search?q=example.org", "/portal", "/", "/catalog.jsonld"]
            var published = false
            for uri in uris {
                let answer = try await client.get(uri)
                #expect(answer.status == .ok, "\(uri)")
                #expect(!answer.text.contains(Self.marker), "\(uri) holds the contact address")
                #expect(!answer.text.lowercased().contains("x9k2q"), "\(uri)")
                if uri == "/api/obstacles/\(stored.id)", answer.text.contains("Reiskosten grensarbeiders") { published = true }
            }
            #expect(published, "the crawl reads the published obstacle (so it could have found the address)")
            // Exports: the public one and the full one.
            for scope in [ReadScope.publicOnly, .everything] {
                let snapshot = try await engine.read { db in try await Exporter.snapshot(of: Register(db: db, scope: scope)) }
                #expect(snapshot.obstacles.contains { $0.id == stored.id })
                let directory = FileManager.default.temporaryDirectory.appendingPathComponent("obstacle-export-\(UUID().uuidString)")
                defer { try? FileManager.default.removeItem(at: directory) }
                let text = try Exporter.write(snapshot, to: directory.path).map { try String(contentsOfFile: $0, encoding: .utf8) }.joined()
                #expect(!text.contains(Self.marker))
                #expect(!text.contains("Dank, we nemen contact op."))
            }
        }
    }
}
