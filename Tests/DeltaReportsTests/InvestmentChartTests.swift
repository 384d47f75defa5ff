import DeltaDomain
import DeltaReports
import DeltaTestSupport
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// Collects the elements of an XML document, or the parser's error.
private final class ElementCollector: NSObject, XMLParserDelegate {
    var elements: [(name: String, attributes: [String: String])] = []
    var text: [String: String] = [:]
    private var open: [String] = []
    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
        elements.append((name, attributes))
        open.append(name)
    }
    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) { open.removeLast() }
    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let current = open.last, current == "desc" || current == "title" { text[current, default: ""] += string }
    }
}

private func parse(_ svg: String) throws -> ElementCollector {
    let parser = XMLParser(data: Data(svg.utf8))
    let collector = ElementCollector()
    parser.delegate = collector
    guard parser.parse() else { throw Failure(description: "not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "?")") }
    return collector
}

private struct Failure: Error, CustomStringConvertible { let description: String }

@Suite("Investment chart (SVG)")
struct InvestmentChartTests {
    static func investment(_ id: String, _ amount: Amount, country: Country, years: (Int, Int)?, recurring: Bool = false) -> Investment {
        Investment(id: id, title: id, amount: amount, wording: id, organisationID: "org", country: country,
                   firstYear: years?.0, lastYear: years?.1, recurring: recurring)
    }

    static let investments: [Investment] = [
        investment("nl", .exact(cents: 100_000_000_00), country: .NL, years: (2026, 2027), recurring: true),
        investment("be", .upToAtMost(cents: 50_000_000_00), country: .BE, years: (2026, 2026)),
        investment("eu", .approximate(cents: 20_000_000_00), country: .EU, years: nil),
    ]

    @Test("the chart is well-formed SVG with a title, a text alternative naming every year and country, and a titled segment per bar part")
    func wellFormed() throws {
        let labels = TestCatalogues.labels(.en)
        let chart = InvestmentChart(InvestmentPivot(Self.investments, rows: .year, columns: .country), labels: labels)
        let svg = chart.svg()
        let xml = try parse(svg)
        let root = try #require(xml.elements.first)
        #expect(root.name == "svg" && root.attributes["role"] == "img")
        #expect(root.attributes["aria-labelledby"] == "investment-chart-title investment-chart-desc")
        #expect(xml.text["title"]?.hasPrefix("Investments per year and country") == true)
        let desc = try #require(xml.text["desc"])
        #expect(desc == chart.textAlternative)
        for part in ["2026:", "2027:", "year unknown:", "Netherlands €100m", "Belgium up to €50m", "European Union about €20m"] {
            #expect(desc.contains(part), "\(part) in: \(desc)")
        }
        // Firm money is a solid rectangle; what "up to" may add is a pale, dashed one above it.
        let rects = xml.elements.filter { $0.name == "rect" }
        #expect(rects.contains { $0.attributes["stroke-dasharray"] != nil && $0.attributes["fill"] == "#1d4ed8" }, "BE's upper bound is pale")
        #expect(rects.contains { $0.attributes["stroke-dasharray"] == nil && $0.attributes["fill"] == "#c2410c" }, "NL is firm")
        #expect(svg.components(separatedBy: "<g><title>").count - 1 == 4, "one titled group per segment: NL 2026, BE 2026, NL 2027, EU unknown")
    }

    @Test("bar heights follow the amounts: NL's 2026 bar is twice as tall as BE's upper bound in 2026")
    func proportions() throws {
        let labels = TestCatalogues.labels(.nl)
        let xml = try parse(InvestmentChart(InvestmentPivot(Self.investments, rows: .year, columns: .country), labels: labels).svg())
        let heights = xml.elements.filter { $0.name == "rect" && $0.attributes["x"] != nil && ($0.attributes["width"] ?? "") != "12" }
            .compactMap { element -> (String, Double)? in
                guard let fill = element.attributes["fill"], let height = element.attributes["height"].flatMap(Double.init) else { return nil }
                return (fill, height)
            }
        let nl = try #require(heights.first { $0.0 == "#c2410c" }?.1)
        let be = try #require(heights.first { $0.0 == "#1d4ed8" }?.1)
        #expect(abs(nl - 2 * be) < 0.5, "NL \(nl), BE \(be)")
    }

    @Test("an empty selection still gives a valid chart that says there is nothing")
    func empty() throws {
        let labels = TestCatalogues.labels(.fr)
        let chart = InvestmentChart(InvestmentPivot([], rows: .year, columns: .country), labels: labels)
        let xml = try parse(chart.svg())
        #expect(xml.text["desc"] == labels.text("chart.investments.empty"))
    }
}

@Suite("CSV tables")
struct CSVTableTests {
    @Test("RFC 4180: BOM, CRLF, quoted separators, doubled quotes and line breaks; decimal comma in the Excel variant")
    func quoting() {
        var table = CSVTable(header: ["a", "b", "c"])
        table.append([.text("x,y"), .text("say \"hi\""), .euros(cents: 123_456_78)])
        table.append([.text("line\r\nbreak"), .text("semi;colon"), .euros(cents: -5)])
        let standard = table.text(.standard)
        #expect(standard.hasPrefix("\u{FEFF}a,b,c\r\n"))
        #expect(standard.contains("\"x,y\",\"say \"\"hi\"\"\",123456.78\r\n"))
        #expect(standard.contains("\"line\r\nbreak\",semi;colon,-0.05\r\n"))
        let excel = table.text(.excel)
        #expect(excel.hasPrefix("\u{FEFF}a;b;c\r\n"))
        #expect(excel.contains("x,y;\"say \"\"hi\"\"\";123456,78\r\n"))
        #expect(excel.contains("\"semi;colon\";-0,05"))
    }

    @Test("a text that a spreadsheet would run as a formula is defused")
    func formulas() {
        var table = CSVTable(header: ["a"])
        for text in ["=HYPERLINK(\"http://x\")", "+1", "-1", "@SUM(A1)"] { table.append([.text(text)]) }
        let lines = table.text(.standard).components(separatedBy: "\r\n").dropFirst().filter { !$0.isEmpty }
        for line in lines { #expect(line.hasPrefix("'") || line.hasPrefix("\"'"), "\(line)") }
    }

    @Test("document dates are ISO 8601 at their precision")
    func dates() throws {
        let day = FuzzyPeriod(day: try #require(CalendarDate(year: 2026, month: 2, day: 18)))
        #expect(CSVTable.isoDate(day) == .text("2026-02-18"))
        #expect(CSVTable.isoDate(FuzzyPeriod.parse("juni 2026")) == .text("2026-06"))
        #expect(CSVTable.isoDate(FuzzyPeriod.parse("2026")) == .text("2026"))
        #expect(CSVTable.isoDate(FuzzyPeriod.parse("rond zomer 2026")) == .text("2026-06-01/2026-09-30"))
        #expect(CSVTable.isoDate(nil) == .empty)
    }
}
