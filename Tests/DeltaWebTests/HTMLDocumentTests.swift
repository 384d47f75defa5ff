import DeltaTestSupport
import DeltaWeb
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// The HTML reader the web tests look sections up with (`DeltaTestSupport/HTMLDocument.swift`).
@Suite("HTML reader for tests")
struct HTMLDocumentTests {
    static let page = """
        <!DOCTYPE html>
        <html lang="nl">
        <head>
        <meta charset="utf-8">
        <title>Verklaring &amp; nota · Deltaberaad</title>
        <link rel="stylesheet" href="/static/site.css">
        </head>
        <body>
        <!-- the <main> below is what tests look in -->
        <main id="inhoud">
        <h1>Tom &amp; Jerry &lt;b&gt; &quot;quoted&quot; &#39;single&#39; &#8211; &#x2014;</h1>
        <section aria-labelledby="h-dossiers" class="wide listing">
        <h2 id="h-dossiers">Dossiers</h2>
        <ul>
          <li><a href="/dossiers/3rx" title="A &quot;title&quot; &amp; more">3RX</a></li>
          <li>Kijfhoek<br>met
              regel</li>
        </ul>
        <p><img src="/x.png" alt=""><input type="checkbox" name="keep" checked disabled></p>
        </section>
        <section aria-labelledby="h-bodies"><h2 id="h-bodies">Overleggen</h2><hr>
        <dl class="facts"><dt>Ritme</dt><dd>tweemaal</dd></dl>
        <ul class="listing"><li class="state-done" id="m1">Klaar</li></ul>
        </section>
        <textarea name="note">&lt;b&gt; stays text</textarea>
        </main>
        </body>
        </html>
        """

    @Test("elements nest as written, void elements have no children and do not swallow what follows")
    func nesting() throws {
        let document = try HTMLDocument(parsing: Self.page)
        #expect(document.doctype == "DOCTYPE html")
        let html = try #require(document.childElements.first)
        #expect(html.tag == "html")
        #expect(html.childElements.map(\.tag) == ["head", "body"])
        let head = try document.requireElement("head")
        #expect(head.childElements.map(\.tag) == ["meta", "title", "link"], "meta and link are void: title and link are their siblings")
        let main = try document.requireElement(id: "inhoud")
        #expect(main.childElements.map(\.tag) == ["h1", "section", "section", "textarea"])
        let dossiers = try document.requireElement(#"section[aria-labelledby="h-dossiers"]"#)
        #expect(dossiers.childElements.map(\.tag) == ["h2", "ul", "p"])
        let items = dossiers.elements(tag: "li")
        #expect(items.count == 2)
        #expect(items.last?.childElements.map(\.tag) == ["br"], "the text after <br> stays in the <li>")
        let paragraph = try dossiers.requireElement("p")
        #expect(paragraph.childElements.map(\.tag) == ["img", "input"])
        let checkbox = try paragraph.requireElement("input")
        #expect(checkbox.children.isEmpty)
        #expect(checkbox.attribute("checked") == "", "an attribute without a value")
        #expect(checkbox.attribute("NAME") == "keep", "attribute names are case-insensitive")
        #expect(checkbox.attribute("value") == nil)
        let bodies = try document.requireElement(#"section[aria-labelledby="h-bodies"]"#)
        #expect(bodies.childElements.map(\.tag) == ["h2", "hr", "dl", "ul"])
        let comments = document.descendants.flatMap(\.children).filter { node in
            if case .comment = node { true } else { false }
        }
        #expect(comments.count == 1)
        #expect(!main.text.contains("the <main> below"), "comments are not text")
        #expect(main.line == 10)
    }

    @Test("text collapses whitespace; character references are decoded in text and attributes, raw in markup")
    func entities() throws {
        let document = try HTMLDocument(parsing: Self.page)
        let heading = try document.requireElement("h1")
        #expect(heading.text == "Tom & Jerry <b> \"quoted\" 'single' – —")
        #expect(heading.markup.contains("Tom &amp; Jerry &lt;b&gt;"), "markup is the source as written")
        let link = try document.requireElement("li > a")
        #expect(link.attribute("title") == "A \"title\" & more")
        #expect(link.attribute("href") == "/dossiers/3rx")
        #expect(link.markup == #"<a href="/dossiers/3rx" title="A &quot;title&quot; &amp; more">3RX</a>"#)
        let items = document.elements(tag: "li")
        try #require(items.count == 3)
        let kijfhoek = items[1]
        #expect(kijfhoek.text == "Kijfhoekmet regel", "no space for <br>, newlines and indentation collapse to one space")
        let title = try document.requireElement("title")
        #expect(title.text == "Verklaring & nota · Deltaberaad")
        let textarea = try document.requireElement("textarea")
        #expect(textarea.text == "<b> stays text")
        #expect(textarea.childElements.isEmpty, "a textarea holds text only")
        let nbsp = try HTMLDocument(parsing: "<p>a&nbsp;b &amp c</p>")
        #expect(nbsp.text == "a\u{A0}b &amp c", "a lone & is itself")
    }

    @Test("markup that is not a tree throws, and says where", arguments: [
        ("<div><p>text</div></p>", "mismatched closing tag </div>", 1),
        ("<ul>\n<li>one\n<li>two</li>\n</ul>", "mismatched closing tag </ul>", 4),
        ("<section><h2>Titel</h2>", "is never closed", 1),
        ("<p>a</p></p>", "no element is open", 1),
        ("<p>a<br></br></p>", "void element", 1),
        ("<p>&copy; 2026</p>", "unknown character reference &copy;", 1),
        (#"<a href="x" href="y">x</a>"#, "twice", 1),
        ("<p>1 < 2</p>", "bare", 1),
        ("<div/>", "self-closing", 1),
        ("<!-- open", "never closed", 1),
    ])
    func brokenMarkup(html: String, message: String, line: Int) throws {
        let parse = { () throws -> HTMLDocument in try HTMLDocument(parsing: html) }
        let error = try #require(throws: HTMLParseError.self, "\(html)", performing: parse)
        #expect(error.description.contains(message), "\(error)")
        #expect(error.line == line, "\(error)")
    }

    @Test("select: tag, #id, .class, [attribute], descendant and child; scoped to the element it is called on")
    func selection() throws {
        let document = try HTMLDocument(parsing: Self.page)
        let inSections = try document.select("section li")
        #expect(inSections.map(\.text) == ["3RX", "Kijfhoekmet regel", "Klaar"], "document order")
        let listing = try document.select(".listing")
        #expect(listing.map(\.tag) == ["section", "ul"])
        let byClasses = try document.select("section.wide.listing h2")
        #expect(byClasses.map(\.text) == ["Dossiers"])
        let byID = try document.select("main#inhoud li#m1.state-done")
        #expect(byID.map(\.text) == ["Klaar"])
        let children = try document.select("main > h1")
        #expect(children.count == 1)
        let notChildren = try document.select("main > li")
        #expect(notChildren.isEmpty, "> means a direct child")
        let quoted = try document.select(#"[aria-labelledby="h-bodies"] dd"#)
        #expect(quoted.map(\.text) == ["tweemaal"])
        let unquoted = try document.select("section[aria-labelledby=h-bodies] > dl.facts > dt")
        #expect(unquoted.map(\.text) == ["Ritme"])
        let any = try document.select("dl > *")
        #expect(any.map(\.tag) == ["dt", "dd"])

        // Queries on an element look inside it only.
        let bodies = try document.requireElement(#"section[aria-labelledby="h-bodies"]"#)
        let ownItems = try bodies.select("li")
        #expect(ownItems.map(\.id) == ["m1"])
        let throughOutside = try bodies.select("main li")
        #expect(throughOutside.isEmpty, "ancestors outside the element are not matched")
        let itself = try bodies.select("section")
        #expect(itself.isEmpty, "the element itself is not inside itself")
        #expect(bodies.elements(class: "state-done").count == 1)
        #expect(bodies.element(id: "h-dossiers") == nil)
        #expect(document.element(id: "h-dossiers")?.text == "Dossiers")
        #expect(document.elements(tag: "LI").count == 3)
    }

    @Test("requireElement throws a message naming the selector and where it looked, when nothing or more than one matches")
    func requireElement() throws {
        let document = try HTMLDocument(parsing: Self.page)
        let section = try document.requireElement(#"section[aria-labelledby="h-dossiers"]"#)
        let missing = { () throws -> HTMLElement in try section.requireElement("dl.facts") }
        let missingError = try #require(throws: HTMLQueryError.self, performing: missing)
        #expect(missingError.description.contains("no element matches “dl.facts”"), "\(missingError)")
        #expect(missingError.description.contains(#"<section aria-labelledby="h-dossiers" class="wide listing"> (line 12)"#), "\(missingError)")
        let twice = { () throws -> HTMLElement in try document.requireElement("section") }
        let twiceError = try #require(throws: HTMLQueryError.self, performing: twice)
        #expect(twiceError.description.contains("2 elements match “section”"), "\(twiceError)")
        let noID = { () throws -> HTMLElement in try document.requireElement(id: "h-nope") }
        #expect(throws: HTMLQueryError.self, performing: noID)
        let unsupported = { () throws -> [HTMLElement] in try document.select("ul, ol") }
        let unsupportedError = try #require(throws: HTMLQueryError.self, performing: unsupported)
        #expect(unsupportedError.description.contains("unexpected “,”"), "\(unsupportedError)")
        let pseudo = { () throws -> [HTMLElement] in try document.select("li:first-child") }
        #expect(throws: HTMLQueryError.self, performing: pseudo)
        let dangling = { () throws -> [HTMLElement] in try document.select("ul >") }
        #expect(throws: HTMLQueryError.self, performing: dangling)
    }

    @Test("every HTML page the router serves, signed in as the administrator, parses")
    func everyPageParses() async throws {
        let (checked, failures) = try await withAccountsApp { client, engine -> (Int, [String]) in
            let router = try await buildTestRouter(engine: engine, configuration: testConfiguration())
            let paths = router.routes.filter { $0.method == .get }.map(\.path.description).sorted()
            let root = Browser(client)
            try await root.signIn("root")
            var checked = 0
            var failures: [String] = []
            let extraPages = ["/dossiers?theme=freight", "/bodies/politiek-overleg/report?year=2026", "/nope", "/dossiers/nope"]
            for path in paths + extraPages where !path.contains("{secret}") && !path.contains("{tokenID}") && !path.contains("{outcomeID}") {
                var uri = path
                if uri.contains("{id}") {
                    let segment = uri.split(separator: "/").map(String.init).first { $0 != "api" } ?? ""
                    guard let id = AuthorizationMatrixTests.ids[segment] else { failures.append("no demo id for \(path)"); continue }
                    uri = uri.replacingOccurrences(of: "{id}", with: id)
                }
                let response = try await root.get(uri)
                guard response.headers[.contentType]?.hasPrefix("text/html") == true else { continue }
                do {
                    let document = try HTMLDocument(parsing: response.text)
                    _ = try document.requireElement("body")
                    checked += 1
                } catch {
                    failures.append("\(uri): \(error)")
                }
            }
            return (checked, failures)
        }
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
        #expect(checked > 30, "only \(checked) pages were read")
    }
}
