import DeltaDomain
import DeltaStore
import DeltaWeb
import DeltaTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Bringing in a document on the web: upload, review beside the marked text, accept everything
/// ticked in one audited transaction, or nothing.
@Suite("Extraction review on the web")
struct ExtractionReviewTests {
    static let text = """
    Gezamenlijke verklaring over de spoorverbinding

    Nederland en Vlaanderen spreken af de studie naar de verbinding uiterlijk 30 juni 2026 af te ronden.

    De Rijksoverheid investeert de komende jaren circa €12 miljoen in de verbinding.
    """

    /// Uploads `text` as a file and returns the review page, following the status page as a
    /// browser would when the reading takes longer than the server's patience (a busy machine).
    static func upload(_ browser: Browser, client: any TestClientProtocol, name: String = "verklaring-test.txt", text: String = text) async throws -> TestResponse {
        var response = try await uploadOnce(browser, client: client, name: name, text: text)
        guard response.status == .seeOther, let location = response.headers[.location], location.hasPrefix("/extract/jobs/") else { return response }
        for _ in 0..<600 {
            response = try await browser.get(location)
            if response.headers[HTTPField.Name("Refresh")!] == nil { return response }
            try await Task.sleep(for: .milliseconds(100))
        }
        return response
    }

    /// Uploads `text` as a file and returns the first answer.
    static func uploadOnce(_ browser: Browser, client: any TestClientProtocol, name: String = "verklaring-test.txt", text: String = text) async throws -> TestResponse {
        _ = try await browser.get("/extract")
        let boundary = "----deltaberaad-extract"
        var body = "--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(browser.csrf ?? "")\r\n"
        body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"documentDate\"\r\n\r\n2026-02-18\r\n"
        body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(name)\"\r\nContent-Type: text/plain\r\n\r\n\(text)\r\n--\(boundary)--\r\n"
        var headers = HTTPFields()
        headers[.contentType] = "multipart/form-data; boundary=\(boundary)"
        headers[.cookie] = "deltaberaad_session=\(browser.cookies["deltaberaad_session"] ?? "")"
        return try await client.execute(uri: "/extract", method: .post, headers: headers, body: ByteBuffer(string: body))
    }

    /// The fields of the review form as the page proposes them (inputs, ticked checkboxes, textareas).
    static func proposedFields(_ html: String) -> [String: String] {
        var fields: [String: String] = [:]
        for match in html.captures(#"<input [^>]*name="([^"]+)"[^>]*value="([^"]*)""#, groups: 2) { fields[match[0]] = match[1].htmlUnescaped }
        for match in html.captures(#"<input type="checkbox" id="[^"]+" name="([^"]+)" checked>"#, groups: 1) { fields[match[0]] = "on" }
        for match in html.captures(#"<textarea [^>]*name="([^"]+)"[^>]*>([^<]*)</textarea>"#, groups: 2) { fields[match[0]] = match[1].htmlUnescaped }
        for match in html.captures(#"<select [^>]*name="([^"]+)"[^>]*>(.*?)</select>"#, groups: 2) where fields[match[0]] == nil {
            let selected = match[1].captures(#"<option value="([^"]*)" selected>"#, groups: 1).first?[0]
            fields[match[0]] = selected ?? match[1].captures(#"<option value="([^"]*)""#, groups: 1).first?[0] ?? ""
        }
        return fields
    }

    @Test("an editor uploads, sees the candidates marked in the text, and accepts: document, agreement, milestone and investment in one go, audited")
    func acceptAll() async throws {
        try await withAccountsApp { client, engine in
            let root = Browser(client)
            try await root.signIn("root")
            let review = try await Self.upload(root, client: client)
            #expect(review.status == .ok, "\(review.text.prefix(500))")
            #expect(review.text.contains(#"<mark class="mark-agreement">"#))
            #expect(review.text.contains("mark-date") && review.text.contains("mark-amount"))
            var fields = Self.proposedFields(review.text)
            #expect(fields["doc.id"] == "verklaring-test")
            #expect(fields["doc.kind"] == "joint-declaration")
            #expect(fields["a0.accept"] == "on", "a confident agreement is ticked")
            // Accept the deadline as a milestone of kijfhoek and the amount as an investment of IenW.
            func candidate(_ letter: String) -> String? {
                fields.keys.first { $0.hasPrefix(letter) && $0.hasSuffix(".title") && Int($0.dropFirst().dropLast(6)) != nil }.map { String($0.dropLast(6)) }
            }
            let deadline = try #require(candidate("d")), amount = try #require(candidate("m"))
            fields["a0.dossierIDs"] = "kijfhoek"
            fields["\(deadline).accept"] = "on"; fields["\(deadline).dossierIDs"] = "kijfhoek"
            fields["\(amount).accept"] = "on"; fields["\(amount).organisationID"] = "ienw"; fields["\(amount).country"] = "NL"
            fields["_csrf"] = nil
            let saved = try await root.post("/extract/accept", fields)
            #expect(saved.status == .seeOther, "\(saved.text.prefix(800))")
            #expect(saved.headers[.location] == "/documents/verklaring-test")
            let (document, agreement, milestones, investments, audit) = try await engine.read { db in
                let register = Register(db: db, scope: .everything)
                return (try await register.document(id: "verklaring-test"), try await register.agreement(id: "verklaring-test-a1"),
                        try await register.milestones().filter { $0.id.hasPrefix("verklaring-test-") },
                        try await register.investments().filter { $0.id.hasPrefix("verklaring-test-") },
                        try await AuditLog(db: db).entries(kind: "document", id: "verklaring-test"))
            }
            #expect(document?.kind == .jointDeclaration)
            #expect(agreement?.source.documentID == "verklaring-test" && agreement?.dossierIDs == ["kijfhoek"])
            #expect(agreement?.source.quote.hasPrefix("Nederland en Vlaanderen spreken af") == true)
            #expect(milestones.first?.due.latest == CalendarDate(year: 2026, month: 6, day: 30))
            #expect(investments.first?.amount == .approximate(cents: 12_000_000_00) && investments.first?.organisationID == "ienw")
            #expect(milestones.first?.source?.documentID == "verklaring-test", "the milestone keeps the passage it came from")
            #expect(investments.first?.source?.quote == "circa €12 miljoen", "the investment keeps the passage it came from")
            #expect(audit.count == 1, "the document's creation is in the audit log")
        }
    }

    @Test("one refused record writes nothing, and the review comes back with the message beside it and the reviewer's edits kept")
    func refusalWritesNothing() async throws {
        try await withAccountsApp { client, engine in
            let root = Browser(client)
            try await root.signIn("root")
            let review = try await Self.upload(root, client: client, name: "tweede.txt")
            var fields = Self.proposedFields(review.text)
            fields["_csrf"] = nil
            fields["a0.title"] = "Mijn eigen titel"
            fields["a0.dossierIDs"] = "bestaat-niet"
            let refused = try await root.post("/extract/accept", fields)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("bestaat-niet"), "the message names the unknown dossier")
            #expect(refused.text.contains(#"value="Mijn eigen titel""#), "the edit is kept")
            let document = try await engine.read { db in try await Register(db: db, scope: .everything).document(id: "tweede") }
            #expect(document == nil, "the document was not written either")
        }
    }

    @Test("bringing in a document that is already in the register shows what the new version changes, and which agreements lose their passage")
    func revisedVersion() async throws {
        try await withAccountsApp { client, _ in
            let root = Browser(client)
            try await root.signIn("root")
            let original = try String(contentsOf: PackageFiles.root.appendingPathComponent("data/demo/texts/000-verklaring-2026.txt"), encoding: .utf8)
            // The revision drops the paragraph about the framework around summer 2026.
            let cut = try #require(original.range(of: "Ondertekenaars spreken af dat er rond de zomer van 2026"))
            let revised = String(original[..<cut.lowerBound]) + "Een nieuwe alinea over de evaluatie.\n\n"
                + String(original[original.index(cut.lowerBound, offsetBy: 600)...])
            let review = try await Self.upload(root, client: client, name: "verklaring-2026.txt", text: revised)
            #expect(review.status == .ok)
            let page = try review.document()
            let section = try page.requireSection("h-revision").markup
            #expect(section.contains("staat niet meer in de tekst"), "an agreement quoting the dropped paragraph is named")
            #expect(section.contains("Een nieuwe alinea over de evaluatie."))
            let proposed = Self.proposedFields(review.text)
            #expect(proposed["doc.place"] == "Antwerpen" && proposed["doc.date"] == "2026-02-18")
            #expect(review.text.contains("A.A. (Thierry) Aartsen"), "the signatories are proposed")
            let same = try await Self.upload(root, client: client, name: "verklaring-2026.txt", text: original)
            #expect(try same.document().requireSection("h-revision").markup.contains("De tekst is gelijk."))
            // The original names the Thalassa declaration of intent right after "addendum".
            #expect(same.text.contains(#"<a href="/documents/thalassa-intentieverklaring-2022">"#), "the Thalassa declaration of intent is proposed")
            #expect(Self.proposedFields(same.text).contains { $0.key.hasPrefix("r") && $0.key.hasSuffix(".kind") && $0.value == "addendum-to" },
                    "as what this is an addendum to")
        }
    }

    @Test("the proposed signatories are pre-filled as the document form's lines, with an organisation only where the office matches one; refused lines write nothing; accepted ones are stored")
    func signatories() async throws {
        try await withAccountsApp { client, engine in
            let root = Browser(client)
            try await root.signIn("root")
            let original = try String(contentsOf: PackageFiles.root.appendingPathComponent("data/demo/texts/000-verklaring-2026.txt"), encoding: .utf8)
            let review = try await Self.upload(root, client: client, name: "verklaring-kopie.txt", text: original)
            #expect(review.status == .ok)
            var fields = Self.proposedFields(review.text).filter { !$0.key.hasSuffix(".accept") }
            fields["_csrf"] = nil
            let lines = (fields["doc.signatories"] ?? "").split(separator: "\n").map(String.init)
            #expect(lines.count == 2, "\(lines)")
            #expect(lines.first?.hasPrefix("(Jean-Luc) Crucke — Minister van Mobiliteit") == true)
            #expect(lines.first?.filter { $0 == "—" }.count == 1, "no organisation of the register matches this office: none is guessed")
            #expect(lines.last == "A.A. (Thierry) Aartsen — Staatssecretaris van Infrastructuur en Waterstaat — ienw")

            var refusedFields = fields
            refusedFields["doc.signatories"] = "Jan Jansen zonder functie"
            let refused = try await root.post("/extract/accept", refusedFields)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("Jan Jansen zonder functie"), "the line is named and kept")
            #expect(refused.text.contains(#"id="e-doc-signatories""#))
            #expect(try await engine.read { db in try await Register(db: db, scope: .everything).document(id: "verklaring-kopie") } == nil)

            let saved = try await root.post("/extract/accept", fields)
            #expect(saved.status == .seeOther, "\(saved.text.prefix(800))")
            let signatories = try await engine.read { db in try await Register(db: db, scope: .everything).document(id: "verklaring-kopie")?.signatories }
            #expect(signatories?.map(\.name) == ["(Jean-Luc) Crucke", "A.A. (Thierry) Aartsen"])
            #expect(signatories?.map(\.organisationID) == [nil, "ienw"])
            #expect(signatories?.last?.role == "Staatssecretaris van Infrastructuur en Waterstaat")
        }
    }

    @Test("an agreement's parties that are organisations of the register are proposed and stored as its parties; the others are listed as not in the register")
    func parties() async throws {
        try await withAccountsApp { client, engine in
            let root = Browser(client)
            try await root.signIn("root")
            let text = "Afspraken over de studie\n\nProRail, de Vlaamse Regering en Vlaanderen spreken af de studie naar de verbinding uiterlijk 30 juni 2026 af te ronden.\n"
            let review = try await Self.upload(root, client: client, name: "partijen.txt", text: text)
            #expect(review.status == .ok, "\(review.text.prefix(500))")
            var fields = Self.proposedFields(review.text).filter { !$0.key.hasSuffix(".accept") }
            #expect(fields["a0.partyIDs"] == "prorail, vlaamse-regering")
            let notInRegister = review.text.captures(#"<span class="not-in-register">([^<]*)</span>"#, groups: 1).map { $0[0] }
            #expect(notInRegister == ["Vlaanderen"], "the party that is no organisation of the register is shown, not dropped")
            fields["_csrf"] = nil
            fields["a0.accept"] = "on"; fields["a0.dossierIDs"] = "kijfhoek"
            let saved = try await root.post("/extract/accept", fields)
            #expect(saved.status == .seeOther, "\(saved.text.prefix(800))")
            let agreement = try await engine.read { db in try await Register(db: db, scope: .everything).agreement(id: "partijen-a1") }
            #expect(agreement?.partyIDs == ["prorail", "vlaamse-regering"])
        }
    }

    @Test("earlier documents the register lacks are proposed as stubs and parties it lacks as organisations; ticked ones are written first and linked")
    func stubsAndNewParties() async throws {
        try await withAccountsApp { client, engine in
            let root = Browser(client)
            try await root.signIn("root")
            let text = """
                Aanvullende afspraken

                Deze afspraken vormen mogelijk de basis voor een addendum bij de afspraken van de Noordzeetop van 2019.

                Vlaanderen en ProRail spreken af de studie naar de verbinding uiterlijk 30 juni 2026 af te ronden.
                """
            let review = try await Self.upload(root, client: client, name: "aanvulling.txt", text: text)
            #expect(review.status == .ok, "\(review.text.prefix(500))")
            var fields = Self.proposedFields(review.text)
            #expect(fields["s0.title"] == "afspraken van de Noordzeetop van 2019")
            #expect(fields["s0.relation"] == "addendum-to")
            #expect(fields["s0.accept"] == nil, "a stub is proposed, not ticked")
            #expect(fields["o0.party"] == "Vlaanderen" && fields["o0.accept"] == nil)
            fields["_csrf"] = nil
            fields["a0.accept"] = "on"; fields["a0.dossierIDs"] = "kijfhoek"
            fields["s0.accept"] = "on"; fields["s0.id"] = "noordzeetop-2019"; fields["s0.kind"] = "final-declaration"
            fields["o0.accept"] = "on"; fields["o0.id"] = "vlaanderen"; fields["o0.country"] = "BE"; fields["o0.level"] = "regional"
            // A refusal in the new organisation writes nothing, and says where.
            var refusedFields = fields
            refusedFields["o0.level"] = "galactic"
            let refused = try await root.post("/extract/accept", refusedFields)
            #expect(refused.status == .unprocessableContent)
            let nothing = try await engine.read { db in try await Register(db: db, scope: .everything).document(id: "noordzeetop-2019") }
            #expect(nothing == nil, "the stub of a refused acceptance is not written")
            let saved = try await root.post("/extract/accept", fields)
            #expect(saved.status == .seeOther, "\(saved.text.prefix(800))")
            let (stub, document, organisation, agreement) = try await engine.read { db in
                let register = Register(db: db, scope: .everything)
                return (try await register.document(id: "noordzeetop-2019"), try await register.document(id: "aanvulling"),
                        try await register.organisation(id: "vlaanderen"), try await register.agreement(id: "aanvulling-a1"))
            }
            #expect(stub?.isStub == true && stub?.title == "afspraken van de Noordzeetop van 2019" && stub?.date?.earliest.year == 2019)
            #expect(document?.relations.contains { $0.targetID == "noordzeetop-2019" && $0.kind == .addendumTo && $0.planned } == true)
            #expect(organisation?.country == .BE && organisation?.level == .regional)
            #expect(agreement?.partyIDs.contains("vlaanderen") == true && agreement?.partyIDs.contains("prorail") == true)
        }
    }

    @Test("an upload that takes longer than a second shows a status page that reloads itself until the review is ready; only its owner sees it")
    func longUploadShowsProgress() async throws {
        // No patience: every reading gets its status page, however fast this machine is.
        try await withAccountsApp(configure: { $0.extractionPatience = .zero }) { client, _ in
            let root = Browser(client)
            try await root.signIn("root")
            let paragraph = "Nederland en Vlaanderen spreken af de studie naar de verbinding uiterlijk 30 juni 2026 af te ronden en investeren circa €12 miljoen.\n\n"
            let text = "Lange verklaring\n\n" + String(repeating: paragraph, count: 3_000)
            let first = try await Self.uploadOnce(root, client: client, name: "lang.txt", text: text)
            #expect(first.status == .seeOther, "a long reading answers with its status page")
            let location = try #require(first.headers[.location])
            #expect(location.hasPrefix("/extract/jobs/"))
            // Someone else, and an unknown job, get nothing.
            let other = Browser(client)
            try await other.signIn("anna")
            #expect(try await other.get(location).status == .notFound)
            #expect(try await root.get("/extract/jobs/unknown").status == .notFound)
            var page = try await root.get(location)
            var polls = 0
            while page.status == .ok, page.headers[HTTPField.Name("Refresh")!] != nil, polls < 600 {
                #expect(page.text.contains("lang.txt") && page.text.contains("job-steps"))
                let manual = try await root.get(location + "?refresh=no")
                #expect(manual.headers[HTTPField.Name("Refresh")!] == nil, "the reader can stop the reloading")
                try await Task.sleep(for: .milliseconds(200))
                page = try await root.get(location)
                polls += 1
            }
            #expect(page.status == .ok)
            #expect(polls < 600, "the reading ends")
            #expect(page.text.contains("mark-agreement"), "the review is shown when the reading is done")
            #expect(try await root.get(location).status == .notFound, "the review is handed out once; its form carries the text on")
        }
    }

    @Test("a meeting rhythm is accepted as a body's rule, with the body's edit rights and an audit entry")
    func cadence() async throws {
        try await withAccountsApp { client, engine in
            let root = Browser(client)
            try await root.signIn("root")
            let text = "Verslag\n\nHet politiek overleg komt voortaan ten minste tweemaal per jaar samen.\n"
            let review = try await Self.upload(root, client: client, name: "ritme.txt", text: text)
            var fields = Self.proposedFields(review.text)
            #expect(fields["c0.bodyID"] != nil, "the rhythm can be set on a body")
            fields["_csrf"] = nil
            fields["c0.accept"] = "on"
            fields["c0.bodyID"] = "politiek-overleg"
            fields = fields.filter { !($0.key.hasPrefix("a") && $0.key.hasSuffix(".accept")) }
            let saved = try await root.post("/extract/accept", fields)
            #expect(saved.status == .seeOther, "\(saved.text.prefix(600))")
            let (body, audit) = try await engine.read { db in
                (try await Register(db: db, scope: .everything).body(id: "politiek-overleg"),
                 try await AuditLog(db: db).entries(kind: "body", id: "politiek-overleg"))
            }
            #expect(body?.cadence == .perYear(count: 2))
            #expect(audit.last?.action == "cadence-from-document")
        }
    }

    @Test("a letter with Word's footnotes is stored cleaned (markers [n], notes at the end) and its agreements are found in it")
    func footnotes() async throws {
        try await withAccountsApp { client, engine in
            let root = Browser(client)
            try await root.signIn("root")
            let letter = try String(contentsOf: PackageFiles.root.appendingPathComponent("data/demo/texts/003-kamerbrief-goederen-2026.txt"), encoding: .utf8)
            let review = try await Self.upload(root, client: client, name: "brief-goederen.txt", text: letter)
            var fields = Self.proposedFields(review.text)
            fields["_csrf"] = nil
            for key in fields.keys where key.hasSuffix(".accept") && !key.hasPrefix("r") { fields[key] = nil }
            let agreementKeys = fields.keys.filter { $0.hasPrefix("a") && $0.hasSuffix(".quote") }.map { String($0.dropLast(6)) }
            #expect(!agreementKeys.isEmpty)
            for key in agreementKeys { fields["\(key).accept"] = "on"; fields["\(key).dossierIDs"] = "kijfhoek" }
            let saved = try await root.post("/extract/accept", fields)
            #expect(saved.status == .seeOther, "\(saved.text.prefix(800))")
            let document = try await engine.read { db in try await Register(db: db, scope: .everything).document(id: "brief-goederen") }
            let text = document?.paragraphs.map(\.text).joined(separator: "\n") ?? ""
            #expect(!text.contains("[footnoteRef:") && text.contains("[1] Tweede Kamer, vergaderjaar 2025-2026, 29 984, nr. 1265"))
            // The footnotes' parliamentary papers are proposed and ticked, so the letter cites them.
            #expect(document?.relations.contains { $0.kind == .cites && $0.targetID == "kamerstuk-29984-1265" } == true)
        }
    }

    @Test("a revised version can replace the stored text: agreements follow their passages; losing a quoted passage saves nothing")
    func replaceStoredText() async throws {
        try await withAccountsApp { client, engine in
            let root = Browser(client)
            try await root.signIn("root")
            let original = try String(contentsOf: PackageFiles.root.appendingPathComponent("data/demo/texts/000-verklaring-2026.txt"), encoding: .utf8)
            let before = try await engine.read { db in try await Register(db: db, scope: .everything).agreements(documentID: "verklaring-2026") }
            // A new opening paragraph moves every passage down one paragraph.
            let revised = "Voorwoord bij de herziene versie.\n\n" + original
            let review = try await Self.upload(root, client: client, name: "verklaring-2026.txt", text: revised)
            var fields = Self.proposedFields(review.text)
            fields["_csrf"] = nil
            // Relations stay as proposed: the document's own title is proposed but not ticked.
            for key in fields.keys where key.hasSuffix(".accept") && !key.hasPrefix("r") { fields[key] = nil }
            fields["replaceExisting"] = "on"
            let saved = try await root.post("/extract/accept", fields)
            #expect(saved.status == .seeOther, "\(saved.text.prefix(800))")
            #expect(saved.headers[.location] == "/documents/verklaring-2026")
            let (document, after) = try await engine.read { db in
                let register = Register(db: db, scope: .everything)
                return (try await register.document(id: "verklaring-2026"), try await register.agreements(documentID: "verklaring-2026"))
            }
            #expect(document?.paragraphs.first?.text == "Voorwoord bij de herziene versie.")
            #expect(document?.kind == .jointDeclaration, "the document keeps its own fields")
            #expect(after.count == before.count)
            let moved = after.filter { agreement in before.first { $0.id == agreement.id }?.source.anchor != agreement.source.anchor }
            #expect(!moved.isEmpty, "the agreements follow their passages")

            // A version without a quoted passage is refused, and nothing is written.
            let cut = try #require(original.range(of: "Ondertekenaars spreken af dat er rond de zomer van 2026"))
            let lossy = String(original[..<cut.lowerBound]) + String(original[original.index(cut.lowerBound, offsetBy: 600)...])
            let second = try await Self.upload(root, client: client, name: "verklaring-2026.txt", text: lossy)
            var lossyFields = Self.proposedFields(second.text)
            lossyFields["_csrf"] = nil
            for key in lossyFields.keys where key.hasSuffix(".accept") { lossyFields[key] = nil }
            lossyFields["replaceExisting"] = "on"
            let refused = try await root.post("/extract/accept", lossyFields)
            #expect(refused.status == .unprocessableContent)
            let unchanged = try await engine.read { db in try await Register(db: db, scope: .everything).document(id: "verklaring-2026") }
            #expect(unchanged?.paragraphs.first?.text == "Voorwoord bij de herziene versie.", "nothing was written")
        }
    }

    @Test("bad files are refused on the upload page with their reason; readers may not bring in documents")
    func refusals() async throws {
        try await withAccountsApp { client, _ in
            let root = Browser(client)
            try await root.signIn("root")
            let empty = try await Self.upload(root, client: client, name: "leeg.txt", text: "")
            #expect(empty.status == .unprocessableContent)
            #expect(empty.text.contains("id=\"upload-error\""))
            let unknown = try await Self.upload(root, client: client, name: "plaatje.png", text: "PNG")
            #expect(unknown.status == .unprocessableContent)
            let rita = Browser(client)
            try await rita.signIn("rita")
            #expect(try await rita.get("/extract").status == .forbidden)
            #expect(try await Browser(client).get("/extract").status == .seeOther, "anonymous visitors sign in first")
        }
    }
}

extension String {
    /// Every match of `pattern` with its first `groups` capture groups.
    fileprivate func captures(_ pattern: String, groups: Int) -> [[String]] {
        guard let regex = try? NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators]) else { return [] }
        let text = self as NSString
        return regex.matches(in: self, range: NSRange(location: 0, length: text.length)).map { match in
            (1...groups).map { match.range(at: $0).location == NSNotFound ? "" : text.substring(with: match.range(at: $0)) }
        }
    }

    /// The text with mustache's escapes undone.
    fileprivate var htmlUnescaped: String {
        replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
    }
}
