import DeltaDomain
import DeltaStore
import DeltaTestSupport
import DeltaWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Planning and cadence warnings")
struct PlanningTests {
    @Test("the overview warns about every body at risk, and the planning view says what to plan")
    func warnings() async throws {
        let (overview, planning, page) = try await withDemoApp { client in
            (try await client.json("/api/overview"), try await client.json("/api/planning"), try await client.page("/planning"))
        }
        let atRisk = Set(overview["bodies"]?.array.filter { $0["compliance"]?.string == "at-risk" }.compactMap { $0["id"]?.string } ?? [])
        let warned = Set(overview["cadenceWarnings"]?.array.compactMap { $0["id"]?.string } ?? [])
        #expect(warned == atRisk)
        let rows = planning["bodies"]?.array ?? []
        #expect(!rows.isEmpty)
        let table = try HTMLDocument(parsing: page).requireElement("main table > tbody")
        let pageRows = try table.select("tr")
        #expect(pageRows.count == rows.count, "one row per body")
        for (row, pageRow) in zip(rows, pageRows) {
            let id = row["body"]?["id"]?.string ?? "?"
            let risky = row["thisYear"]?["compliance"]?.string == "at-risk"
            #expect((row["warning"] != nil) == risky, "\(id)")
            // The page's row for the body, in the same order, names it and is marked when at risk.
            let name = try #require(row["body"]?["name"]?.string, "\(id) has no name")
            let header = try pageRow.requireElement(#"th[scope="row"] > a"#)
            #expect(header.text == name, "\(id)")
            #expect(pageRow.hasClass("at-risk") == risky, "\(id)")
        }
        let hasRule = rows.allSatisfy { $0["body"]?["cadence"]?.string?.isEmpty == false }
        #expect(hasRule)
    }

    @Test("the planning comes a window at a time: following paging.next gives every body once, in order, and the page links the next window")
    func windows() async throws {
        let (whole, windows, page) = try await withDemoApp { client in
            let whole = try await client.json("/api/planning")
            var windows: [[String]] = []
            var next: String? = "/api/planning?limit=2"
            while let address = next, windows.count < 50 {
                let window = try await client.json(address)
                windows.append(window["bodies"]?.array.compactMap { $0["body"]?["id"]?.string } ?? [])
                next = window["paging"]?["next"]?.string
            }
            return (whole, windows, try await client.page("/planning?limit=2"))
        }
        let all = whole["bodies"]?.array.compactMap { $0["body"]?["id"]?.string } ?? []
        #expect(all.count > 2)
        #expect(whole["paging"]?["isPartial"] == .bool(false))
        #expect(windows.flatMap { $0 } == all)
        #expect(windows.allSatisfy { $0.count <= 2 })
        // The planning has no CSV file, so its window offers none.
        #expect(whole["paging"]?["csv"] == nil)
        let links = try HTMLDocument(parsing: page).select("nav.paging a[rel=next]")
        #expect(links.first?.attribute("href")?.hasPrefix("/planning?limit=2&after=") == true)
        #expect(try HTMLDocument(parsing: page).select("p.downloads").isEmpty)
    }

    @Test("planning a meeting lifts the warning for a body at risk")
    func planningLiftsWarning() async throws {
        try await withAccountsApp { client, engine in
            // werkgroep-3rx has a rule of its own; look at what the planning says before and after a planned meeting.
            let before = try await Browser(client).get("/api/planning").json()
            let risky = before["bodies"]?.array.first { $0["warning"] != nil }
            guard let risky, let bodyID = risky["body"]?["id"]?.string, let dueBy = risky["body"]?["nextMeetingDueBy"]?.string else {
                Issue.record("the demo register has no body at risk on \(testToday.iso); the test needs one")
                return
            }
            let year = risky["thisYear"]
            let needed = Int((year?["required"]?.int ?? 0) - (year?["held"]?.int ?? 0) - (year?["planned"]?.int ?? 0))
            #expect(needed > 0)
            let root = Browser(client)
            try await root.signIn("root")
            let last = try #require(CalendarDate(iso: dueBy))
            for number in 0..<max(needed, 1) {
                let day = last.adding(days: -number).iso
                let id = number == 0 ? "extra-\(bodyID)" : "extra-\(bodyID)-\(number)"
                let created = try await root.send(.post, "/api/meetings", json: """
                    {"id": "\(id)", "fields": {"bodyID": "\(bodyID)", "title": "Extra vergadering", "when": "\(day)", "status": "planned", "visibility": "public"}}
                    """)
                #expect(created.status == .created, "\(created.text.prefix(300))")
            }
            let after = try await Browser(client).get("/api/planning").json()
            let row = after["bodies"]?.array.first { $0["body"]?["id"]?.string == bodyID }
            #expect(row?["warning"] == nil)
            #expect(row?["nextMeeting"]?["id"]?.string?.hasPrefix("extra-\(bodyID)") == true)
            _ = engine
        }
    }
}
