import DeltaDomain
import DeltaImport
import DeltaStore
import Foundation
import DeltaTestSupport
import HTTPTypes
import HummingbirdTesting
import SQLKit
import Testing
@testable import DeltaWeb

@Suite("The overview at scale")
struct OverviewScaleTests {
    /// `scale` units of the generator (seed 5), imported into a fresh database and served to
    /// `body`, which is given the register as generated and its database.
    static func withGenerated<Value: Sendable>(scale: Int, _ body: @Sendable (RegisterSnapshot, any DatabaseEngine, any TestClientProtocol) async throws -> Value) async throws -> Value {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("overview-scale-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let (generated, files) = try RegisterGenerator(scale: scale, seed: 5).write(to: directory)
        let engine = try await makeDatabase(importing: files.filter { $0.hasSuffix(".yaml") })
        do {
            let value = try await withApp(engine: engine) { client in try await body(generated, engine, client) }
            await engine.shutdown()
            return value
        } catch {
            await engine.shutdown()
            throw error
        }
    }

    @Test("beyond a hundred dossiers the overview keeps the hundred that most need attention and says where the rest are")
    func boundedLists() async throws {
        // 6 units of the generator: 108 dossiers, 84 bodies.
        let (generated, page, all) = try await Self.withGenerated(scale: 6) { generated, _, client in
            (generated, try await client.get("/?lang=en"), try await client.get("/dossiers?lang=en&limit=500"))
        }
        #expect(page.status == .ok)
        let document = try page.document()
        let dossierRows = try document.select("section[aria-labelledby=h-dossiers] tbody tr")
        #expect(dossierRows.count == OverviewPage.listLimit)
        #expect(generated.dossiers.count > OverviewPage.listLimit)
        #expect(page.text.contains("The 100 of 108 dossiers that most need attention."))
        #expect(try !document.select("section[aria-labelledby=h-dossiers] a[href='/dossiers']").isEmpty)
        // None of those left out needs more attention than one shown: the worst come first.
        let shownHealth = try dossierRows.map { row in try row.select("span.badge").first?.attribute("class") ?? "" }
        let listed = try all.document().select("tbody tr").map { row in try row.select("span.badge").first?.attribute("class") ?? "" }
        let severity = ["health-off-track": 3, "health-at-risk": 2, "health-on-track": 1]
        func rank(_ badge: String) -> Int { badge.split(separator: " ").compactMap { severity[String($0)] }.first ?? 0 }
        let leastShown = shownHealth.map(rank).min() ?? 0
        let worstOverall = listed.map(rank).sorted(by: >)
        #expect(worstOverall.count == generated.dossiers.count)
        #expect(leastShown >= worstOverall[OverviewPage.listLimit - 1])
        #expect(try document.select("section[aria-labelledby=h-bodies] tbody tr").count == min(generated.bodies.count, OverviewPage.listLimit))
    }

    @Test("beyond a hundred late milestones the portal lists the hundred longest late, as the overview does, and says how many there are")
    func portalLateBounded() async throws {
        // 15 units of the generator: 600 milestones, more than a hundred of them late.
        let (portal, overview) = try await Self.withGenerated(scale: 15) { _, _, client in
            (try await client.get("/portal?lang=en"), try await client.json("/api/overview?lang=en"))
        }
        #expect(portal.status == .ok)
        let cut = try #require(overview["overdueCut"]?.string, "the overview's late milestones are cut too")
        let late = try portal.document().select("section[aria-labelledby=h-late] li")
        #expect(late.count == OverviewPage.listLimit)
        #expect(portal.text.contains(cut), "\(cut)")
        #expect(try !portal.document().select("section[aria-labelledby=h-late] a[href='/planning']").isEmpty)
        let longest = try #require(overview["overdue"]?.array.first?["title"]?.string)
        #expect(late.first?.text.contains(longest) == true)
    }

    @Test("the portal names the ten newest texts holding agreements the public is shown, with their counts, also when it is shown none of the newest forty's")
    func portalAgreedTexts() async throws {
        let (agreed, expected) = try await Self.withGenerated(scale: 15) { _, engine, client in
            // The portal's order: newest first, then by id.
            @Sendable func newest(_ documents: [DocumentHeader]) -> [DocumentHeader] {
                documents.sorted { ($0.date?.earliest.iso ?? "", $0.id) > ($1.date?.earliest.iso ?? "", $1.id) }
            }
            let hidden = try await engine.read { db in
                newest(try await Register(db: db, scope: .everything).lookupTables().documents).prefix(40).map(\.id)
            }
            // Public still, but complete on the evidence of a meeting nobody is shown: the public is
            // shown none of them, so the portal must look beyond the newest forty texts.
            try await engine.transaction { db in
                try await db.update("agreements").set("completion", to: "complete")
                    .set("evidence_json", to: #"[{"decision":{"meetingID":"nowhere","decisionID":"none"}}]"#)
                    .where("document_id", .in, hidden).run()
            }
            let expected = try await engine.read { db in
                let register = Register(db: db, scope: .publicOnly)
                let counts = Dictionary(grouping: try await register.agreements(), by: \.source.documentID).mapValues(\.count)
                return newest(try await register.lookupTables().documents).filter { counts[$0.id] != nil }.prefix(10)
                    .map { "\($0.id) \(counts[$0.id]!)" }
            }
            let portal = try await client.json("/api/portal")
            return ((portal["agreed"]?.array ?? []).map { "\($0["id"]?.string ?? "-") \($0["agreementCount"]?.int ?? 0)" }, Array(expected))
        }
        #expect(expected.count == 10)
        #expect(agreed == expected)
    }

    @Test("beyond 200 bodies the search form asks for a body's id instead of listing them all; below, it lists them")
    func longChoiceLists() async throws {
        // 15 units of the generator: 210 bodies.
        let (generated, body, page, json) = try await Self.withGenerated(scale: 15) { generated, _, client in
            let body = generated.bodies[3].id
            return (generated, body, try await client.get("/search?q=dossier&body=\(body)&lang=en"), try await client.get("/api/search?q=dossier&lang=en"))
        }
        #expect(generated.bodies.count > FilterOption.listLimit)
        #expect(page.status == .ok)
        let document = try page.document()
        let field = try #require(try document.select("#search-body").first)
        #expect(field.tag == "input" && field.attribute("value") == body)
        #expect(page.text.contains("Too many to list: give the id"))
        #expect(try document.select("option").count < 20, "only the short lists remain")
        let filters = try json.json()["filters"]
        #expect(filters?["bodiesListed"] == .bool(false) && filters?["bodies"]?.array.isEmpty == true)
        // The demo's bodies are few: a list.
        let demo = try await withDemoApp { client in try await client.get("/search?q=spoor&lang=en") }
        #expect(try demo.document().select("select#search-body option").count > 1)
    }
}
