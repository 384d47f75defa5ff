import DeltaTestSupport
import Foundation
import HummingbirdTesting
import Testing

@Suite("Goal tree and document relations on the pages")
struct Format2PageTests {
    @Test("a relation shows at both ends: 'addendum to' on the declaration, 'has as addendum' on the stub")
    func relationsBothEnds() async throws {
        let (html, json) = try await pageAndTwin("/documents/verklaring-2026")
        let outgoing = json["relations"]?.array.first { $0["kind"]?.string == "addendum-to" }
        #expect(outgoing?["outgoing"] == .bool(true))
        #expect(outgoing?["planned"] == .bool(true))
        #expect(outgoing?["document"]?["id"]?.string == "thalassa-intentieverklaring-2022")
        #expect(html.contains("addendum bij <a href=\"/documents/thalassa-intentieverklaring-2022\""))

        let (stubHTML, stub) = try await pageAndTwin("/documents/thalassa-intentieverklaring-2022")
        #expect(stub["stub"] == .bool(true))
        let incoming = stub["relations"]?.array.first { $0["kind"]?.string == "addendum-to" }
        #expect(incoming?["outgoing"] == .bool(false))
        #expect(incoming?["document"]?["id"]?.string == "verklaring-2026")
        #expect(stubHTML.contains("heeft als addendum <a href=\"/documents/verklaring-2026\""))
        #expect(stubHTML.contains("Nog niet in het register"))
    }

    @Test("/goals shows every node of /api/goals with its progress, and the roll-up rule; no data is never 0 %")
    func goals() async throws {
        let (html, json) = try await pageAndTwin("/goals")
        let nodes = json["nodes"]?.array ?? []
        #expect(nodes.count >= 6, "goal, five priorities and their measures")
        #expect(nodes.first?["level"]?.string == "goal" && nodes.first?["depth"] == .integer(0))
        let document = try HTMLDocument(parsing: html)
        let tree = try document.requireSection("h-tree").markup
        #expect(tree.captures(#"<tr id="([^"]+)" class="goal-depth"#) == json.strings("nodes", "id"))
        for node in nodes where node["progress"]?["attainmentPercent"] == nil {
            #expect(node["progress"]?["attainmentLabel"]?.string == "geen gegevens", "\(node["id"]?.string ?? "?")")
        }
        #expect(json["rule"]?.array.count == 4)
        #expect(html.contains("“Geen gegevens” telt nooit als 0 %"))
    }
}
