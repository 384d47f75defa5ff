import DeltaDomain
import Foundation

/// The cross-border network as a server-rendered SVG map: country outlines, links coloured by the
/// health of their dossiers and drawn by status, stations, border crossings, labels that never
/// overlap, a legend, and for assistive technology a title, a description and one named, focusable
/// link per rail link. Pure: the same input gives the same bytes.
public struct NetworkMap: Sendable {
    /// A country's outline (rings of WGS84 points).
    public struct Outline: Sendable {
        public var code: String
        public var name: String
        public var rings: [[Coordinate]]
        public init(code: String, name: String, rings: [[Coordinate]]) { self.code = code; self.name = name; self.rings = rings }
    }

    /// A rail link as drawn.
    public struct Link: Sendable {
        public var id: String
        public var name: String
        public var href: String
        /// The drawn line: the link's stations that have coordinates, in order.
        public var points: [Coordinate]
        public var stroke: RailLinkStroke
        public var health: Health
        /// What assistive technology reads: "Hamont–Weert: not functional, at risk".
        public var accessibleName: String
        /// Drawn wider and on top (the dossier page's links).
        public var highlighted: Bool
        public init(id: String, name: String, href: String, points: [Coordinate], stroke: RailLinkStroke, health: Health,
                    accessibleName: String, highlighted: Bool = false) {
            self.id = id; self.name = name; self.href = href; self.points = points; self.stroke = stroke; self.health = health
            self.accessibleName = accessibleName; self.highlighted = highlighted
        }
    }

    /// A station as drawn.
    public struct Stop: Sendable {
        public var id: String
        public var name: String
        public var href: String
        public var coordinate: Coordinate
        public init(id: String, name: String, href: String, coordinate: Coordinate) {
            self.id = id; self.name = name; self.href = href; self.coordinate = coordinate
        }
    }

    /// A placed label's box in SVG units (tests check that no two intersect).
    public struct Box: Sendable, Hashable {
        public var x: Double, y: Double, width: Double, height: Double
        public init(x: Double, y: Double, width: Double, height: Double) { self.x = x; self.y = y; self.width = width; self.height = height }
        public func intersects(_ other: Box) -> Bool {
            x < other.x + other.width && other.x < x + width && y < other.y + other.height && other.y < y + height
        }
    }

    /// The area shown: Belgium, the Netherlands and the adjoining German region.
    public struct Area: Sendable {
        public var west: Double, east: Double, south: Double, north: Double
        public init(west: Double, east: Double, south: Double, north: Double) { self.west = west; self.east = east; self.south = south; self.north = north }
        public static let delta = Area(west: 2.4, east: 7.4, south: 49.45, north: 53.6)

        /// The area around some points, with a margin and at least a minimum span (so one short
        /// link is shown with its surroundings), within the Delta; the whole Delta without points.
        public static func around(_ points: [Coordinate], margin: Double = 0.3, minimumSpan: Double = 1.6) -> Area {
            guard let first = points.first else { return .delta }
            var west = first.longitude, east = first.longitude, south = first.latitude, north = first.latitude
            for point in points {
                west = min(west, point.longitude); east = max(east, point.longitude)
                south = min(south, point.latitude); north = max(north, point.latitude)
            }
            func widened(_ low: Double, _ high: Double, span: Double) -> (Double, Double) {
                let middle = (low + high) / 2, half = max(high - low + 2 * margin, span) / 2
                return (middle - half, middle + half)
            }
            let (w, e) = widened(west, east, span: minimumSpan * 1.5)
            let (s, n) = widened(south, north, span: minimumSpan)
            return Area(west: max(w, delta.west), east: min(e, delta.east), south: max(s, delta.south), north: min(n, delta.north))
        }
    }

    public var outlines: [Outline]
    public var links: [Link]
    public var stops: [Stop]
    public var area: Area
    /// Width in SVG units; the height follows from the area.
    public var width: Double
    let labels: Labels
    /// Whether to draw the legend and labels (the small map of a dossier page has neither).
    public var detailed: Bool
    /// The data's sources and licences, written in the map's corner so that a copy of the SVG or
    /// PNG keeps them (the station data's ODbL asks for it).
    public var attribution: String?

    public init(outlines: [Outline], links: [Link], stops: [Stop], labels: Labels, area: Area = .delta, width: Double = 760, detailed: Bool = true,
                attribution: String? = nil) {
        self.outlines = outlines; self.links = links; self.stops = stops; self.labels = labels; self.area = area; self.width = width
        self.detailed = detailed; self.attribution = attribution
    }

    /// Where the attribution is written: along the bottom edge, right of the legend.
    var attributionBox: Box? {
        guard detailed, attribution != nil else { return nil }
        let x = legendBox.x + legendBox.width + 8
        return Box(x: x, y: height - 40, width: width - x - 4, height: 36)
    }

    // MARK: Geometry

    /// Equirectangular projection scaled by the cosine of the middle latitude: true enough at
    /// this size, and straight lines stay straight.
    var xScale: Double { width / (area.east - area.west) }
    var yScale: Double { xScale / cos((area.south + area.north) / 2 * .pi / 180) }
    public var height: Double { ((area.north - area.south) * yScale).rounded() }

    func point(_ c: Coordinate) -> (x: Double, y: Double) {
        ((c.longitude - area.west) * xScale, (area.north - c.latitude) * yScale)
    }

    static func number(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    // MARK: Colours (inline, so the SVG and its PNG stand alone)

    public static func colour(_ health: Health) -> String {
        switch health {
        case .onTrack: "#1d6b33"
        case .atRisk: "#b35c00"
        case .offTrack: "#a11b1b"
        case .unknown: "#4a5360"
        }
    }

    static func dash(_ stroke: RailLinkStroke) -> String? {
        switch stroke {
        case .solid: nil
        case .dashed: "9 5"
        case .dotted: "2 4"
        case .unknown: "14 3 2 3"
        }
    }

    /// Links a detailed map names one by one at most (a focusable link with its title and a
    /// label each). Beyond it the map draws them as track, coloured by health and styled by
    /// status, and the table beside it names each: thousands of named links help nobody, and a
    /// keyboard would have to pass them all.
    public static let namedLimit = 200

    /// Whether the links are named one by one: a detailed map that draws at most `namedLimit`
    /// links (those with two places or more). A small map names only its highlighted links.
    public var namesLinks: Bool { detailed && links.lazy.filter { $0.points.count >= 2 }.count <= Self.namedLimit }

    // MARK: Labels

    static let fontSize = 11.0
    /// A generous width per character (as wide as DejaVu Sans or Verdana, the faces named first,
    /// run on average), so the box claimed is never smaller than the text drawn.
    static let characterWidth = 0.75 * fontSize

    static func textWidth(_ text: String) -> Double { Double(text.count) * characterWidth + 2 }

    /// Places labels next to their anchors without overlap: each tries eight positions around
    /// its point and takes the first that is free of every label already placed, every station
    /// dot and the legend; a label with no free place is left out (the name stays in the link's
    /// title and the table).
    /// Each label's text, box, what it names, and where its text is anchored in the box (`start`
    /// right of its point, `end` left of it, `middle` above or below), so the text sits next to its
    /// point even though its box is measured generously.
    public func placedLabels() -> [(text: String, box: Box, anchor: String, align: String)] {
        guard detailed else { return [] }
        // Boxes already taken, by grid cell: a candidate is checked against its neighbours only,
        // so a map of thousands of links is placed in linear time, not quadratic.
        var taken = BoxGrid()
        taken.insert(legendBox)
        if let attributionBox { taken.insert(attributionBox) }
        for stop in stops {
            let p = point(stop.coordinate)
            taken.insert(Box(x: p.x - 3, y: p.y - 3, width: 6, height: 6))
        }
        var placed: [(String, Box, String, String)] = []
        let h = Self.fontSize + 3
        func tryPlace(_ text: String, at p: (x: Double, y: Double), gap: Double, id: String) {
            let w = Self.textWidth(text)
            let candidates = [
                Box(x: p.x + gap, y: p.y - h / 2, width: w, height: h), Box(x: p.x - gap - w, y: p.y - h / 2, width: w, height: h),
                Box(x: p.x - w / 2, y: p.y - gap - h, width: w, height: h), Box(x: p.x - w / 2, y: p.y + gap, width: w, height: h),
                Box(x: p.x + gap, y: p.y - gap - h, width: w, height: h), Box(x: p.x - gap - w, y: p.y - gap - h, width: w, height: h),
                Box(x: p.x + gap, y: p.y + gap, width: w, height: h), Box(x: p.x - gap - w, y: p.y + gap, width: w, height: h),
            ]
            let inside = { (b: Box) in b.x >= 0 && b.y >= 0 && b.x + b.width <= width && b.y + b.height <= height }
            if let box = candidates.first(where: { box in inside(box) && !taken.intersectsAny(box) }) {
                taken.insert(box)
                let align = box.x >= p.x ? "start" : box.x + box.width <= p.x ? "end" : "middle"
                placed.append((text, box, id, align))
            }
        }
        // Stations first (short names, fixed places), then links at the middle of their line.
        for stop in stops.sorted(by: { $0.name < $1.name }) { tryPlace(stop.name, at: point(stop.coordinate), gap: 5, id: "station-\(stop.id)") }
        let named = namesLinks
        for link in links where link.points.count >= 2 && (named || link.highlighted) {
            let a = point(link.points[link.points.count / 2 - (link.points.count % 2 == 0 ? 1 : 0)])
            let b = point(link.points[link.points.count / 2])
            let middle = link.points.count % 2 == 0 ? ((a.x + b.x) / 2, (a.y + b.y) / 2) : a
            tryPlace(link.name, at: middle, gap: 4, id: "link-\(link.id)")
        }
        return placed
    }

    /// Boxes in square cells of the map, so that a box is compared with the boxes near it only.
    struct BoxGrid {
        private struct Cell: Hashable { let x: Int, y: Int }
        private static let size = 40.0
        private var cells: [Cell: [Box]] = [:]

        private static func cells(of box: Box) -> [Cell] {
            let x0 = Int((box.x / size).rounded(.down)), x1 = Int(((box.x + box.width) / size).rounded(.down))
            let y0 = Int((box.y / size).rounded(.down)), y1 = Int(((box.y + box.height) / size).rounded(.down))
            return (x0...x1).flatMap { x in (y0...y1).map { Cell(x: x, y: $0) } }
        }

        mutating func insert(_ box: Box) {
            for cell in Self.cells(of: box) { cells[cell, default: []].append(box) }
        }

        func intersectsAny(_ box: Box) -> Bool {
            Self.cells(of: box).contains { cell in cells[cell]?.contains { $0.intersects(box) } == true }
        }
    }

    // MARK: Legend

    static let legendRows = 9
    /// The legend's texts, in order (health, line styles, crossing).
    var legendTexts: [String] {
        [Health.onTrack, .atRisk, .offTrack, .unknown].map { labels.text("network.legend.health", ["health": labels.health($0)]) }
            + RailLinkStroke.allCases.map { labels.text("network.legend.stroke.\($0.rawValue)") } + [labels.text("network.legend.crossing")]
    }

    var legendBox: Box {
        guard detailed else { return Box(x: 0, y: 0, width: 0, height: 0) }
        // As wide as its longest text (measured generously, as the labels are).
        let w = 56 + (legendTexts.map(Self.textWidth).max() ?? 120), h = Double(Self.legendRows) * 16 + 30
        return Box(x: 8, y: height - h - 8, width: w, height: h)
    }

    // MARK: Border crossings

    /// Where drawn links cross a country outline, merged when closer than 6 units (outlines of
    /// two countries share a border drawn twice).
    public func crossings() -> [(x: Double, y: Double)] {
        var found: [(x: Double, y: Double)] = []
        let edges = outlines.flatMap { outline in
            outline.rings.flatMap { ring in zip(ring, ring.dropFirst()).map { (point($0), point($1)) } }
        }
        // Each edge's bounding box, to pass over edges far from a link's segment cheaply; and each
        // segment once, however many links run along it.
        let bounds = edges.map { r, s in Box(x: min(r.x, s.x), y: min(r.y, s.y), width: abs(r.x - s.x), height: abs(r.y - s.y)) }
        var seen = Set<[Double]>()
        for link in links {
            for (a, b) in zip(link.points, link.points.dropFirst()) {
                guard seen.insert([a.longitude, a.latitude, b.longitude, b.latitude]).inserted else { continue }
                let p = point(a), q = point(b)
                let segment = Box(x: min(p.x, q.x), y: min(p.y, q.y), width: abs(p.x - q.x), height: abs(p.y - q.y))
                for (index, (r, s)) in edges.enumerated() {
                    let edge = bounds[index]
                    guard edge.x <= segment.x + segment.width, segment.x <= edge.x + edge.width,
                          edge.y <= segment.y + segment.height, segment.y <= edge.y + edge.height,
                          let hit = Self.intersection(p, q, r, s) else { continue }
                    if !found.contains(where: { hypot($0.x - hit.x, $0.y - hit.y) < 6 }) { found.append(hit) }
                }
            }
        }
        return found
    }

    static func intersection(_ p: (x: Double, y: Double), _ p2: (x: Double, y: Double), _ q: (x: Double, y: Double),
                             _ q2: (x: Double, y: Double)) -> (x: Double, y: Double)? {
        let r = (x: p2.x - p.x, y: p2.y - p.y), s = (x: q2.x - q.x, y: q2.y - q.y)
        let denominator = r.x * s.y - r.y * s.x
        guard abs(denominator) > 1e-9 else { return nil }
        let t = ((q.x - p.x) * s.y - (q.y - p.y) * s.x) / denominator
        let u = ((q.x - p.x) * r.y - (q.y - p.y) * r.x) / denominator
        guard (0...1).contains(t), (0...1).contains(u) else { return nil }
        return (p.x + t * r.x, p.y + t * r.y)
    }

    // MARK: SVG

    /// The map as an `<svg>` element (for a page); `id` prefixes the ids inside it.
    public func svg(id: String = "network-map", title: String, description: String) -> String {
        let e = MarkupEscaping.escape
        let n = Self.number
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"\(id)\" class=\"network-map\" viewBox=\"0 0 \(n(width)) \(n(height))\""
            + " width=\"\(n(width))\" height=\"\(n(height))\" role=\"group\" aria-labelledby=\"\(id)-title \(id)-desc\""
            + " font-family=\"DejaVu Sans, Verdana, sans-serif\" font-size=\"\(n(Self.fontSize))\">"
        out += "<title id=\"\(id)-title\">\(e(title))</title><desc id=\"\(id)-desc\">\(e(description))</desc>"
        out += "<rect width=\"100%\" height=\"100%\" fill=\"#eaf2f8\"></rect>"
        out += "<g class=\"countries\" aria-hidden=\"true\">"
        for outline in outlines {
            let fill = ["BE", "NL"].contains(outline.code) ? "#ffffff" : "#f4f4f1"
            var d = ""
            for ring in outline.rings where ring.count > 2 {
                d += ring.enumerated().map { index, c in
                    let p = point(c)
                    return (index == 0 ? "M" : "L") + n(p.x) + " " + n(p.y)
                }.joined() + "Z"
            }
            out += "<path d=\"\(d)\" fill=\"\(fill)\" stroke=\"#9aa5b1\" stroke-width=\"0.8\" data-country=\"\(e(outline.code))\"></path>"
        }
        out += "</g>"
        // Links not named one by one (the rest of the network on a small map; every link when
        // there are too many to name) are drawn as track: each piece once, in one path per look,
        // not focusable, so the map stays small at any size of the register and a keyboard
        // reaches only the links that are named.
        let named = namesLinks
        let interactive = named ? links : links.filter(\.highlighted)
        out += track(named ? [] : links.filter { !$0.highlighted })
        out += "<g class=\"links\">"
        for link in interactive.sorted(by: { !$0.highlighted && $1.highlighted }) where link.points.count >= 2 {
            let d = link.points.enumerated().map { index, c in
                let p = point(c)
                return (index == 0 ? "M" : "L") + n(p.x) + " " + n(p.y)
            }.joined()
            let dash = Self.dash(link.stroke).map { " stroke-dasharray=\"\($0)\"" } ?? ""
            let width = link.highlighted ? 6.0 : (detailed ? 3.5 : 2.5)
            out += "<a href=\"\(e(link.href))\" id=\"\(id)-link-\(e(link.id))\" class=\"map-link\" aria-label=\"\(e(link.accessibleName))\">"
            out += "<title>\(e(link.accessibleName))</title>"
            // A wide transparent path under the line: an easy target for a pointer.
            out += "<path d=\"\(d)\" fill=\"none\" stroke=\"transparent\" stroke-width=\"12\"></path>"
            out += "<path d=\"\(d)\" fill=\"none\" stroke=\"\(Self.colour(link.health))\" stroke-width=\"\(n(width))\"\(dash)"
                + " stroke-linecap=\"round\" stroke-linejoin=\"round\" data-stroke=\"\(link.stroke.rawValue)\" data-health=\"\(link.health.rawValue)\"></path>"
            out += "</a>"
        }
        out += "</g>"
        let crossings = crossings()
        if detailed, !crossings.isEmpty {
            out += "<g class=\"crossings\" aria-hidden=\"true\">"
            for c in crossings {
                out += "<circle cx=\"\(n(c.x))\" cy=\"\(n(c.y))\" r=\"4.5\" fill=\"#ffffff\" stroke=\"#1b1f24\" stroke-width=\"1.5\"></circle>"
            }
            out += "</g>"
        }
        out += "<g class=\"stations\">"
        for stop in stops {
            let p = point(stop.coordinate)
            out += "<a href=\"\(e(stop.href))\" aria-label=\"\(e(stop.name))\"><title>\(e(stop.name))</title>"
                + "<circle cx=\"\(n(p.x))\" cy=\"\(n(p.y))\" r=\"\(detailed ? "3" : "2")\" fill=\"#1b1f24\"></circle></a>"
        }
        out += "</g>"
        if detailed {
            out += "<g class=\"labels\" aria-hidden=\"true\">"
            for label in placedLabels() {
                let x = label.align == "start" ? label.box.x + 1 : label.align == "end" ? label.box.x + label.box.width - 1 : label.box.x + label.box.width / 2
                out += "<text class=\"map-label\" x=\"\(n(x))\" y=\"\(n(label.box.y + Self.fontSize))\" text-anchor=\"\(label.align)\""
                    + " data-box=\"\(n(label.box.x)) \(n(label.box.y)) \(n(label.box.width)) \(n(label.box.height))\""
                    + " data-for=\"\(e(label.anchor))\" fill=\"#1b1f24\" stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\">\(e(label.text))</text>"
            }
            out += "</g>" + legend()
            if let attribution, let box = attributionBox {
                // Wrapped by words into lines that fit the box (at most three).
                let perLine = max(20, Int(box.width / (Self.characterWidth * 0.8)) - 2)
                var lines: [String] = [], line = ""
                for word in attribution.split(separator: " ") {
                    if line.count + word.count + 1 > perLine, !line.isEmpty { lines.append(line); line = "" }
                    line += (line.isEmpty ? "" : " ") + word
                }
                if !line.isEmpty { lines.append(line) }
                out += "<text class=\"attribution\" font-size=\"\(n(Self.fontSize * 0.8))\" fill=\"#4a5360\">"
                for (index, text) in lines.prefix(3).enumerated() {
                    out += "<tspan x=\"\(n(box.x))\" y=\"\(n(box.y + 10 + Double(index) * 11))\">\(e(text))</tspan>"
                }
                out += "</text>"
            }
        }
        // Every element is written with its end tag (`<path …></path>`): the map is also
        // embedded in HTML, where only void elements may close themselves.
        return out + "</svg>"
    }

    /// Links drawn as track: on a small map one grey path; on a detailed one a path per health and
    /// line style, so colour and style still tell what the named links would.
    func track(_ background: [Link]) -> String {
        guard !background.isEmpty else { return "" }
        let n = Self.number
        struct Look: Hashable { let health: Health, stroke: RailLinkStroke }
        var paths: [Look: String] = [:], order: [Look] = [], seen = Set<[Double]>()
        // The worst health first, so a piece of track shared by links is drawn in the colour of the worst.
        for link in background.sorted(by: { $0.health.severity > $1.health.severity }) {
            let look = detailed ? Look(health: link.health, stroke: link.stroke) : Look(health: .unknown, stroke: .solid)
            for (a, b) in zip(link.points, link.points.dropFirst()) {
                let (first, second) = (a.longitude, a.latitude) <= (b.longitude, b.latitude) ? (a, b) : (b, a)
                guard seen.insert([first.longitude, first.latitude, second.longitude, second.latitude]).inserted else { continue }
                let p = point(first), q = point(second)
                if paths[look] == nil { order.append(look) }
                paths[look, default: ""] += "M" + n(p.x) + " " + n(p.y) + "L" + n(q.x) + " " + n(q.y)
            }
        }
        var out = "<g class=\"track\" aria-hidden=\"true\">"
        for look in order.reversed() {
            guard let d = paths[look] else { continue }
            let colour = detailed ? Self.colour(look.health) : "#8a949e"
            let dash = detailed ? Self.dash(look.stroke).map { " stroke-dasharray=\"\($0)\"" } ?? "" : ""
            out += "<path d=\"\(d)\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"\(detailed ? "3.5" : "2")\"\(dash)"
                + " stroke-linecap=\"round\"" + (detailed ? " data-health=\"\(look.health.rawValue)\"" : "") + "></path>"
        }
        return out + "</g>"
    }

    /// The map as a standalone SVG file.
    public func svgFile(title: String, description: String) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svg(title: title, description: description)
    }

    func legend() -> String {
        let e = MarkupEscaping.escape
        let n = Self.number
        let box = legendBox
        var out = "<g class=\"legend\"><rect x=\"\(n(box.x))\" y=\"\(n(box.y))\" width=\"\(n(box.width))\" height=\"\(n(box.height))\""
            + " fill=\"#ffffff\" fill-opacity=\"0.92\" stroke=\"#9aa5b1\"></rect>"
        out += "<text x=\"\(n(box.x + 8))\" y=\"\(n(box.y + 18))\" font-weight=\"bold\">\(e(labels.text("network.legend.title")))</text>"
        var y = box.y + 34
        for health in [Health.onTrack, .atRisk, .offTrack, .unknown] {
            out += "<line x1=\"\(n(box.x + 8))\" y1=\"\(n(y - 4))\" x2=\"\(n(box.x + 40))\" y2=\"\(n(y - 4))\" stroke=\"\(Self.colour(health))\" stroke-width=\"3.5\"></line>"
            out += "<text x=\"\(n(box.x + 48))\" y=\"\(n(y))\">\(e(labels.text("network.legend.health", ["health": labels.health(health)])))</text>"
            y += 16
        }
        for stroke in RailLinkStroke.allCases {
            let dash = Self.dash(stroke).map { " stroke-dasharray=\"\($0)\"" } ?? ""
            out += "<line x1=\"\(n(box.x + 8))\" y1=\"\(n(y - 4))\" x2=\"\(n(box.x + 40))\" y2=\"\(n(y - 4))\" stroke=\"#1b1f24\" stroke-width=\"3\"\(dash)></line>"
            out += "<text x=\"\(n(box.x + 48))\" y=\"\(n(y))\">\(e(labels.text("network.legend.stroke.\(stroke.rawValue)")))</text>"
            y += 16
        }
        out += "<circle cx=\"\(n(box.x + 24))\" cy=\"\(n(y - 4))\" r=\"4.5\" fill=\"#ffffff\" stroke=\"#1b1f24\" stroke-width=\"1.5\"></circle>"
        out += "<text x=\"\(n(box.x + 48))\" y=\"\(n(y))\">\(e(labels.text("network.legend.crossing")))</text>"
        return out + "</g>"
    }
}
