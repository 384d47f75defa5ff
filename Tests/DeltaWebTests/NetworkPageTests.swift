import DeltaDomain
import DeltaWeb
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The label boxes a map's SVG claims (`data-box="x y width height"`).
private func labelBoxes(_ svg: String) -> [(x: Double, y: Double, w: Double, h: Double)] {
    let regex = try! NSRegularExpression(pattern: #"data-box="([0-9.\-]+) ([0-9.\-]+) ([0-9.\-]+) ([0-9.\-]+)""#)
    return regex.matches(in: svg, range: NSRange(svg.startIndex..., in: svg)).map { match in
        let value = { (i: Int) in Double(svg[Range(match.range(at: i), in: svg)!])! }
        return (value(1), value(2), value(3), value(4))
    }
}

/// The network of cross-border links: the map, its table, the link and station pages.
@Suite("Network map and rail links")
struct NetworkPageTests {
    @Test("the network page shows the map and a table with the same links, in every language, with the station data's licence")
    func networkPage() async throws {
        try await withDemoApp { client in
            let json = try await client.json("/api/network")
            let links = json["links"]?.array ?? []
            let ids = links.compactMap { $0["id"]?.string }
            #expect(ids.contains("hamont-weert") && ids.contains("3rx") && ids.contains("liege-maastricht"))
            for language in ["nl", "fr", "en"] {
                let html = try await client.page("/network?lang=\(language)")
                #expect(html.contains("<svg") && html.contains("class=\"network-map\""))
                #expect(html.contains("ODbL"), "the stations' licence is shown with the data")
                for id in ids {
                    #expect(html.contains("href=\"/rail-links/\(id)\""), "\(language): \(id) is in the map or the table")
                }
            }
            // A link is as healthy as its least healthy dossier.
            let hamont = try #require(links.first { $0["id"]?.string == "hamont-weert" })
            var worst = Health.unknown
            for dossier in hamont["dossiers"]?.array ?? [] {
                let id = dossier["id"]?.string ?? ""
                let health = try await client.json("/api/dossiers/\(id)")["dossier"]?["health"]?.string
                worst = Health.worst([worst, Health(rawValue: health ?? "") ?? .unknown])
            }
            #expect(hamont["health"]?.string == worst.rawValue)
            #expect((hamont["dossiers"]?.array ?? []).count >= 2, "the Limburg dossier and Hamont–Weert's own both name it")
            // The table comes a window at a time; the map still draws every link.
            let window = try await client.json("/api/network?limit=2")
            #expect(window["links"]?.array.compactMap { $0["id"]?.string } == Array(ids.prefix(2)))
            let next = try #require(window["paging"]?["next"]?.string)
            #expect(try await client.json(next)["links"]?.array.compactMap { $0["id"]?.string } == Array(ids.dropFirst(2).prefix(2)))
            let page = try await client.page("/network?limit=2&lang=en")
            let drawn = links.filter { $0["drawn"] == .bool(true) }.compactMap { $0["id"]?.string }
            #expect(drawn.count > 2)
            for id in drawn { #expect(page.contains("id=\"network-map-link-\(id)\""), "\(id) is on the map") }
            #expect(page.contains("rel=\"next\""))
        }
    }

    @Test("the demo map is well-formed SVG whose labels never overlap, and every drawn link is a named, focusable link")
    func demoMapLabels() async throws {
        try await withDemoApp { client in
            let response = try await client.get("/network.svg")
            #expect(response.status == .ok)
            #expect(response.headers[.contentType]?.hasPrefix("image/svg+xml") == true)
            let svg = response.text
            let parser = XMLParser(data: Data(svg.utf8))
            #expect(parser.parse(), "well-formed: \(parser.parserError.map { "\($0)" } ?? "")")
            let boxes = labelBoxes(svg)
            #expect(boxes.count >= 20, "stations and links are labelled")
            for (i, a) in boxes.enumerated() {
                for b in boxes[(i + 1)...] {
                    let overlap = a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h
                    #expect(!overlap, "labels overlap: \(a) and \(b)")
                }
            }
            #expect(svg.contains("<title id=\"network-map-title\">") && svg.contains("<desc id=\"network-map-desc\">"))
            #expect(svg.contains("aria-label=\"Hamont–Weert:"), "links are named for assistive technology")
            #expect(svg.contains("ODbL"), "the SVG file carries the station data's licence")
            // Zelzate has no sourced coordinate: it is never drawn at a guessed place.
            #expect(!svg.contains("Zelzate"))
        }
    }

    @Test("the map comes as PNG for reports, drawn by headless Chromium at the SVG's size")
    func png() async throws {
        try await withDemoApp { client in
            let response = try await client.get("/network.png")
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "image/png")
            let bytes = [UInt8](response.body.readableBytesView)
            #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]), "a PNG signature")
            // IHDR: width and height, big-endian, at bytes 16…23.
            let width = bytes[16..<20].reduce(0) { $0 << 8 | Int($1) }
            #expect(width == 760)
        }
    }

    @Test("a link's page gives its facts, its dossiers, the links it shares track with, and unknown stays unknown")
    func linkPage() async throws {
        try await withDemoApp { client in
            let json = try await client.json("/api/rail-links/mol-weert")
            let link = json["link"]
            let shares = Set((link?["sharesTrackWith"]?.array ?? []).compactMap { $0["id"]?.string })
            #expect(shares.isSuperset(of: ["hamont-weert", "3rx"]), "Mol–Weert, Hamont–Weert and 3RX share track: \(shares)")
            let budel = (link?["stations"]?.array ?? []).first { $0["name"]?.string == "Budel" }
            #expect(budel?["located"]?.bool == false)
            #expect(link?["status"] == nil || link?["status"] == .null, "no seed gives Mol–Weert's status")
            let html = try await client.page("/rail-links/mol-weert?lang=en")
            #expect(html.contains("href=\"/dossiers/mol-weert\""))
            #expect(html.contains("unknown"))
            #expect(try await client.get("/rail-links/no-such-link").status == .notFound)
            #expect(try await client.get("/api/rail-links/no-such-link").status == .notFound)
            // Old names are aliases: the 2026 declaration writes Weert-Hamont.
            let hamont = try await client.json("/api/rail-links/hamont-weert")
            let aliases = hamont["link"]?["aliases"]?.array ?? []
            #expect(aliases.contains(.string("Weert–Hamont")))
        }
    }

    @Test("a station's page says where it is and by what source, or that no source gives a place; it lists the links through it")
    func stationPage() async throws {
        try await withDemoApp { client in
            let weert = try await client.json("/api/stations/weert")
            let through = Set((weert["links"]?.array ?? []).compactMap { $0["id"]?.string })
            #expect(through.isSuperset(of: ["hamont-weert", "mol-weert", "3rx"]))
            #expect(weert["station"]?["source"]?.string?.contains("ODbL") == true)
            let zelzate = try await client.json("/api/stations/zelzate")
            #expect(zelzate["station"]?["latitude"] == nil || zelzate["station"]?["latitude"] == .null)
            _ = try await client.page("/stations/weert?lang=fr")
            #expect(try await client.get("/stations/atlantis").status == .notFound)
        }
    }

    @Test("a dossier's page links its rail links and shows them highlighted on a small map")
    func dossierMap() async throws {
        try await withDemoApp { client in
            let json = try await client.json("/api/dossiers/limburg-verbindingen")
            let links = Set((json["railLinks"]?.array ?? []).compactMap { $0["id"]?.string })
            #expect(links == ["liege-maastricht", "maastricht-aachen", "hamont-weert", "hasselt-maastricht"])
            let html = try await client.page("/dossiers/limburg-verbindingen")
            #expect(html.contains("href=\"/rail-links/hamont-weert\""))
            #expect(html.contains("id=\"dossier-map\"") && html.contains("stroke-width=\"6\""))
            // A dossier without links has no map.
            let other = try await client.page("/dossiers/ertms")
            #expect(!other.contains("id=\"dossier-map\""))
        }
    }

    @Test("editors add links through the form rules: stations must be in the station file; dossiers name links by id, name or alias")
    func editing() async throws {
        try await withAccountsApp { client, _ in
            let editor = Browser(client)
            try await editor.signIn("anna")
            let bad = #"{"id":"zz-link","fields":{"name":"Zandvoort–Knokke","stations":"Zandvoort\nKnokke","visibility":"public"}}"#
            let refused = try await editor.send(.post, "/api/rail-links", json: bad)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("Zandvoort"))
            let good = #"{"id":"weert-roermond","fields":{"name":"Weert–Roermond","stations":"Weert\nRoermond","status":"operational","uses":"passenger","ertmsNL":"level 2","visibility":"public"}}"#
            #expect(try await editor.send(.post, "/api/rail-links", json: good).status == .created)
            let stored = try await client.json("/api/rail-links/weert-roermond")
            #expect(stored["link"]?["statusLabel"]?.string?.isEmpty == false)
            let sides = stored["link"]?["sides"]?.array ?? []
            #expect(sides.count == 1 && sides.first?["ertms"]?.string == "level 2" && sides.first?["electrification"] == nil)
            // The dossier form takes a link's old name and stores its id.
            let admin = Browser(client)
            try await admin.signIn("root")
            let saved = try await admin.editRecord("dossiers", "mol-weert", ["railLinkIDs": "Mol–Weert, Weert-Hamont"])
            #expect(saved.status == .ok, "\(saved.text.prefix(300))")
            let dossier = try await client.json("/api/dossiers/mol-weert")
            #expect((dossier["railLinks"]?.array ?? []).compactMap { $0["id"]?.string } == ["mol-weert", "hamont-weert"])
        }
    }
}
