import DeltaDomain
import DeltaStore
import DeltaTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
@testable import DeltaWeb
import Testing

/// The integral view of joint investments: the pivot page, its filters, the chart, and the CSV
/// files, checked by Python's csv module and LibreOffice.
@Suite("Investments: pivot, chart and CSV")
struct InvestmentPivotPageTests {
    /// Two countries, several funding sources and years, a part of a whole, and a dossier that
    /// anonymous visitors may not see (its id must not appear to them).
    static let dataFile = """
    format: deltaberaad/2
    organisations:
      - {id: ienw, name: 'Ministerie van IenW', country: NL, level: national}
      - {id: mow, name: 'Departement MOW', country: BE, level: regional}
      - {id: cinea, name: 'CINEA', country: EU, level: eu}
      - {id: geheime-org, name: 'Geheime Organisatie', country: NL, level: national, visibility: internal}
    documents:
      - id: geheim-document
        kind: other
        title: 'Geheim document'
        date: 2026-03-01
        language: nl
        visibility: internal
        text: |
          Een geheime passage over 4 miljoen euro.
    dossiers:
      - {id: open-dossier, title: 'Open dossier', summary: 'Openbaar', themes: [rail], leads: [ienw]}
      - {id: geheim-dossier, title: 'Geheim dossier', summary: 'Intern', themes: [rail], leads: [ienw], visibility: internal}
    investments:
      - id: nl-jaarlijks
        title: 'Jaarlijks onderhoud; "grens"'
        amount: {exact: 10000000}
        wording: '€ 10 miljoen per jaar'
        organisation: ienw
        country: NL
        funding_source: nl-mobiliteitsfonds
        years: {per_year: [2026, 2028]}
        status: committed
        dossier: open-dossier
      - id: vl-bereik
        title: '=Vlaamse bijdrage'
        amount: {range: [20000000, 25000000]}
        wording: 'tussen 20 en 25 miljoen'
        organisation: mow
        country: BE
        funding_source: flemish-budget
        years: [2026, 2030]
        status: announced
        dossier: open-dossier
      - id: eu-cef
        title: 'CEF-bijdrage'
        amount: {up_to: 5000000.50}
        wording: 'tot 5 miljoen'
        organisation: cinea
        country: EU
        funding_source: eu-cef
        years: 2027
      - id: nl-geheim
        title: 'Deel voor het geheime dossier'
        amount: {exact: 3000000}
        wording: '3 miljoen'
        organisation: ienw
        country: NL
        years: 2027
        dossier: geheim-dossier
        part_of: nl-jaarlijks
      - id: bedrag-geheime-org
        title: 'Bedrag van een geheime organisatie'
        amount: {exact: 2000000}
        wording: '2 miljoen'
        organisation: geheime-org
        country: NL
      - id: bron-geheim
        title: 'Bedrag met een geheime bron'
        amount: {exact: 4000000}
        wording: '4 miljoen euro'
        organisation: ienw
        country: NL
        source: {document: geheim-document, quote: 'Een geheime passage over 4 miljoen euro.'}
    """

    static let database = Task<any DatabaseEngine, any Error> {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("deltaweb-pivot-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = directory.appendingPathComponent("investments.yaml")
        try dataFile.write(to: file, atomically: true, encoding: .utf8)
        return try await makeDatabase(importing: [file.path])
    }

    static func withApp<Value: Sendable>(_ body: @Sendable (any TestClientProtocol) async throws -> Value) async throws -> Value {
        try await DeltaWebTests.withApp(engine: try await database.value, body)
    }

    @Test("the pivot page and its JSON twin show the same cells; a recurring amount counts per year, a range of years stays one column")
    func pivotByYear() async throws {
        let (html, json) = try await Self.withApp { client in
            (try await client.page("/investments?rows=year&columns=country&lang=en"), try await client.json("/api/investments?rows=year&columns=country&lang=en"))
        }
        let pivot = try #require(json["pivot"])
        #expect(pivot.strings("columnHeads", "key") == ["NL", "BE", "EU"])
        #expect(pivot["lines"]?.array.map { $0["head"]?["key"]?.string ?? "" } == ["2026", "2026-2030", "2027", "2028", "unknown"])
        let line2027 = try #require(pivot["lines"]?.array.first { $0["head"]?["key"]?.string == "2027" })
        #expect(line2027["cells"]?.array.first?["firmCents"] == .integer(10_000_000_00), "NL 2027: the yearly amount; the part is inside it")
        #expect(line2027["cells"]?.array.last?["label"]?.string == "up to €5m")
        // Three years of €10m, the Flemish range's minimum, the part inside its whole (not again),
        // the amount with a hidden source (€4m, year unknown); the hidden organisation's amount is not shown.
        #expect(pivot["grandTotal"]?["firmCents"] == .integer(30_000_000_00 + 20_000_000_00 + 4_000_000_00))
        let document = try HTMLDocument(parsing: html)
        let section = try document.requireSection("h-pivot").markup
        for label in pivot["lines"]?.array.flatMap({ ($0["cells"]?.array ?? []).filter { $0["hasAmounts"] == .bool(true) }.map { $0["compactLabel"]?.string ?? "" } }) ?? [] {
            #expect(section.contains(label.htmlEscaped), "\(label)")
        }
        #expect(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""), "the chart is in the page, without JavaScript")
        #expect(json["chart"]?["textAlternative"]?.string?.contains("2026–2030: Belgium at least €20m, at most €25m") == true)
    }

    @Test("anonymous visitors never see the internal dossier's id or title, in the page, the JSON, the CSV or the pivot CSV")
    func noHiddenReferences() async throws {
        try await Self.withApp { client in
            for path in ["/investments", "/api/investments", "/investments.csv", "/investments/pivot.csv", "/investments/chart.svg",
                         "/api/investments?rows=dossier&columns=year"] {
                let text = try await client.get(path).text
                for hidden in ["geheim-dossier", "Geheim dossier", "geheime-org", "Geheime Organisatie", "bedrag-geheime-org", "geheim-document",
                               "geheime passage"] {
                    #expect(!text.contains(hidden), "\(path) names \(hidden)")
                }
            }
            // The amount itself is public; its dossier is left out, so it shows under "no dossier".
            let json = try await client.json("/api/investments")
            #expect(json["investments"]?.array.contains { $0["id"]?.string == "nl-geheim" && $0["dossier"] == nil } == true)
            #expect(json["investments"]?.array.contains { $0["id"]?.string == "bron-geheim" && $0["source"] == nil } == true,
                    "an amount whose source is hidden is shown without its source")
        }
    }

    @Test("filters narrow the pivot, the chart, the list and the downloads alike; a year keeps ranges that include it")
    func filters() async throws {
        try await Self.withApp { client in
            let be = try await client.json("/api/investments?country=BE")
            #expect(be.strings("investments", "id") == ["vl-bereik"])
            #expect(be["pivot"]?["grandTotal"]?["ceilingCents"] == .integer(25_000_000_00))
            #expect(be.strings("downloads", "url").allSatisfy { $0.contains("country=BE") })
            let year = try await client.json("/api/investments?year=2027&rows=year&columns=funding-source")
            #expect(year["pivot"]?["lines"]?.array.map { $0["head"]?["key"]?.string ?? "" } == ["2026-2030", "2027"])
            let source = try await client.json("/api/investments?source=eu-cef")
            #expect(source.strings("investments", "id") == ["eu-cef"])
            let csv = try await client.get("/investments.csv?status=committed").text
            #expect(csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 2, "header and the one committed amount")
        }
    }

    @Test("the amounts come a window at a time, with the filter kept; the pivot and the totals cover them all")
    func windows() async throws {
        try await Self.withApp { client in
            let all = try await client.json("/api/investments?limit=500")
            let ids = all.strings("investments", "id")
            try #require(ids.count >= 3)
            #expect(all["paging"]?["next"] == nil && all["pivot"]?["lineCount"] == .integer(Int64(all["pivot"]?["lines"]?.array.count ?? -1)))
            #expect(all["pivot"]?["investmentCountLabel"]?.string == String(ids.count), "the count as the reader writes it")
            let first = try await client.json("/api/investments?limit=2&rows=year")
            #expect(first.strings("investments", "id") == Array(ids.prefix(2)))
            #expect(first["pivot"]?["grandTotal"] == all["pivot"]?["grandTotal"], "the totals are of every amount, not of the window")
            #expect(first["totalsByCountry"] == all["totalsByCountry"])
            let next = try #require(first["paging"]?["next"]?.string)
            #expect(next.contains("rows=year") && next.contains("limit=2"))
            #expect(next.hasPrefix("/api/investments?"))
            let second = try await client.json(next)
            #expect(second.strings("investments", "id") == Array(ids.dropFirst(2).prefix(2)))
            let page = try await client.page("/investments?limit=2")
            #expect(page.contains("rel=\"next\""))
            #expect(try await client.get("/investments?limit=0").status == .badRequest)
        }
    }

    @Test("a part links to its whole: on the page when the whole is in the window, else to the window that begins with it")
    func partsLinkTheirWhole() async throws {
        try await withDemoApp { client in
            let all = try await client.json("/api/investments?limit=500")["investments"]?.array ?? []
            let ids = all.compactMap { $0["id"]?.string }
            let parts = all.filter { $0["partOf"]?.string != nil }
            try #require(!parts.isEmpty)
            for part in parts {
                let id = try #require(part["id"]?.string), whole = try #require(part["partOf"]?.string)
                #expect(part["partOfURL"]?.string == "#\(whole)", "all in one window: on this page")
                // A window of one: the whole is elsewhere, and its link opens the window that begins with it.
                let position = try #require(ids.firstIndex(of: id))
                let single = position == 0 ? "/api/investments?limit=1" : "/api/investments?limit=1&after=" + ListWindow.encode(ids[position - 1])
                let shown = try #require(try await client.json(single)["investments"]?.array.first)
                #expect(shown["id"]?.string == id)
                let url = try #require(shown["partOfURL"]?.string)
                #expect(url.hasSuffix("#\(whole)"))
                let target = String(url.prefix { $0 != "#" })
                #expect(try await client.json(target)["investments"]?.array.first?["id"]?.string == whole)
            }
        }
    }

    @Test("a filter value that names nothing is a 400 with the parameter named, as a page and as a problem document", arguments: [
        "country=XX", "source=lottery", "status=maybe", "year=twenty", "rows=colour", "columns=1", "variant=xlsx",
    ])
    func badParameters(query: String) async throws {
        try await Self.withApp { client in
            let page = try await client.get("/investments?\(query)")
            #expect(page.status == .badRequest)
            let parameter = String(query.prefix { $0 != "=" })
            #expect(page.text.contains(parameter))
            let problem = try await client.get("/api/investments?\(query)")
            #expect(problem.status == .badRequest)
            #expect(problem.headers[.contentType] == "application/problem+json")
            #expect(try problem.json()["detail"]?.string?.contains(parameter) == true)
            let csv = try await client.get("/investments.csv?\(query)")
            #expect(csv.status == .badRequest)
        }
    }

    @Test("Python's csv module reads both CSV variants: BOM, quoted fields, ISO years, decimal point or comma")
    func pythonReadsCSV() async throws {
        let (standard, excel) = try await Self.withApp { client in
            let standard = try await client.get("/investments.csv")
            #expect(standard.headers[.contentType]?.hasPrefix("text/csv; charset=utf-8") == true)
            #expect(standard.headers[.contentDisposition]?.contains("attachment") == true)
            return (standard.text, try await client.get("/investments.csv?variant=excel").text)
        }
        #expect(standard.hasPrefix("\u{FEFF}"), "Excel needs the byte-order mark to read UTF-8")
        let script = """
        import csv, sys, json
        path, delimiter = sys.argv[1], sys.argv[2]
        with open(path, newline='', encoding='utf-8-sig') as f:
            rows = list(csv.DictReader(f, delimiter=delimiter))
        print(json.dumps(rows))
        """
        for (text, delimiter, decimal) in [(standard, ",", "."), (excel, ";", ",")] {
            let file = try ExternalTools.temporaryFile(named: "investments.csv", contents: text)
            let output = try await ExternalTools.run("/usr/bin/env", ["python3", "-c", script, file.path, delimiter])
            let rows = try JSONDecoder().decode([[String: String]].self, from: Data(output.utf8))
            #expect(rows.count == 5, "the amount of the hidden organisation is left out")
            let yearly = try #require(rows.first { $0["id"] == "nl-jaarlijks" })
            #expect(yearly["title"] == "Jaarlijks onderhoud; \"grens\"", "a quote and the separator survive")
            #expect(yearly["minimum_eur"] == "10000000\(decimal)00")
            #expect(yearly["first_year"] == "2026" && yearly["last_year"] == "2028" && yearly["recurring"] == "yes")
            let flemish = try #require(rows.first { $0["id"] == "vl-bereik" })
            #expect(flemish["title"] == "'=Vlaamse bijdrage", "a formula-like title is defused")
            #expect(flemish["funding_source"] == "flemish-budget")
            let cef = try #require(rows.first { $0["id"] == "eu-cef" })
            #expect(cef["minimum_eur"] == "" && cef["maximum_eur"] == "5000000\(decimal)50", "an upper bound has no minimum")
            #expect(Set(rows[0].keys) == Set(["id", "title", "amount_kind", "minimum_eur", "maximum_eur", "wording", "organisation", "organisation_name",
                                            "country", "funding_source", "funding_source_name", "status", "first_year", "last_year", "recurring",
                                            "dossier", "part_of", "agreement", "measure", "source_document", "source_document_date", "source_quote"]))
        }
    }

    @Test("LibreOffice converts both CSV variants to xlsx with the amounts as numbers and the text intact")
    func libreOfficeConverts() async throws {
        let (standard, excel) = try await Self.withApp { client in
            (try await client.get("/investments.csv").text, try await client.get("/investments.csv?variant=excel").text)
        }
        // 44/59: comma or semicolon; 34: double quote; 76: UTF-8; 1: first line; 1033 en-US, 1043 nl-NL number formats.
        for (text, filter) in [(standard, "CSV:44,34,76,1,,1033"), (excel, "CSV:59,34,76,1,,1043")] {
            let csv = try ExternalTools.temporaryFile(named: "investments.csv", contents: text)
            let directory = csv.deletingLastPathComponent()
            _ = try await ExternalTools.run("/usr/bin/env", [
                "soffice", "-env:UserInstallation=file://\(directory.path)/lo-profile", "--headless", "--infilter=\(filter)",
                "--convert-to", "xlsx", "--outdir", directory.path, csv.path,
            ], timeout: 180)
            let check = """
            import zipfile, re, sys, json
            z = zipfile.ZipFile(sys.argv[1])
            sheet = z.read('xl/worksheets/sheet1.xml').decode()
            strings = re.findall(r'<t[^>]*>([^<]*)</t>', z.read('xl/sharedStrings.xml').decode())
            numbers = re.findall(r'<c r="([A-Z]+)(\\d+)"[^>]*t="n"[^>]*><v>([^<]*)</v>', sheet)
            print(json.dumps({"strings": strings, "numbers": numbers}))
            """
            let output = try await ExternalTools.run("/usr/bin/env", ["python3", "-c", check, directory.appendingPathComponent("investments.xlsx").path])
            struct Sheet: Decodable { let strings: [String]; let numbers: [[String]] }
            let sheet = try JSONDecoder().decode(Sheet.self, from: Data(output.utf8))
            #expect(sheet.strings.contains("Jaarlijks onderhoud; &quot;grens&quot;") || sheet.strings.contains("Jaarlijks onderhoud; \"grens\""))
            #expect(sheet.strings.contains("Departement MOW"))
            #expect(sheet.strings.contains("€ 10 miljoen per jaar"), "UTF-8 with BOM keeps the euro sign")
            // Column D (minimum_eur) of a data row is a number, whatever the variant's decimal mark.
            #expect(sheet.numbers.contains { $0[0] == "D" && Double($0[2]) == 10_000_000 }, "\(filter): \(sheet.numbers)")
            #expect(sheet.numbers.contains { $0[0] == "E" && Double($0[2]) == 5_000_000.5 }, "\(filter): \(sheet.numbers)")
        }
    }

    @Test("the chart is served as well-formed SVG; the pivot CSV holds cells, row and column totals and the grand total")
    func chartAndPivotCSV() async throws {
        try await Self.withApp { client in
            let chart = try await client.get("/investments/chart.svg?lang=fr")
            #expect(chart.headers[.contentType] == "image/svg+xml; charset=utf-8")
            let file = try ExternalTools.temporaryFile(named: "chart.svg", contents: chart.text)
            let parsed = try await ExternalTools.run("/usr/bin/env", ["python3", "-c", """
                import sys, xml.etree.ElementTree as E
                root = E.parse(sys.argv[1]).getroot()
                ns = '{http://www.w3.org/2000/svg}'
                print(root.tag == ns + 'svg', root.find(ns + 'title').text, '|', root.find(ns + 'desc').text)
                """, file.path])
            #expect(parsed.hasPrefix("True Investissements par année et par pays |"))
            #expect(parsed.contains("2026–2030"))

            let pivot = try await client.get("/investments/pivot.csv?rows=status&columns=country").text
            let lines = pivot.dropFirst().components(separatedBy: "\r\n").filter { !$0.isEmpty }
            #expect(lines.first == "row_dimension,row_key,row_name,column_dimension,column_key,column_name,at_least_eur,at_most_eur,of_which_up_to_eur,exact,amount_count")
            #expect(lines.last?.hasPrefix("status,,,country,,,") == true, "the grand total comes last")
        }
    }
}
