import DeltaStore
import DeltaTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// Hostile text in every field a page shows.
enum Hostile {
    static let script = "<script>alert(1)</script>"
    static let attribute = #"" onmouseover="x"#
    static let both = "\(script) \(attribute)"

    /// How the page must show them.
    static let escapedScript = "&lt;script&gt;alert(1)&lt;/script&gt;"
    static let escapedAttribute = "&quot; onmouseover=&quot;x"

    /// A data file in format deltaberaad/1 whose records carry the hostile text in names, titles,
    /// summaries, text and labels (YAML single-quoted, so the double quotes stay as they are).
    static let dataFile = """
    format: deltaberaad/1
    organisations:
      - id: xss-org
        name: 'Organisatie \(both)'
        short_name: '\(script)'
        country: NL
        level: national
        website: 'https://example.org/\(attribute)'
    documents:
      - id: xss-doc
        kind: statement
        title: 'Verklaring \(both)'
        date: 2026-03-01
        place: 'Plaats \(attribute)'
        reference: 'REF \(script)'
        language: nl
        issuers: [xss-org]
        signatories:
          - {name: 'Ondertekenaar \(script)', role: 'Rol \(attribute)', organisation: xss-org}
        summary: 'Samenvatting \(both)'
        text: |
          Verklaring over veilige tekst

          Partijen spreken af dat de tekst \(script) en \(attribute) veilig wordt getoond.

          Een tweede alinea met \(attribute) en \(script) en een & teken.
    bodies:
      - id: xss-body
        name: 'Werkgroep \(both)'
        kind: working-group
        description: 'Omschrijving \(both)'
        cadence: {per_year: 1}
        since: 2026-01-01
        members:
          - {organisation: xss-org, role: member, person: 'Persoon \(both)'}
    dossiers:
      - id: xss-dossier
        title: 'Dossier \(both)'
        summary: 'Samenvatting van het dossier \(both)'
        themes: ['\(script)', '\(attribute)']
        body: xss-body
        leads: [xss-org]
        rail_links: ['Verbinding \(both)']
        mandate: {given: 2026-03-01, body: xss-body, document: xss-doc, note: 'Mandaat \(both)'}
    agreements:
      - id: xss-agreement
        title: 'Afspraak \(both)'
        source: {document: xss-doc, quote: 'Partijen spreken af dat de tekst \(script) en \(attribute) veilig wordt getoond.'}
        parties: [xss-org]
        dossiers: [xss-dossier]
        body: xss-body
        due: 2026-06-30
        completion: not-started
    milestones:
      - id: xss-milestone
        dossier: xss-dossier
        title: 'Mijlpaal \(both)'
        due: 2026-06-30
        owner: xss-org
        status: planned
        note: 'Noot \(both)'
    meetings:
      - id: xss-meeting
        body: xss-body
        title: 'Vergadering \(both)'
        when: 2026-03-01
        place: 'Zaal \(attribute)'
        status: held
    investments:
      - id: xss-investment
        title: 'Bedrag \(both)'
        amount: {exact: 1000000}
        wording: 'een miljoen \(both)'
        organisation: xss-org
        country: NL
        funding_source: other
        dossier: xss-dossier
    """

    /// A register holding only the hostile records, created once.
    static let database = Task<any DatabaseEngine, any Error> {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("deltaweb-xss-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = directory.appendingPathComponent("hostile.yaml")
        try dataFile.write(to: file, atomically: true, encoding: .utf8)
        return try await makeDatabase(importing: [file.path])
    }

    static func withApp<Value: Sendable>(_ body: @Sendable (any TestClientProtocol) async throws -> Value) async throws -> Value {
        try await DeltaWebTests.withApp(engine: try await database.value, body)
    }
}

@Suite("Escaping")
struct EscapingTests {
    static let pages = [
        "/", "/dossiers", "/dossiers?theme=%3Cscript%3Ealert(1)%3C%2Fscript%3E", "/dossiers/xss-dossier", "/documents", "/documents/xss-doc",
        "/bodies", "/bodies/xss-body", "/organisations", "/investments", "/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E+veilig",
    ]

    @Test("Pages show hostile text escaped, never raw", arguments: pages)
    func pageEscapes(path: String) async throws {
        let html = try await Hostile.withApp { try await $0.page(path) }
        #expect(html.contains(Hostile.escapedScript), "\(path) does not show the text at all")
        // The page reads as a tree, and its content shows the hostile text as text.
        let document = try HTMLDocument(parsing: html)
        let main = try document.requireElement("main")
        #expect(main.mentions(Hostile.script), "\(path) does not show the script text inside <main>")
        #expect(document.elements(tag: "script").isEmpty, "\(path) has a <script> element")
        let handlers = document.descendants.filter { $0.attribute("onmouseover") != nil }
        #expect(handlers.isEmpty, "\(path) has an onmouseover attribute: \(handlers.map(\.description))")
        // Escaped byte for byte, in text, attributes, <title> and <textarea> alike.
        #expect(!html.contains(Hostile.script))
        #expect(!html.contains("<script"))
        #expect(!html.contains(Hostile.attribute))
        #expect(!html.contains("onmouseover=\""))
    }

    @Test("Attribute-borne hostile text is escaped as &quot;", arguments: [
        "/", "/dossiers", "/dossiers/xss-dossier", "/documents/xss-doc", "/bodies/xss-body", "/organisations", "/investments",
    ])
    func attributeEscapes(path: String) async throws {
        let html = try await Hostile.withApp { try await $0.page(path) }
        #expect(html.contains(Hostile.escapedAttribute), "\(path) does not show the quoted text")
    }

    @Test("The passage link's title attribute and the marked text are escaped")
    func passageEscapes() async throws {
        let html = try await Hostile.withApp { try await $0.page("/documents/xss-doc") }
        #expect(html.contains(#"title="Afspraak \#(Hostile.escapedScript) \#(Hostile.escapedAttribute)"><mark>"#))
        #expect(html.contains("<mark>Partijen spreken af dat de tekst \(Hostile.escapedScript) en \(Hostile.escapedAttribute) veilig wordt getoond.</mark>"))
        #expect(html.contains("en een &amp; teken."))
        #expect(html.contains("<title>Verklaring \(Hostile.escapedScript) \(Hostile.escapedAttribute) · Deltaberaad</title>"))
    }

    @Test("Filter options carry hostile theme values escaped")
    func filterOptionEscapes() async throws {
        let html = try await Hostile.withApp { try await $0.page("/dossiers") }
        #expect(html.contains(#"<option value="\#(Hostile.escapedScript)">\#(Hostile.escapedScript)</option>"#))
        #expect(html.contains(#"<option value="\#(Hostile.escapedAttribute)">\#(Hostile.escapedAttribute)</option>"#))
    }

    @Test("A hostile id in the URL is escaped on the not-found page", arguments: [
        "/dossiers/%3Cscript%3Ealert(1)%3C%2Fscript%3E", "/documents/%22%20onmouseover%3D%22x", "/bodies/%3Cscript%3E",
        "/%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    ])
    func notFoundEscapes(path: String) async throws {
        let response = try await Hostile.withApp { try await $0.get(path) }
        #expect(response.status == .notFound)
        let document = try response.document()
        let main = try document.requireElement("main")
        #expect(try main.requireElement("h1").text == "Niet gevonden")
        #expect(document.elements(tag: "script").isEmpty, "\(path) has a <script> element")
        let handlers = document.descendants.filter { $0.attribute("onmouseover") != nil }
        #expect(handlers.isEmpty, "\(path) has an onmouseover attribute: \(handlers.map(\.description))")
        #expect(!response.text.contains("<script"))
        #expect(!response.text.contains("onmouseover=\""))
    }

    @Test("JSON twins are valid JSON and carry the hostile text as it is", arguments: [
        "/api/overview", "/api/dossiers", "/api/dossiers/xss-dossier", "/api/documents", "/api/documents/xss-doc",
        "/api/bodies", "/api/bodies/xss-body", "/api/organisations", "/api/investments",
    ])
    func jsonCarriesRawText(path: String) async throws {
        let json = try await Hostile.withApp { try await $0.json(path) }
        let strings = json.allStrings
        let hasRawScript = strings.contains { $0.contains(Hostile.script) }
        #expect(hasRawScript, "\(path) lacks the raw script text")
        let hasEscapedScript = strings.contains { $0.contains(Hostile.escapedScript) }
        #expect(!hasEscapedScript, "\(path) is HTML-escaped, but JSON must carry the text itself")
        // It parses with Foundation's own parser too.
        let data = try await Hostile.withApp { try await $0.get(path) }.text
        #expect((try? JSONSerialization.jsonObject(with: Data(data.utf8))) != nil)
    }

    @Test("The JSON record has exactly the imported strings")
    func jsonExactValues() async throws {
        let (dossier, organisations, document) = try await Hostile.withApp { client in
            (try await client.json("/api/dossiers/xss-dossier"), try await client.json("/api/organisations"),
             try await client.json("/api/documents/xss-doc"))
        }
        #expect(dossier["title"]?.string == "Dossier \(Hostile.both)")
        #expect(dossier["summary"]?.string == "Samenvatting van het dossier \(Hostile.both)")
        #expect(dossier["dossier"]?["themes"]?.array == [.string(Hostile.script), .string(Hostile.attribute)])
        #expect(dossier["milestones"]?[0]?["title"]?.string == "Mijlpaal \(Hostile.both)")
        let organisation = organisations["organisations"]?.array.first { $0["id"]?.string == "xss-org" }
        #expect(organisation?["name"]?.string == "Organisatie \(Hostile.both)")
        #expect(organisation?["shortName"]?.string == Hostile.script)
        #expect(document["title"]?.string == "Verklaring \(Hostile.both)")
        #expect(document["reference"]?.string == "REF \(Hostile.script)")
        let marked = document["blocks"]?.array.compactMap { $0["paragraph"]?["segments"]?.array }.joined().first { $0["agreementID"] != nil }
        #expect(marked?["text"]?.string == "Partijen spreken af dat de tekst \(Hostile.script) en \(Hostile.attribute) veilig wordt getoond.")
        #expect(marked?["agreementTitle"]?.string == "Afspraak \(Hostile.both)")
    }
}
