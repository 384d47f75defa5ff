import DeltaDomain
import DeltaStore
import DeltaTestSupport
import DeltaWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// A secretary prepares the agenda of the summer 2026 political consultation, records a decision
/// and an action, approves the minutes; the register, the lists and the API follow.
@Suite("Meetings: agenda, minutes, decisions and actions")
struct MeetingFlowTests {
    static let meeting = "politiek-overleg-zomer-2026"

    @Test("propose, edit and save the agenda; record a decision that moves a milestone and an action; approve; correct")
    func flow() async throws {
        try await withAccountsApp { client, engine in
            let secretary = Browser(client)
            try await secretary.signIn("anna")
            let page = try await secretary.get("/meetings/\(Self.meeting)")
            #expect(page.status == .ok)
            let version0 = try #require(page.text.captures(#"name="agendaVersion" value="([^"]+)""#).first)
            let proposed = try await secretary.post("/meetings/\(Self.meeting)/agenda/propose", ["agendaVersion": version0])
            #expect(proposed.status == .seeOther)
            let afterProposal = try await secretary.get("/api/meetings/\(Self.meeting)").json()
            let titles = afterProposal["agenda"]?.array.compactMap { $0["title"]?.string } ?? []
            #expect(titles.count >= 5)
            let reasons = Set(afterProposal["agenda"]?.array.compactMap { $0["reason"]?.string } ?? [])
            #expect(reasons.contains("milestone-due"))

            // The secretary drops item 2, parks item 3, moves item 4 to the top and adds one.
            let form = try await secretary.get("/meetings/\(Self.meeting)")
            let version1 = try #require(form.text.captures(#"name="agendaVersion" value="([^"]+)""#).first)
            var fields = ["agendaVersion": version1, "newTitle": "Rondvraag", "newOrder": "99"]
            for number in 1...titles.count where number != 2 {
                fields["keep_\(number)"] = "on"
                fields["order_\(number)"] = number == 4 ? "0" : "\(number)"
            }
            fields["parked_3"] = "on"
            fields["title_1"] = titles[0] + " (bijgewerkt)"
            let saved = try await secretary.post("/meetings/\(Self.meeting)/agenda", fields)
            #expect(saved.status == .seeOther)
            let agenda = try await secretary.get("/api/meetings/\(Self.meeting)").json()["agenda"]?.array ?? []
            let newTitles = agenda.compactMap { $0["title"]?.string }
            #expect(newTitles.count == titles.count)
            #expect(newTitles.first == titles[3])
            #expect(newTitles.last == "Rondvraag")
            #expect(!newTitles.contains(titles[1]))
            #expect(newTitles.contains(titles[0] + " (bijgewerkt)"))
            let parkedItem = agenda.first { $0["title"]?.string == titles[2] }
            #expect(parkedItem?["parked"]?.bool == true, "item 3 is parked")
            let stale = try await secretary.post("/meetings/\(Self.meeting)/agenda", fields)
            #expect(stale.status == .conflict, "saving over a changed agenda is a conflict")

            // A decision that moves a milestone, and an action. The framework milestone is shared by the ten
            // dossiers of the 2026 declaration, ERTMS among them; werkgroep-be-nl carries them, under the consultation.
            let itemID = try #require(agenda.first?["id"]?.string)
            try await secretary.get("/meetings/\(Self.meeting)")
            let decision = try await secretary.post("/meetings/\(Self.meeting)/outcomes", [
                "agendaItemID": itemID, "kind": "decision", "text": "Het afsprakenkader ERTMS schuift naar eind 2026.",
                "changeKind": "milestone-due", "changeRecordID": "afsprakenkader-zomer-2026", "changeValue": "eind 2026"])
            #expect(decision.status == .seeOther)
            let milestone = try await engine.read { db in try await Register(db: db, scope: .everything).milestone(id: "afsprakenkader-zomer-2026") }
            #expect(milestone?.due.wording == "eind 2026")
            let history = try await secretary.get("/api/milestones/afsprakenkader-zomer-2026/history").json()
            #expect(history.array.last?["action"]?.string?.hasPrefix("decision \(Self.meeting)/") == true)
            #expect(history.array.last?["link"]?.string?.hasPrefix("/meetings/\(Self.meeting)#outcome-") == true)

            let badAction = try await secretary.post("/meetings/\(Self.meeting)/outcomes", ["kind": "action", "text": "Zonder eigenaar"])
            #expect(badAction.status == .unprocessableContent)
            let action = try await secretary.post("/meetings/\(Self.meeting)/outcomes", [
                "agendaItemID": itemID, "kind": "action", "text": "Planning ERTMS-uitrol aan de grens opstellen", "ownerID": "ienw", "due": "voorjaar 2027"])
            #expect(action.status == .seeOther)

            // Approve, then the minutes only take corrections.
            let approved = try await secretary.post("/meetings/\(Self.meeting)/minutes/approve", ["approvedBy": "chair", "approvedOn": "2026-11-20"])
            #expect(approved.status == .seeOther)
            let late = try await secretary.post("/meetings/\(Self.meeting)/outcomes", ["kind": "information", "text": "Te laat"])
            #expect(late.status == .conflict)
            #expect(late.text.contains("vastgesteld"))
            let frozenPage = try await secretary.get("/meetings/\(Self.meeting)").document()
            let frozenAgenda = try frozenPage.requireSection("h-agenda")
            #expect(frozenAgenda.text.contains(titles[3]), "the approved agenda is still shown")
            #expect(frozenPage.element(id: "agenda-form") == nil, "no agenda form once the minutes are approved")
            let agendaForms = try frozenPage.select("form").compactMap { $0.attribute("action") }.filter { $0.contains("/agenda") }
            #expect(agendaForms.isEmpty, "no agenda form once the minutes are approved: \(agendaForms)")
            #expect(frozenPage.elements(tag: "form").count > 1, "the secretary still has forms (corrections, sign-out)")
            let agendaAfter = try await secretary.post("/meetings/\(Self.meeting)/agenda", ["agendaVersion": "x"])
            #expect(agendaAfter.status == .conflict || agendaAfter.status == .unprocessableContent)
            let lateAgenda = try await engine.read { db in try await MeetingStore(db: db).agenda(meetingID: Self.meeting) }
            #expect(lateAgenda.count == newTitles.count, "the agenda is frozen with the minutes")
            let correction = try await secretary.post("/meetings/\(Self.meeting)/minutes/corrections", ["text": "Het besluit betreft ook de ETCS-apparatuur."])
            #expect(correction.status == .seeOther)

            // The lists, for the public too once approved, and the API in its documented shape.
            let anonymous = try await Browser(client).get("/bodies/politiek-overleg/decisions")
            #expect(anonymous.text.contains("Het afsprakenkader ERTMS schuift naar eind 2026."))
            #expect(anonymous.text.contains("Planning ERTMS-uitrol aan de grens opstellen"))
            let json = try await Browser(client).get("/api/meetings/\(Self.meeting)").json()
            let document = try OpenAPIDocument.load()
            let schema = try #require(document.response("/api/meetings/{id}", status: "200")?.schema)
            let errors = SchemaValidator(document: document).errors(json, schema)
            #expect(errors.isEmpty, "\(errors.prefix(5))")
            #expect(json["minutes"]?["corrections"]?.array.count == 1)

            // The progress report carries the decision under its dossier, for the public too once approved.
            let report = try await Browser(client).get("/bodies/politiek-overleg/report?year=2026&lang=en")
            #expect(report.status == .ok)
            #expect(report.headers[.contentType]?.hasPrefix("text/html") == true)
            #expect(report.text.contains("Progress report"))
            let ertms = try report.document().requireElement("section#d-ertms")
            #expect(ertms.text.contains("Het afsprakenkader ERTMS schuift naar eind 2026."))
            #expect(report.text.contains("Planning ERTMS-uitrol aan de grens opstellen"), "the action, under its agenda item's dossier")
            let markdown = try await Browser(client).get("/bodies/politiek-overleg/report.md?lang=fr")
            #expect(markdown.headers[.contentType]?.hasPrefix("text/markdown") == true)
            #expect(markdown.text.hasPrefix("# Rapport d’avancement"))
            let badLanguage = try await Browser(client).get("/bodies/politiek-overleg/report?lang=de")
            #expect(badLanguage.status == .badRequest)

            // Following up the action is allowed after approval.
            let actionOutcome = json["agenda"]?.array.first?["outcomes"]?.array.first { $0["kind"]?.string == "action" }
            let actionID = try #require(actionOutcome?["id"]?.string, "the action is under the first agenda item")
            try await secretary.get("/meetings/\(Self.meeting)")
            let done = try await secretary.post("/meetings/\(Self.meeting)/actions/\(actionID)", ["status": "done"])
            #expect(done.status == .seeOther)
            let lists = try await secretary.get("/api/bodies/politiek-overleg/decisions").json()
            #expect(lists["openActions"]?.array.isEmpty == true)
            #expect(lists["closedActions"]?.array.first?["doneOn"]?.string == "2026-11-23")
        }
    }

    @Test("an editor of another body may not touch this meeting; readers see the agenda but no forms")
    func rights() async throws {
        try await withAccountsApp { client, _ in
            let otto = Browser(client)
            try await otto.signIn("otto")
            let response = try await otto.get("/meetings/\(Self.meeting)")
            #expect(response.status == .ok)
            let page = try response.document()
            _ = try page.requireSection("h-agenda")
            #expect(page.element(id: "propose-agenda") == nil)
            let meetingForms = try page.select("form").compactMap { $0.attribute("action") }.filter { $0.hasPrefix("/meetings/") }
            #expect(meetingForms.isEmpty, "a reader of this meeting gets no forms: \(meetingForms)")
            let refused = try await otto.post("/meetings/\(Self.meeting)/outcomes", ["kind": "information", "text": "Mag niet"])
            #expect(refused.status == .forbidden)
        }
    }
}

@Suite("Personal calendar feeds")
struct PersonalFeedTests {
    @Test("a secret feed holds the person's bodies' meetings and dossiers' milestones; renewing or revoking ends the old address")
    func feed() async throws {
        try await withAccountsApp { client, _ in
            // 3RX back under werkgroep-3rx, a body anna edits (the demo data hangs it under werkgroep-be-nl).
            try await placeDossier("3rx", underBody: "werkgroep-3rx", client: client)
            let anna = Browser(client)
            try await anna.signIn("anna")
            let made = try await anna.post("/account/feed", [:])
            #expect(made.status == .created)
            let url = try #require(made.text.captures(#"id="new-feed">([^<]+)<"#).first)
            let feedStart = url.range(of: "/feeds/")
            let path = String(url[try #require(feedStart, "a /feeds/ address").lowerBound...])
            let feed = try await Browser(client).get(path)
            #expect(feed.status == .ok)
            #expect(feed.headers[.contentType]?.hasPrefix("text/calendar") == true)
            #expect(feed.text.contains("UID:meeting-politiek-overleg-zomer-2026@deltaberaad"), "a meeting of a body she edits")
            #expect(feed.text.contains("UID:milestone-vervolgbijeenkomst-2026-q2@deltaberaad"), "a milestone of a dossier her body carries")
            #expect(feed.text.contains("UID:milestone-kamerdebat-spoorgoederenvervoer-2026@deltaberaad"), "a milestone of a dossier she edits")
            #expect(!feed.text.contains("UID:meeting-top-2025-gent@deltaberaad"), "not the meetings of bodies she does not edit")
            #expect(!feed.text.contains("vlaams-nederlandse-top"), "not the meetings of bodies she does not edit")
            let parsed = try await PythonICalendar.countEvents(feed.text)
            #expect(parsed > 3)

            try await anna.get("/account")
            let renewed = try await anna.post("/account/feed", [:])
            let newURL = try #require(renewed.text.captures(#"id="new-feed">([^<]+)<"#).first)
            #expect(newURL != url)
            let old = try await Browser(client).get(path)
            #expect(old.status == .notFound)
            try await anna.get("/account")
            let revoked = try await anna.post("/account/feed/revoke", [:])
            #expect(revoked.status == .seeOther)
            let newFeedStart = newURL.range(of: "/feeds/")
            let newPath = String(newURL[try #require(newFeedStart, "a /feeds/ address").lowerBound...])
            let afterRevoke = try await Browser(client).get(newPath)
            #expect(afterRevoke.status == .notFound)
        }
    }
}

@Suite("Decisions stay within the recorder's rights")
struct DecisionRightsTests {
    @Test("a working group's decision may not move a milestone of a dossier outside its tree and the recorder's rights")
    func outOfScope() async throws {
        try await withAccountsApp { client, engine in
            // anna edits werkgroep-3rx and politiek-overleg; ertms is carried by werkgroep-be-nl, under the consultation but not under 3RX.
            // The framework milestone is shared by the ten dossiers of the 2026 declaration, ertms and 3rx among them, all under werkgroep-be-nl.
            let anna = Browser(client)
            try await anna.signIn("anna")
            let created = try await anna.send(.post, "/api/meetings", json: """
                {"id": "wg3rx-najaar", "fields": {"bodyID": "werkgroep-3rx", "title": "Werkgroep 3RX najaar", "when": "2026-11-20", "status": "held"}}
                """)
            #expect(created.status == .created)
            try await anna.get("/meetings/wg3rx-najaar")
            let refused = try await anna.post("/meetings/wg3rx-najaar/outcomes", [
                "kind": "decision", "text": "ERTMS schuift", "changeKind": "milestone-due", "changeRecordID": "afsprakenkader-zomer-2026", "changeValue": "eind 2030"])
            #expect(refused.status == .unprocessableContent)
            let milestone = try await engine.read { db in try await Register(db: db, scope: .everything).milestone(id: "afsprakenkader-zomer-2026") }
            #expect(milestone?.due.wording != "eind 2030")
            let outcomes = try await engine.read { db in try await MeetingStore(db: db).outcomes(meetingID: "wg3rx-najaar") }
            #expect(outcomes.isEmpty, "nothing of the refused decision is written")
            // Within the recorder's rights: a milestone of kijfhoek, a dossier anna edits.
            let allowed = try await anna.post("/meetings/wg3rx-najaar/outcomes", [
                "kind": "decision", "text": "Kamerdebat schuift", "changeKind": "milestone-due", "changeRecordID": "kamerdebat-spoorgoederenvervoer-2026",
                "changeValue": "eind 2027"])
            #expect(allowed.status == .seeOther)
            let moved = try await engine.read { db in try await Register(db: db, scope: .everything).milestone(id: "kamerdebat-spoorgoederenvervoer-2026") }
            #expect(moved?.due.wording == "eind 2027")
        }
    }
}

/// The agenda form's numbered fields come from the client: a number far beyond any agenda must
/// not make the server build a list that long.
@Suite("Agenda form bounds")
struct AgendaFormBoundsTests {
    @Test("keep_100000000 is answered at once and changes nothing beyond the agenda")
    func hugeItemNumber() async throws {
        try await withAccountsApp { client, _ in
            let secretary = Browser(client)
            try await secretary.signIn("anna")
            let meeting = MeetingFlowTests.meeting
            let form = try await secretary.get("/meetings/\(meeting)")
            let version = try #require(form.text.captures(#"name="agendaVersion" value="([^"]+)""#).first)
            let before = try await secretary.get("/api/meetings/\(meeting)").json()["agenda"]?.array.count ?? -1
            let saved = try await secretary.post("/meetings/\(meeting)/agenda", ["agendaVersion": version, "keep_100000000": "on"])
            #expect(saved.status == .seeOther)
            let after = try await secretary.get("/api/meetings/\(meeting)").json()["agenda"]?.array.count ?? -1
            #expect(before == 0 && after == 0, "the empty agenda stays empty: \(before) → \(after)")
        }
    }
}
