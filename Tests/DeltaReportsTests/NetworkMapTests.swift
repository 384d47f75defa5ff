import DeltaDomain
import DeltaReports
import DeltaTestSupport
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// The `text.map-label` boxes (`data-box`) and the named links of a map's SVG.
private final class MapCollector: NSObject, XMLParserDelegate {
    var boxes: [NetworkMap.Box] = []
    var linkNames: [String] = []
    var root: [String: String] = [:]
    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
        if name == "svg" { root = attributes }
        if name == "text", attributes["class"] == "map-label", let box = attributes["data-box"] {
            let parts = box.split(separator: " ").compactMap { Double($0) }
            if parts.count == 4 { boxes.append(NetworkMap.Box(x: parts[0], y: parts[1], width: parts[2], height: parts[3])) }
        }
        if name == "a", attributes["class"] == "map-link", let label = attributes["aria-label"] { linkNames.append(label) }
    }
}

/// Parses a map's SVG with Foundation's XML parser (so it must be well-formed).
func mapLabels(_ svg: String) throws -> (boxes: [NetworkMap.Box], links: [String], root: [String: String]) {
    let parser = XMLParser(data: Data(svg.utf8))
    let collector = MapCollector()
    parser.delegate = collector
    guard parser.parse() else { throw MapFailure(description: "not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "?")") }
    return (collector.boxes, collector.linkNames, collector.root)
}

struct MapFailure: Error, CustomStringConvertible { let description: String }

/// Whether any two boxes intersect (names the first pair).
func overlapping(_ boxes: [NetworkMap.Box]) -> (NetworkMap.Box, NetworkMap.Box)? {
    for (i, a) in boxes.enumerated() {
        for b in boxes[(i + 1)...] where a.intersects(b) { return (a, b) }
    }
    return nil
}

@Suite("Network map (SVG)")
struct NetworkMapTests {
    /// A deterministic generator (the test must give the same map every run).
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state
        }
    }

    static func generated(links count: Int, seed: UInt64) -> NetworkMap {
        var random = Generator(state: seed)
        let area = NetworkMap.Area.delta
        var stops: [NetworkMap.Stop] = []
        for index in 0..<120 {
            let c = Coordinate(latitude: Double.random(in: area.south...area.north, using: &random),
                               longitude: Double.random(in: area.west...area.east, using: &random))
            stops.append(NetworkMap.Stop(id: "s\(index)", name: "Station \(index)", href: "/stations/s\(index)", coordinate: c))
        }
        let links = (0..<count).map { index -> NetworkMap.Link in
            let points = (0..<Int.random(in: 2...5, using: &random)).map { _ in stops.randomElement(using: &random)!.coordinate }
            let stroke = RailLinkStroke.allCases.randomElement(using: &random)!
            let health = Health.allCases.randomElement(using: &random)!
            return NetworkMap.Link(id: "l\(index)", name: "Link number \(index)", href: "/rail-links/l\(index)", points: points, stroke: stroke,
                                   health: health, accessibleName: "Link number \(index)")
        }
        let square = NetworkMap.Outline(code: "BE", name: "Square", rings: [[
            Coordinate(latitude: 50, longitude: 3), Coordinate(latitude: 52, longitude: 3), Coordinate(latitude: 52, longitude: 6),
            Coordinate(latitude: 50, longitude: 6), Coordinate(latitude: 50, longitude: 3),
        ]])
        return NetworkMap(outlines: [square], links: links, stops: stops, labels: TestCatalogues.labels(.en))
    }

    @Test("no two labels overlap on a generated map of 200 links and 120 stations", arguments: [UInt64(1), 7, 2026])
    func labelsDoNotOverlap(seed: UInt64) throws {
        let map = Self.generated(links: 200, seed: seed)
        let parsed = try mapLabels(map.svg(title: "Test map", description: "Generated."))
        #expect(parsed.boxes.count > 40, "most stations and some links get a label")
        if let pair = overlapping(parsed.boxes) { Issue.record("labels overlap: \(pair.0) and \(pair.1)") }
        // Every label stays inside the map.
        #expect(parsed.boxes.allSatisfy { $0.x >= 0 && $0.y >= 0 && $0.x + $0.width <= map.width && $0.y + $0.height <= map.height })
        // Every drawn link is a named, focusable link.
        #expect(parsed.links.count == 200)
    }

    @Test("the overlap check can fail: labels placed without the rule do overlap")
    func overlapIsDetected() {
        let a = NetworkMap.Box(x: 0, y: 0, width: 50, height: 14), b = NetworkMap.Box(x: 40, y: 10, width: 50, height: 14)
        let c = NetworkMap.Box(x: 50, y: 0, width: 10, height: 14)
        #expect(overlapping([a, b]) != nil)
        #expect(overlapping([a, c]) == nil, "boxes that only touch do not overlap")
    }

    @Test("the map names itself for assistive technology and draws status and health as the legend says")
    func accessibleAndStyled() throws {
        let labels = TestCatalogues.labels(.en)
        let points = [Coordinate(latitude: 51.25, longitude: 5.54), Coordinate(latitude: 51.25, longitude: 5.70)]
        let map = NetworkMap(outlines: [], links: [
            NetworkMap.Link(id: "a", name: "Hamont–Weert", href: "/rail-links/a", points: points, stroke: .dotted, health: .atRisk,
                            accessibleName: "Hamont–Weert: not functional, at risk"),
            NetworkMap.Link(id: "b", name: "Nowhere", href: "/rail-links/b", points: [points[0]], stroke: .solid, health: .onTrack,
                            accessibleName: "Nowhere"),
        ], stops: [], labels: labels)
        let svg = map.svg(title: "Map <of> links", description: "Desc & more")
        let parsed = try mapLabels(svg)
        #expect(parsed.root["aria-labelledby"] == "network-map-title network-map-desc")
        #expect(svg.contains("<title id=\"network-map-title\">Map &lt;of&gt; links</title>"))
        #expect(parsed.links == ["Hamont–Weert: not functional, at risk"], "a link with one point is not drawn")
        #expect(svg.contains("stroke-dasharray=\"2 4\"") && svg.contains("data-health=\"at-risk\""))
        #expect(svg.contains(NetworkMap.colour(.atRisk)))
        for key in ["legend.title", "legend.crossing", "legend.stroke.solid", "legend.stroke.dotted"] {
            #expect(svg.contains(labels.text("network.\(key)")), "legend: \(key)")
        }
    }

    @Test("beyond namedLimit links the map draws them as track by health and line style, names none, and labels only stations", arguments: [UInt64(3)])
    func tooManyToName(seed: UInt64) throws {
        let map = Self.generated(links: 5_000, seed: seed)
        #expect(!map.namesLinks)
        let svg = map.svg(title: "Test map", description: "Generated.")
        let parsed = try mapLabels(svg)
        #expect(parsed.links.isEmpty, "no link is a focusable element")
        if let pair = overlapping(parsed.boxes) { Issue.record("labels overlap: \(pair.0) and \(pair.1)") }
        #expect(!parsed.boxes.isEmpty && parsed.boxes.count <= map.stops.count, "stations only")
        #expect(svg.contains("<g class=\"track\" aria-hidden=\"true\">"))
        for health in Health.allCases { #expect(svg.contains("data-health=\"\(health.rawValue)\""), "\(health) is drawn in its colour") }
        #expect(svg.contains("stroke-dasharray=\"2 4\""), "line styles are kept")
        // Each piece of track once: far smaller than 5 000 named links.
        let named = Self.generated(links: NetworkMap.namedLimit, seed: seed).svg(title: "Test map", description: "Generated.")
        #expect(svg.utf8.count < 2 * named.utf8.count)
    }

    @Test("links without two places are not drawn and do not count towards the limit of named links")
    func undrawnDoNotCount() {
        var map = Self.generated(links: 60, seed: 5)
        let lonely = map.links[0].points[0]
        for index in 0..<(NetworkMap.namedLimit + 10) {
            map.links.append(NetworkMap.Link(id: "u\(index)", name: "Unplaced \(index)", href: "/rail-links/u\(index)", points: [lonely],
                                             stroke: .solid, health: .unknown, accessibleName: "Unplaced \(index)"))
        }
        #expect(map.links.count > NetworkMap.namedLimit && map.namesLinks)
    }

    @Test("a small map names only its highlighted links and draws the rest as grey track")
    func smallMap() throws {
        var map = Self.generated(links: 40, seed: 11)
        map.detailed = false
        map.links[5].highlighted = true
        let svg = map.svg(id: "dossier-map", title: "Small", description: "One link.")
        let parsed = try mapLabels(svg)
        #expect(parsed.links == ["Link number 5"])
        #expect(parsed.boxes.isEmpty)
        #expect(svg.contains("<g class=\"track\" aria-hidden=\"true\"><path") && svg.contains("stroke=\"#8a949e\""))
    }
}
