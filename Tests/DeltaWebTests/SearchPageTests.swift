import DeltaDomain
import DeltaStore
import DeltaTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// The search page, the field in every page's header and the JSON twin, over the demo register.
@Suite("Search page")
struct SearchPageTests {
    @Test("every page has a labelled search field in a search landmark that leads to /search")
    func headerField() async throws {
        let html = try await withDemoApp { try await $0.page("/dossiers") }
        let document = try HTMLDocument(parsing: html)
        let header = try document.requireElement("header")
        let forms = header.descendants.filter { $0.tag == "form" && $0.attribute("role") == "search" }
        #expect(forms.count == 1)
        #expect(forms.first?.attribute("action") == "/search" && forms.first?.attribute("method") == "get")
        let input = try #require(document.element(id: "site-search"))
        #expect(input.attribute("name") == "q" && input.attribute("type") == "search")
        let labels = document.elements(tag: "label").filter { $0.attribute("for") == "site-search" }
        #expect(labels.count == 1 && labels.first?.text.isEmpty == false, "the field has a label")
    }

    @Test("a search lists results best first with marked words, linking to the record's page")
    func results() async throws {
        let html = try await withDemoApp { try await $0.page("/search?q=Hamont") }
        let document = try HTMLDocument(parsing: html)
        let results = document.elements(class: "search-result")
        #expect(!results.isEmpty)
        let firstLink = results.first?.descendants.first { $0.tag == "a" }?.attribute("href")
        #expect(firstLink == "/dossiers/hamont-weert", "\(String(describing: firstLink))")
        let marks = document.elements(tag: "mark").map(\.text)
        let allHamont = !marks.isEmpty && marks.allSatisfy { $0 == "Hamont" }
        #expect(allHamont, "\(marks)")
        let status = try #require(document.element(id: "search-count"))
        #expect(status.attribute("role") == "status" && status.text.contains("resulta"), "\(status.text)")
        // The query stays in the field; the form has a label for every control.
        #expect(document.element(id: "search-q")?.attribute("value") == "Hamont")
        for id in ["search-q", "search-type", "search-body", "search-year", "search-country"] {
            let labelled = document.elements(tag: "label").contains { $0.attribute("for") == id }
            #expect(labelled, "\(id) has a label")
        }
    }

    @Test("a paragraph result links to the paragraph's anchor, and the document page has that anchor")
    func paragraphAnchor() async throws {
        let (page, url) = try await withDemoApp { client in
            let json = try await client.json("/api/search?q=tweemaal+per+jaar&type=document")
            let url = json["results"]?[0]?["url"]?.string ?? ""
            let path = String(url.split(separator: "#").first ?? "")
            return (try await client.page(path), url)
        }
        #expect(url == "/documents/verklaring-2026#p29", "\(url)")
        let anchor = String(url.split(separator: "#").last ?? "")
        #expect(try HTMLDocument(parsing: page).element(id: anchor) != nil, "the document has an element with id \(anchor)")
    }

    @Test("the JSON twin is the page's model: the same results in the same order, with counts and paging")
    func jsonTwin() async throws {
        let (json, html) = try await withDemoApp { client in
            (try await client.json("/api/search?q=spoor&limit=5"), try await client.page("/search?q=spoor&limit=5"))
        }
        let results = json["results"]?.array ?? []
        #expect(results.count == 5)
        let total = json["total"]?.int ?? 0
        #expect(total > 5)
        let counted = (json["kindCounts"]?.array ?? []).compactMap { $0["count"]?.int }.reduce(0, +)
        #expect(counted == total)
        #expect(json["next"]?.string == "/search?q=spoor&limit=5&offset=5")
        #expect(json["query"]?.string == "spoor")
        #expect(json["previous"] == nil)
        let document = try HTMLDocument(parsing: html)
        let pageLinks = document.elements(class: "search-result").compactMap { $0.descendants.first { $0.tag == "a" }?.attribute("href") }
        let jsonLinks = results.compactMap { $0["url"]?.string }
        #expect(pageLinks == jsonLinks)
        let marked = results.compactMap { $0["snippetHTML"]?.string }.filter { $0.contains("<mark>") }
        #expect(!marked.isEmpty)
    }

    @Test("the words come as the form sends them: a plus is a space, a percent-encoded plus a plus")
    func formEncoding() async throws {
        let (spaced, plus, title) = try await withDemoApp { client in
            (try await client.json("/api/search?q=ERTMS+uitrol"), try await client.json("/api/search?q=a%2Bb"),
             try await client.page("/search?q=ERTMS+uitrol"))
        }
        #expect(spaced["query"]?.string == "ERTMS uitrol" && spaced["title"]?.string == "Zoeken: ERTMS uitrol")
        #expect(plus["query"]?.string == "a+b")
        #expect(try HTMLDocument(parsing: title).element(id: "search-q")?.attribute("value") == "ERTMS uitrol")
    }

    @Test("without words nothing is searched; the page offers the form")
    func empty() async throws {
        let (html, json) = try await withDemoApp { client in (try await client.page("/search"), try await client.json("/api/search?q=+")) }
        let document = try HTMLDocument(parsing: html)
        #expect(document.element(id: "search-q") != nil)
        #expect(document.elements(class: "search-result").isEmpty && document.element(id: "search-count") == nil)
        #expect(json["hasQuery"]?.bool == false && json["total"]?.int == 0)
    }

    @Test("bad parameters answer 400 saying what is wrong, as a page and as a problem document", arguments: [
        "q=" + String(repeating: "a", count: 201), "q=a+b+c+d+e+f+g+h+i+j+k", "q=spoor&type=nonsense", "q=spoor&limit=0", "q=spoor&limit=51",
        "q=spoor&offset=-1", "q=spoor&offset=5000", "q=spoor&year=tweeduizend", "q=spoor&year=12", "q=spoor&country=XX",
        "q=spoor&body=" + String(repeating: "b", count: 201),
    ])
    func badParameters(query: String) async throws {
        let (page, problem) = try await withDemoApp { client in (try await client.get("/search?" + query), try await client.get("/api/search?" + query)) }
        #expect(page.status == .badRequest)
        #expect(page.headers[.contentType]?.hasPrefix("text/html") == true)
        #expect(problem.status == .badRequest)
        #expect(problem.headers[.contentType]?.hasPrefix("application/problem+json") == true)
        let detail = try problem.json()["detail"]?.string ?? ""
        #expect(!detail.isEmpty && !detail.contains("search."), "a sentence, not a key: \(detail)")
    }

    @Test("the page speaks the reader's language; the register's texts keep theirs")
    func languages() async throws {
        let html = try await withDemoApp { try await $0.page("/search?q=3RX&lang=fr") }
        let document = try HTMLDocument(parsing: html)
        #expect(document.element(id: "search-count")?.text.contains("résultats") == true)
        let title = document.elements(class: "search-title").first?.descendants.first { $0.tag == "a" }
        #expect(title?.attribute("lang") == "nl")
    }

    @Test("anonymous visitors never find what only signed-in readers may see, nor see it counted")
    func visibility() async throws {
        let counts = try await withAccountsApp { client, engine in
            try await engine.transaction { db in
                let editor = RecordEditor(db: db, actor: .importer())
                var dossier = try #require(try await Register(db: db, scope: .everything).dossier(id: "3rx"))
                dossier.visibility = .internal
                try await editor.save(dossier, expectedVersion: try await editor.version(of: Dossier.self, id: "3rx"))
            }
            let anonymous = try await client.json("/api/search?q=3RX&type=dossier")
            let browser = Browser(client)
            try await browser.signIn("rita")
            let reader = try await browser.get("/api/search?q=3RX&type=dossier").json()
            return (anonymous["total"]?.int, reader["total"]?.int, anonymous["results"]?.array.count, reader["results"]?[0]?["id"]?.string)
        }
        #expect(counts.0 == 0 && counts.2 == 0, "anonymous: \(counts)")
        #expect(counts.1 == 1 && counts.3 == "3rx", "reader: \(counts)")
    }

    @Test("a snippet quoting markup shows it as text: escaped first, then marked")
    func snippetEscaping() async throws {
        let json = try await Hostile.withApp { try await $0.json("/api/search?q=script+alert") }
        let snippets = (json["results"]?.array ?? []).compactMap { $0["snippetHTML"]?.string }
        #expect(!snippets.isEmpty)
        let raw = snippets.filter { $0.contains("<script") || $0.contains("onmouseover=\"") }
        #expect(raw.isEmpty, "\(raw)")
        let escapedAndMarked = snippets.contains { $0.contains("&lt;<mark>script</mark>&gt;<mark>alert</mark>(1)&lt;/<mark>script</mark>&gt;") }
        #expect(escapedAndMarked, "\(snippets)")
    }

    @Test("rail links are found by their names, other names and stations, and lead to their page")
    func railLinks() async throws {
        try await withDemoApp { client in
            let json = try await client.json("/api/search?q=Budel&type=railLink")
            let urls = (json["results"]?.array ?? []).compactMap { $0["url"]?.string }
            #expect(urls.contains("/rail-links/hamont-weert") && urls.contains("/rail-links/mol-weert"), "\(urls)")
            let byAlias = try await client.json("/api/search?q=Drielandentrein&type=railLink")
            let found = (byAlias["results"]?.array ?? []).compactMap { $0["url"]?.string }
            #expect(found.contains("/rail-links/liege-maastricht") && found.contains("/rail-links/maastricht-aachen"), "\(found)")
        }
    }
}
