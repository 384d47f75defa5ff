import DeltaDomain
import DeltaStore
import DeltaTestSupport
import DeltaWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Signing in, sessions and throttling")
struct SignInTests {
    @Test("a good password starts a session with a safe cookie; a bad one or an unknown name gets the same answer")
    func signIn() async throws {
        try await withAccountsApp { client, engine in
            let browser = Browser(client)
            let ok = try await browser.signIn("anna")
            #expect(ok.status == .seeOther)
            let cookie = ok.headers[values: .setCookie].first { $0.hasPrefix("deltaberaad_session=") } ?? ""
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Lax"))
            let account = try await browser.get("/account")
            #expect(account.status == .ok)
            #expect(account.text.contains("Anna Redacteur"))

            let wrong = try await Browser(client).signIn("anna", password: "not the password at all")
            let unknown = try await Browser(client).signIn("nobody", password: "not the password at all")
            #expect(wrong.status == .unauthorized)
            #expect(unknown.status == .unauthorized)
            let wrongMessage = wrong.text.captures(#"id="login-error">([^<]+)<"#)
            let unknownMessage = unknown.text.captures(#"id="login-error">([^<]+)<"#)
            #expect(!wrongMessage.isEmpty)
            #expect(wrongMessage == unknownMessage)
        }
    }

    @Test("the sign-in form refuses posts without its own CSRF cookie")
    func loginCSRF() async throws {
        try await withAccountsApp { client, engine in
            let response = try await Browser(client).post("/login", ["username": "anna", "password": testPassword, "_csrf": "forged"])
            #expect(response.status == .forbidden)
        }
    }

    @Test("a planted session cookie never becomes a signed-in session; sign-out ends the session")
    func fixationAndLogout() async throws {
        try await withAccountsApp { client, engine in
            let browser = Browser(client)
            browser.setCookie("deltaberaad_session", "planted-by-attacker")
            try await browser.signIn("anna")
            let session = browser.cookies["deltaberaad_session"]
            #expect(session != nil)
            #expect(session != "planted-by-attacker")
            let attacker = Browser(client)
            attacker.setCookie("deltaberaad_session", "planted-by-attacker")
            let attackerView = try await attacker.get("/account")
            #expect(attackerView.status == .seeOther)

            // Keep the old cookie to replay it after sign-out.
            let replay = Browser(client)
            replay.setCookie("deltaberaad_session", session ?? "")
            try await browser.get("/account")
            let logout = try await browser.post("/logout", [:])
            #expect(logout.status == .seeOther)
            let afterLogout = try await replay.get("/account")
            #expect(afterLogout.status == .seeOther)
            #expect(afterLogout.headers[.location]?.hasPrefix("/login") == true)
        }
    }

    @Test("repeated failures lock the account for a while, even for the right password")
    func lockout() async throws {
        try await withAccountsApp { client, engine in
            for _ in 0..<LoginThrottle().lockAfter {
                let failed = try await Browser(client).signIn("rita", password: "wrong password, again")
                #expect(failed.status == .unauthorized)
            }
            let locked = try await Browser(client).signIn("rita")
            #expect(locked.status == .unauthorized)
        }
    }
}

@Suite("Editing, conflicts, notes and probes")
struct EditingTests {
    /// A milestone anna (editor of the dossier kijfhoek) may edit: the Kamerdebat, shared by the four
    /// freight dossiers of the Kamerbrief. It is shown on each of their pages; a save goes back to the
    /// first of them.
    static let milestone = "kamerdebat-spoorgoederenvervoer-2026"
    static let milestoneDossiers = "740-meter-treinen, betuweroute, kijfhoek, rotterdam-haven-capaciteit"
    /// The dossier page the tests read the milestone on (anna's dossier).
    static let dossier = "kijfhoek"
    /// The milestone's first dossier: where a saved form sends the browser.
    static let homeDossier = "740-meter-treinen"

    static func milestoneForm(title: String, status: String = "planned", version: String) -> [String: String] {
        ["dossierIDs": milestoneDossiers, "title": title, "due": "eind 2026", "status": status, "visibility": "public", "version": version, "note": ""]
    }

    @Test("an edit is saved, audited and shown; a stale save shows a conflict with both versions and overwrites nothing")
    func editAndConflict() async throws {
        try await withAccountsApp { client, engine in
            let anna = Browser(client), root = Browser(client)
            try await anna.signIn("anna")
            try await root.signIn("root")
            let form = try await anna.get("/milestones/\(Self.milestone)/edit")
            #expect(form.status == .ok)
            try await root.get("/milestones/\(Self.milestone)/edit")

            let saved = try await root.post("/milestones/\(Self.milestone)/edit", Self.milestoneForm(title: "Door de beheerder", status: "in-progress", version: "1"))
            #expect(saved.status == .seeOther)
            #expect(saved.headers[.location] == "/dossiers/\(Self.homeDossier)#\(Self.milestone)")

            let stale = try await anna.post("/milestones/\(Self.milestone)/edit", Self.milestoneForm(title: "Door Anna", version: "1"))
            #expect(stale.status == .conflict)
            #expect(stale.text.contains("Door de beheerder"))
            #expect(stale.text.contains("Door Anna"))
            #expect(stale.text.contains(#"name="version" value="2""#))
            let conflictPage = try stale.document()
            let conflictForm = try conflictPage.requireElement("main form.record-form")
            #expect(try conflictForm.requireElement(#"input[name="version"]"#).attribute("value") == "2")
            #expect(conflictPage.element(id: "form-errors") == nil, "a conflict is not a validation error")
            let fieldErrors = try conflictForm.select(".field-error")
            #expect(fieldErrors.isEmpty, "a conflict is not a validation error: \(fieldErrors.map(\.text))")
            #expect(stale.text.contains("in uitvoering"), "select values are shown by their Dutch labels")
            let page = try await anna.get("/dossiers/\(Self.dossier)").document()
            let shown = try page.requireSection("h-milestones").requireElement(id: Self.milestone)
            #expect(shown.text.contains("Door de beheerder"))
            #expect(!page.mentions("Door Anna"))

            // The merge: saving the form again, now over version 2.
            let merged = try await anna.post("/milestones/\(Self.milestone)/edit", Self.milestoneForm(title: "Door Anna en de beheerder", status: "in-progress", version: "2"))
            #expect(merged.status == .seeOther)
            let history = try await anna.get("/milestones/\(Self.milestone)/history")
            #expect(history.text.contains("root"))
            #expect(history.text.contains("anna"))
            #expect(history.text.contains("Door de beheerder"))
        }
    }

    @Test("invalid input keeps what the user typed and names the field; no CSRF token, no change")
    func validationAndCSRF() async throws {
        try await withAccountsApp { client, engine in
            let anna = Browser(client)
            try await anna.signIn("anna")
            try await anna.get("/milestones/\(Self.milestone)/edit")
            var fields = Self.milestoneForm(title: "Nieuwe titel die blijft staan", version: "1")
            fields["due"] = "ergens in de toekomst misschien"
            let invalid = try await anna.post("/milestones/\(Self.milestone)/edit", fields)
            #expect(invalid.status == .unprocessableContent)
            #expect(invalid.text.contains(#"id="e-due""#))
            #expect(invalid.text.contains("Nieuwe titel die blijft staan"))
            #expect(invalid.text.contains("ergens in de toekomst misschien"))

            let forged = try await anna.post("/milestones/\(Self.milestone)/edit", Self.milestoneForm(title: "Vervalst", version: "1"), csrf: false)
            #expect(forged.status == .forbidden)
            let wrongToken = try await anna.post("/milestones/\(Self.milestone)/edit", Self.milestoneForm(title: "Vervalst", version: "1").merging(["_csrf": "guess"]) { $1 })
            #expect(wrongToken.status == .forbidden)
            let page = try await anna.get("/dossiers/\(Self.dossier)").document()
            _ = try page.requireSection("h-milestones").requireElement(id: Self.milestone)
            #expect(!page.mentions("Vervalst"))
        }
    }

    @Test("API: ETag and If-Match; 428 without it, 409 with both versions, tokens work and revoked ones do not")
    func api() async throws {
        try await withAccountsApp { client, engine in
            let anna = Browser(client)
            try await anna.signIn("anna")
            try await anna.get("/account")
            let created = try await anna.post("/account/tokens", ["name": "script"])
            #expect(created.status == .created)
            let token = try #require(created.text.captures(#"id="new-token">([^<]+)<"#).first)
            let record = try await anna.send(.get, "/api/milestones/\(Self.milestone)/record", json: "", bearer: token)
            #expect(record.headers[.eTag] == "\"1\"")
            let body = #"{"fields":{"dossierIDs":"\#(Self.milestoneDossiers)","title":"Via de API","due":"eind 2026","status":"planned","visibility":"public"}}"#
            let missing = try await anna.send(.put, "/api/milestones/\(Self.milestone)/record", json: body, bearer: token)
            #expect(missing.status == .preconditionRequired)
            let saved = try await anna.send(.put, "/api/milestones/\(Self.milestone)/record", json: body, ifMatch: "\"1\"", bearer: token)
            #expect(saved.status == .ok)
            #expect(saved.headers[.eTag] == "\"2\"")
            let stale = try await anna.send(.put, "/api/milestones/\(Self.milestone)/record", json: body.replacingOccurrences(of: "Via de API", with: "Verouderd"), ifMatch: "\"1\"", bearer: token)
            #expect(stale.status == .conflict)
            let problem = try stale.json()
            #expect(problem["currentVersion"]?.int == 2)
            #expect(problem["current"]?["fields"]?["title"]?.string == "Via de API")
            #expect(problem["yours"]?["fields"]?["title"]?.string == "Verouderd")
            let invalid = try await anna.send(.put, "/api/milestones/\(Self.milestone)/record", json: #"{"fields":{"title":""}}"#, ifMatch: "\"2\"", bearer: token)
            #expect(invalid.status == .unprocessableContent)
            #expect(try invalid.json()["errors"]?["title"] != nil)
            // A session cookie without the CSRF header is refused.
            let noHeader = try await anna.send(.put, "/api/milestones/\(Self.milestone)/record", json: body, ifMatch: "\"2\"", csrf: false)
            #expect(noHeader.status == .forbidden)
            let unknown = try await anna.send(.get, "/api/me", json: "", bearer: "dbt_made-up")
            #expect(unknown.status == .unauthorized)
            // Revoke and try again.
            let listed = try await anna.get("/account")
            let tokenID = try #require(listed.text.captures(#"/account/tokens/([^/]+)/revoke"#).first)
            let revoked = try await anna.post("/account/tokens/\(tokenID)/revoke", [:])
            #expect(revoked.status == .seeOther)
            let afterRevoke = try await anna.send(.get, "/api/me", json: "", bearer: token)
            #expect(afterRevoke.status == .unauthorized)
        }
    }

    @Test("a delegation's private note is seen by that delegation only")
    func privateNotes() async throws {
        try await withAccountsApp { client, engine in
            let anna = Browser(client), rita = Browser(client), bart = Browser(client)
            try await anna.signIn("anna")
            try await rita.signIn("rita")
            try await bart.signIn("bart")
            try await anna.get("/dossiers/3rx")
            let note = "Onze onderhandelingsruimte: niet boven 50 miljoen gaan."
            let added = try await anna.post("/dossiers/3rx/notes", ["text": note, "about": ""])
            #expect(added.status == .seeOther)
            let sameDelegation = try await rita.get("/dossiers/3rx").document()
            #expect(try sameDelegation.requireSection("notities").text.contains(note))
            let otherDelegation = try await bart.get("/dossiers/3rx").document()
            // Bart has a notes section of his own delegation; the note is nowhere on his page.
            _ = try otherDelegation.requireSection("notities")
            #expect(!otherDelegation.mentions(note))
            let otherAPI = try await bart.get("/api/dossiers/3rx/notes")
            #expect(otherAPI.status == .ok)
            #expect(!otherAPI.text.contains(note))
            let ownAPI = try await rita.get("/api/dossiers/3rx/notes")
            #expect(ownAPI.text.contains(note))
            let anonymous = try await Browser(client).get("/dossiers/3rx").document()
            _ = try anonymous.requireSection("h-milestones")
            #expect(!anonymous.mentions(note))
            let feed = try await rita.get("/dossiers/3rx/calendar.ics")
            #expect(feed.status == .ok)
            #expect(feed.text.contains("BEGIN:VEVENT"))
            #expect(!feed.text.contains("onderhandelingsruimte"))
        }
    }

    @Test("anonymous visitors see only public records; signed-in readers also internal ones")
    func visibility() async throws {
        try await withAccountsApp { client, engine in
            let root = Browser(client)
            try await root.signIn("root")
            try await root.get("/milestones/\(Self.milestone)/edit")
            var fields = Self.milestoneForm(title: "Interne mijlpaal", version: "1")
            fields["visibility"] = "internal"
            let saved = try await root.post("/milestones/\(Self.milestone)/edit", fields)
            #expect(saved.status == .seeOther)
            let anonymous = try await Browser(client).get("/dossiers/\(Self.dossier)").document()
            _ = try anonymous.requireSection("h-milestones")
            #expect(!anonymous.mentions("Interne mijlpaal"))
            let anonymousAPI = try await Browser(client).get("/api/dossiers/\(Self.dossier)")
            #expect(anonymousAPI.status == .ok)
            #expect(!anonymousAPI.text.contains("Interne mijlpaal"))
            let anonymousRecord = try await Browser(client).get("/api/milestones/\(Self.milestone)/record")
            #expect(anonymousRecord.status == .notFound)
            let rita = Browser(client)
            try await rita.signIn("rita")
            let reader = try await rita.get("/dossiers/\(Self.dossier)").document()
            let internalMilestone = try reader.requireSection("h-milestones").requireElement(id: Self.milestone)
            #expect(internalMilestone.text.contains("Interne mijlpaal"))
        }
    }

    @Test("script and attribute injection in every milestone text field renders escaped; SQL metacharacters are plain text")
    func probes() async throws {
        try await withAccountsApp { client, engine in
            let root = Browser(client)
            try await root.signIn("root")
            let milestonesBefore = try await engine.read { db in try await Register(db: db, scope: .everything).milestones() }.count
            try await root.get("/milestones/\(Self.milestone)/edit")
            let script = "<script>alert('x')</script>\" onmouseover=\"alert(1)"
            let sql = "'; DROP TABLE milestones; --"
            var fields = Self.milestoneForm(title: script + sql, version: "1")
            fields["note"] = sql + script
            let saved = try await root.post("/milestones/\(Self.milestone)/edit", fields)
            #expect(saved.status == .seeOther)
            for uri in ["/dossiers/\(Self.dossier)", "/milestones/\(Self.milestone)/edit", "/milestones/\(Self.milestone)/history", "/admin/changes", "/"] {
                let page = try await root.get(uri)
                #expect(page.status == .ok, "\(uri)")
                let document = try page.document()
                _ = try document.requireElement("main")
                #expect(document.elements(tag: "script").isEmpty, "\(uri) must escape the stored script")
                let handlers = document.descendants.filter { $0.attribute("onmouseover") != nil }
                #expect(handlers.isEmpty, "\(uri) must escape the stored attribute: \(handlers.map(\.description))")
                #expect(!page.text.contains("<script>alert"), "\(uri) must escape the stored script")
                #expect(!page.text.contains("\" onmouseover=\"alert"), "\(uri) must escape the stored attribute")
            }
            let dossier = try await root.get("/dossiers/\(Self.dossier)")
            #expect(dossier.text.contains((script + sql).htmlEscaped))
            let milestones = try await engine.read { db in try await Register(db: db, scope: .everything).milestones() }
            #expect(milestonesBefore >= 5 && milestones.count == milestonesBefore, "the milestones table is still there, every row of it")
            // SQL metacharacters in ids and queries are harmless too.
            let odd = try await root.get("/milestones/x'%20OR%20'1'='1/edit")
            #expect(odd.status == .notFound)
        }
    }
}

@Suite("Editing a body's members")
struct MembershipEditingTests {
    @Test("members are added and removed through the form, audited, and a stale list is a conflict")
    func members() async throws {
        try await withAccountsApp { client, engine in
            let anna = Browser(client), root = Browser(client)
            try await anna.signIn("anna")
            try await root.signIn("root")
            let page = try await anna.get("/bodies/werkgroep-3rx/members")
            #expect(page.status == .ok)
            let fingerprint = try #require(page.text.captures(#"name="fingerprint" value="([^"]+)""#).first)
            let before = try await engine.read { db in try await Register(db: db, scope: .everything).memberships(bodyID: "werkgroep-3rx") }

            let added = try await anna.post("/bodies/werkgroep-3rx/members", ["fingerprint": fingerprint, "organisationID": "ienw", "role": "observer", "invited": "on"])
            #expect(added.status == .seeOther)
            let after = try await engine.read { db in try await Register(db: db, scope: .everything).memberships(bodyID: "werkgroep-3rx") }
            #expect(after.count == before.count + 1)
            #expect(after.last?.role == .observer)
            #expect(after.last?.invited == true)

            // The old fingerprint no longer matches: nothing is written.
            let stale = try await anna.post("/bodies/werkgroep-3rx/members/remove", ["fingerprint": fingerprint, "position": "0"])
            #expect(stale.status == .conflict)
            let unchanged = try await engine.read { db in try await Register(db: db, scope: .everything).memberships(bodyID: "werkgroep-3rx") }
            #expect(unchanged == after)

            let invalid = try await anna.post("/bodies/werkgroep-3rx/members", ["fingerprint": "x", "organisationID": "no-such-org", "role": "member"])
            #expect(invalid.status == .unprocessableContent)
            #expect(invalid.text.contains(#"id="e-organisationID""#))

            let history = try await anna.get("/bodies/werkgroep-3rx/history")
            #expect(history.text.contains("members"))

            // The API: the ETag is the fingerprint; If-Match guards the whole list.
            try await root.get("/account")
            let list = try await root.get("/api/bodies/werkgroep-3rx/members")
            let etag = try #require(list.headers[.eTag])
            let json = #"{"members":[{"bodyID":"x","organisationID":"ienw","role":"chair","invited":false}]}"#
            let put = try await root.send(.put, "/api/bodies/werkgroep-3rx/members", json: json, ifMatch: etag)
            #expect(put.status == .ok)
            let again = try await root.send(.put, "/api/bodies/werkgroep-3rx/members", json: json, ifMatch: etag)
            #expect(again.status == .conflict)
            let final = try await engine.read { db in try await Register(db: db, scope: .everything).memberships(bodyID: "werkgroep-3rx") }
            #expect(final.map(\.organisationID) == ["ienw"])
            #expect(final.first?.bodyID == "werkgroep-3rx")
        }
    }
}

@Suite("Documents and agreements through the forms")
struct DocumentEditingTests {
    static func multipart(_ fields: [String: String], file: (field: String, name: String, text: String)?, boundary: String) -> String {
        var body = ""
        for (name, value) in fields.sorted(by: { $0.key < $1.key }) {
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n"
        }
        if let file {
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.field)\"; filename=\"\(file.name)\"\r\nContent-Type: text/markdown\r\n\r\n\(file.text)\r\n"
        }
        return body + "--\(boundary)--\r\n"
    }

    @Test("a document uploaded as .md is stored with its paragraphs; an agreement quoting it is located; a text change that drops the quote is refused")
    func documentAndAgreement() async throws {
        try await withAccountsApp { client, engine in
            let anna = Browser(client)
            try await anna.signIn("anna")
            let form = try await anna.get("/documents/new")
            #expect(form.text.contains(#"enctype="multipart/form-data""#))
            let csrf = try #require(anna.csrf)
            let text = "Verslag van de werkgroep.\n\nDe partijen spreken af om de studie voor de zomer van 2027 af te ronden.\n\nVerder niets."
            let boundary = "----deltaberaad-test"
            let body = Self.multipart(["_csrf": csrf, "version": "0", "id": "verslag-werkgroep-2026", "kind": "minutes", "title": "Verslag werkgroep",
                                       "date": "2026-11-20", "language": "nl", "visibility": "internal", "text": ""],
                                      file: ("textFile", "verslag.md", text), boundary: boundary)
            var headers = HTTPFields()
            headers[.contentType] = "multipart/form-data; boundary=\(boundary)"
            headers[.cookie] = "deltaberaad_session=\(anna.cookies["deltaberaad_session"] ?? "")"
            let created = try await client.execute(uri: "/documents/new", method: .post, headers: headers, body: ByteBuffer(string: body))
            #expect(created.status == .seeOther, "\(created.text.prefix(400))")
            let stored = try await engine.read { db in try await Register(db: db, scope: .everything).paragraphs(documentID: "verslag-werkgroep-2026") }
            #expect(stored.count == 3)

            try await anna.get("/agreements/new")
            let wrongQuote = try await anna.post("/agreements/new", ["id": "studie-afronden", "title": "Studie afronden", "documentID": "verslag-werkgroep-2026",
                                                                     "quote": "een zin die er niet staat", "completion": "not-started", "visibility": "internal",
                                                                     "dossierIDs": "kijfhoek", "version": "0"])
            #expect(wrongQuote.status == .unprocessableContent)
            #expect(wrongQuote.text.contains(#"id="e-quote""#))
            let agreement = try await anna.post("/agreements/new", ["id": "studie-afronden", "title": "Studie afronden", "documentID": "verslag-werkgroep-2026",
                                                                    "quote": "de studie voor de zomer van 2027 af te ronden", "completion": "not-started",
                                                                    "visibility": "internal", "dossierIDs": "kijfhoek", "due": "voor de zomer van 2027", "version": "0"])
            #expect(agreement.status == .seeOther)
            let located = try await engine.read { db in try await Register(db: db, scope: .everything).agreement(id: "studie-afronden") }
            #expect(located?.source.anchor == "p2")
            let agreementForm = try await anna.get("/agreements/studie-afronden/edit")
            #expect(agreementForm.text.contains(#"<li id="par-p2">"#), "the form offers the document's paragraphs to copy from")

            // Editing the document so that the quote disappears is refused, with the reason at the text field.
            let edit = try await anna.get("/documents/verslag-werkgroep-2026/edit")
            #expect(edit.status == .ok)
            let refused = try await anna.post("/documents/verslag-werkgroep-2026/edit", ["kind": "minutes", "title": "Verslag werkgroep", "date": "2026-11-20",
                                                                                         "language": "nl", "visibility": "internal", "version": "1",
                                                                                         "text": "Een heel andere tekst."])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("studie-afronden"))
            // A change that keeps the quote but moves it re-anchors the agreement.
            let moved = try await anna.post("/documents/verslag-werkgroep-2026/edit", ["kind": "minutes", "title": "Verslag werkgroep", "date": "2026-11-20",
                                                                                       "language": "nl", "visibility": "internal", "version": "1",
                                                                                       "text": "Inleiding.\n\n" + text])
            #expect(moved.status == .seeOther)
            let reanchored = try await engine.read { db in try await Register(db: db, scope: .everything).agreement(id: "studie-afronden") }
            #expect(reanchored?.source.anchor == "p3")
        }
    }
}

@Suite("Injection probes across every record kind")
struct InjectionProbeTests {
    static let hostile = "<script>alert('p')</script>\"><img src=x onerror=alert(1)> '; DROP TABLE dossiers; --"
    /// The free-text fields of the edit forms (ids, choices, dates and amounts are validated instead).
    /// (An investment's fundingSource is a choice since deltaberaad/2, no longer free text.)
    static let textFields: Set<String> = ["title", "summary", "note", "place", "name", "shortName", "wording", "reference", "aliases", "themes",
                                          "explanation", "description", "unit"]

    @Test("hostile text saved through the API into every free-text field renders escaped everywhere, and SQL stays data")
    func everyKind() async throws {
        try await withAccountsApp { client, engine in
            let root = Browser(client)
            try await root.signIn("root")
            try await AuthorizationMatrixTests.addScopedGoal(engine)
            var saved: [String] = []
            for (segment, id) in AuthorizationMatrixTests.ids.sorted(by: { $0.key < $1.key }) where !["bodies", "stations", "extract"].contains(segment) {
                let record = try await root.get("/api/\(segment)/\(id)/record")
                let etag = try #require(record.headers[.eTag], "\(segment)")
                var fields: [String: String] = [:]
                for (key, value) in try record.json()["fields"]?.object ?? [:] { fields[key] = value.string ?? "" }
                for key in fields.keys where Self.textFields.contains(key) { fields[key] = key == "shortName" ? "<i>\"'&" : Self.hostile }
                let body = String(decoding: try JSONEncoder().encode(["fields": fields]), as: UTF8.self)
                let put = try await root.send(.put, "/api/\(segment)/\(id)/record", json: body, ifMatch: etag)
                #expect(put.status == .ok, "\(segment): \(put.text.prefix(300))")
                if put.status == .ok { saved.append(segment) }
            }
            #expect(saved.count == 12)
            let milestone = try #require(AuthorizationMatrixTests.ids["milestones"])
            let pages = ["/", "/dossiers", "/dossiers/3rx", "/dossiers/kijfhoek", "/documents", "/documents/verklaring-2026", "/bodies",
                         "/bodies/politiek-overleg", "/organisations", "/investments", "/admin/changes", "/milestones/\(milestone)/edit",
                         "/milestones/\(milestone)/history", "/allocation-regimes/nl-mobiliteitsfonds/edit",
                         "/allocation-regimes/nl-mobiliteitsfonds/history", "/goals", "/goals/matrix-maatregel-kijfhoek/edit",
                         "/indicators/matrix-indicator-kijfhoek/edit", "/goals/matrix-maatregel-kijfhoek/history",
                         "/network", "/rail-links/hamont-weert", "/rail-links/hamont-weert/edit", "/stations/weert", "/dossiers/hamont-weert"]
            for uri in pages {
                let page = try await root.get(uri)
                #expect(page.status == .ok, "\(uri)")
                let document = try page.document()
                _ = try document.requireElement("main")
                #expect(document.elements(tag: "script").isEmpty, "\(uri) shows a stored script unescaped")
                let injected = document.elements(tag: "img") + document.elements(tag: "i")
                #expect(injected.isEmpty, "\(uri) shows a stored tag unescaped: \(injected.map(\.description))")
                #expect(!page.text.contains("<script>alert"), "\(uri) shows a stored script unescaped")
                #expect(!page.text.contains("<img src=x"), "\(uri) shows a stored tag unescaped")
            }
            // A calendar feed is plain text for calendar programs, never sniffed as HTML.
            let feed = try await root.get("/bodies/politiek-overleg/calendar.ics")
            #expect(feed.headers[.contentType]?.hasPrefix("text/calendar") == true)
            #expect(feed.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
            let dossiers = try await engine.read { db in try await Register(db: db, scope: .everything).dossiers() }
            #expect(dossiers.count > 10, "the dossiers table is still there")
            let storedAsTyped = dossiers.contains { $0.title == Self.hostile }
            #expect(storedAsTyped, "the text is stored as it was typed")
        }
    }
}

@Suite("Three-way merge on conflicts")
struct MergeTests {
    /// The hidden `_base_*` fields of an edit form, as a browser would send them back.
    static func baseFields(_ html: String) -> [String: String] {
        var fields: [String: String] = [:]
        let pattern = #"<input type="hidden" name="(_base_[A-Za-z]+)" value="([^"]*)">"#
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [:] }
        let text = html as NSString
        for match in regex.matches(in: html, range: NSRange(location: 0, length: text.length)) {
            let value = text.substring(with: match.range(at: 2)).replacingOccurrences(of: "&quot;", with: "\"")
                .replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&lt;", with: "<")
                .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
            fields[text.substring(with: match.range(at: 1))] = value
        }
        return fields
    }

    @Test("fields only the other person changed are taken over; the user's own changes stay; saving keeps both")
    func merge() async throws {
        try await withAccountsApp { client, engine in
            let milestone = EditingTests.milestone
            let anna = Browser(client), root = Browser(client)
            try await anna.signIn("anna")
            try await root.signIn("root")
            let annaForm = try await anna.get("/milestones/\(milestone)/edit")
            let base = Self.baseFields(annaForm.text)
            #expect(base["_base_title"] != nil)
            let rootForm = try await root.get("/milestones/\(milestone)/edit")
            var rootFields = Self.baseFields(rootForm.text)
            for (key, value) in Self.baseFields(rootForm.text) { rootFields[String(key.dropFirst("_base_".count))] = value }
            rootFields["note"] = "Toelichting van de beheerder"
            rootFields["version"] = "1"
            let rootSaved = try await root.post("/milestones/\(milestone)/edit", rootFields)
            #expect(rootSaved.status == .seeOther)

            var annaFields = base
            for (key, value) in base { annaFields[String(key.dropFirst("_base_".count))] = value }
            annaFields["title"] = "Titel van Anna"
            annaFields["version"] = "1"
            let conflict = try await anna.post("/milestones/\(milestone)/edit", annaFields)
            #expect(conflict.status == .conflict)
            #expect(conflict.text.contains(#"value="Titel van Anna""#), "her own change stays")
            #expect(conflict.text.contains(">Toelichting van de beheerder</textarea>"), "the other change is taken over")
            #expect(conflict.text.contains("overgenomen uit de huidige versie"))

            // Saving the merged form as it stands keeps both changes.
            var merged = Self.baseFields(conflict.text)
            for (key, value) in merged { merged[String(key.dropFirst("_base_".count))] = value }
            merged["title"] = "Titel van Anna"
            merged["note"] = "Toelichting van de beheerder"
            merged["version"] = "2"
            let saved = try await anna.post("/milestones/\(milestone)/edit", merged)
            #expect(saved.status == .seeOther)
            let stored = try await engine.read { db in try await Register(db: db, scope: .everything).milestone(id: milestone) }
            #expect(stored?.title == "Titel van Anna")
            #expect(stored?.note == "Toelichting van de beheerder")
        }
    }
}
