import DeltaReports
import DeltaTestSupport
import DeltaWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The Atom feeds of changes, read back with Python's feedparser, as a feed reader would.
@Suite("Atom feeds of changes")
struct FeedTests {
    /// Parses a feed with feedparser; prints the facts the tests check as JSON.
    static func parse(_ xml: String) async throws -> JSONValue {
        let file = try ExternalTools.temporaryFile(named: "feed.atom", contents: xml)
        let script = """
        import feedparser, json, sys
        d = feedparser.parse(sys.argv[1])
        print(json.dumps({"bozo": int(d.bozo), "problem": str(d.get("bozo_exception", "")), "version": d.version,
            "title": d.feed.get("title"), "language": d.feed.get("language"),
            "links": [l.get("href") for l in d.feed.get("links", [])],
            "entries": [{"id": e.get("id"), "title": e.get("title"), "link": e.get("link"), "summary": e.get("summary"),
                         "updated": e.get("updated"), "author": e.get("author"),
                         "terms": [t.get("term") for t in e.get("tags", [])]} for e in d.entries]}))
        """
        let output = try await ExternalTools.run("/usr/bin/env", ["python3", "-c", script, file.path])
        return try JSONDecoder().decode(JSONValue.self, from: Data(output.utf8))
    }

    static func strings(_ value: JSONValue?, _ key: String) -> [String] {
        (value?.array ?? []).compactMap { $0[key]?.string }
    }

    @Test("the public feed is valid Atom to feedparser: entries with unique ids, titles, links and summaries")
    func publicFeed() async throws {
        try await withDemoApp { client in
            let response = try await client.get("/feed.atom")
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/atom+xml; charset=utf-8")
            let feed = try await Self.parse(response.text)
            #expect(feed["bozo"]?.int == 0, "\(feed["problem"]?.string ?? "")")
            #expect(feed["version"]?.string == "atom10")
            #expect(feed["language"]?.string == "nl")
            let entries = feed["entries"]?.array ?? []
            #expect(entries.count == 50, "the demo's import fills the feed up to its maximum")
            let ids = Self.strings(feed["entries"], "id")
            #expect(Set(ids).count == entries.count)
            let links = Self.strings(feed["entries"], "link")
            #expect(links.count == entries.count)
            // Only the kinds the public feed tells about, and no author (no official is named).
            let terms = Set(entries.flatMap { entry in (entry["terms"]?.array ?? []).compactMap(\.string) })
            #expect(terms.isSubset(of: ["dossier", "document", "agreement", "milestone", "meeting"]), "\(terms)")
            let authors = Self.strings(feed["entries"], "author")
            #expect(authors.isEmpty)
            let french = try await Self.parse(try await client.get("/feed.atom?lang=fr").text)
            #expect(french["language"]?.string == "fr")
            #expect(french["title"]?.string != feed["title"]?.string)
        }
    }

    @Test("a change to an internal record never reaches the public feed; the reader's own feed has it, with a status change and its author")
    func visibility() async throws {
        try await withAccountsApp { client, _ in
            let root = Browser(client)
            try await root.signIn("root")
            let hidden = #"{"id":"feed-intern","fields":{"dossierIDs":"3rx","title":"ZZFEEDINTERN mijlpaal","due":"eind 2027","status":"planned","visibility":"internal"}}"#
            #expect(try await root.send(.post, "/api/milestones", json: hidden).status == .created)
            let open = #"{"id":"feed-publiek","fields":{"dossierIDs":"3rx","title":"Publieke feedmijlpaal","due":"eind 2027","status":"planned","visibility":"public"}}"#
            #expect(try await root.send(.post, "/api/milestones", json: open).status == .created)
            let achieved = open.replacingOccurrences(of: "\"planned\"", with: "\"achieved\",\"achievedOn\":\"2026-11-20\"")
                .replacingOccurrences(of: "\"id\":\"feed-publiek\",", with: "")
            #expect(try await root.send(.put, "/api/milestones/feed-publiek/record", json: achieved, ifMatch: "\"1\"").status == .ok)

            let publicText = try await client.get("/feed.atom").text
            #expect(!publicText.contains("ZZFEEDINTERN"))
            #expect(!publicText.contains("feed-intern"))
            let publicFeed = try await Self.parse(publicText)
            let titles = Self.strings(publicFeed["entries"], "title")
            #expect(titles.first?.hasSuffix("Publieke feedmijlpaal") == true, "the newest change comes first: \(titles.prefix(3))")
            let summaries = Self.strings(publicFeed["entries"], "summary")
            #expect(summaries.first?.contains("Gerealiseerd") == true || summaries.first?.contains("Status") == true, "\(summaries.prefix(2))")
            let links = Self.strings(publicFeed["entries"], "link")
            #expect(links.first?.hasSuffix("/dossiers/3rx#feed-publiek") == true, "\(links.first ?? "")")

            // Rita (a reader) makes a feed on /account, and her feed shows the internal change with its author.
            let rita = Browser(client)
            try await rita.signIn("rita")
            let page = try await rita.post("/account/feed", [:])
            #expect(page.status == .created)
            let address = try #require(page.text.captures(#"id="new-changes-feed">([^<]+)<"#).first)
            let path = address.hasPrefix("http") ? String(address[address.range(of: "/feeds/")!.lowerBound...]) : address
            let personal = try await client.get(path)
            #expect(personal.status == .ok)
            #expect(personal.headers[.cacheControl] == "private, no-store")
            let personalFeed = try await Self.parse(personal.text)
            #expect(personalFeed["bozo"]?.int == 0)
            let personalTitles = Self.strings(personalFeed["entries"], "title")
            #expect(personalTitles.contains { $0.hasSuffix("ZZFEEDINTERN mijlpaal") })
            let personalAuthors = Self.strings(personalFeed["entries"], "author")
            #expect(personalAuthors.contains("root"))
            // A wrong or revoked secret finds nothing.
            #expect(try await client.get("/feeds/not-a-secret/changes.atom").status == .notFound)
            _ = try await rita.post("/account/feed/revoke", [:])
            #expect(try await client.get(path).status == .notFound)
        }
    }

    @Test("a changed record's fields are named as its edit form labels them, in the reader's language")
    func fieldNames() async throws {
        try await withAccountsApp { client, _ in
            let root = Browser(client)
            try await root.signIn("root")
            let saved = try await root.editRecord("dossiers", "mol-weert", ["title": "Mol–Weert, nieuwe titel", "railLinkIDs": "mol-weert, hamont-weert"])
            #expect(saved.status == .ok)
            let english = try await client.get("/feed.atom?lang=en").text
            #expect(english.contains("Changed: Rail links, Title."), "\(english.prefix(3000))")
            #expect(!english.contains("Changed: railLinkIDs"))
            let dutch = try await client.get("/feed.atom?lang=nl").text
            #expect(dutch.contains("Spoorverbindingen"))
        }
    }

    @Test("texts are escaped and control characters dropped, so the XML stays well-formed")
    func escaping() async throws {
        let entry = AtomFeed.Entry(id: "urn:uuid:00000000-0000-5000-8000-000000000000", title: "A <b>&</b> \"quote\" \u{0001}end",
                                   updated: "2026-11-23T10:00:00Z", link: "http://localhost/x?a=1&b=2", summary: "<script>x</script>",
                                   author: nil, category: "dossier")
        let feed = AtomFeed(id: "urn:deltaberaad:changes:test", title: "T", updated: "2026-11-23T10:00:00Z", selfLink: "http://localhost/feed.atom",
                            alternateLink: "http://localhost/", author: "Deltaberaad", language: "nl", entries: [entry])
        let parsed = try await Self.parse(feed.xml())
        #expect(parsed["bozo"]?.int == 0, "\(parsed["problem"]?.string ?? "")")
        #expect(Self.strings(parsed["entries"], "title") == ["A <b>&</b> \"quote\" end"])
        #expect(Self.strings(parsed["entries"], "link") == ["http://localhost/x?a=1&b=2"])
        #expect(Self.strings(parsed["entries"], "summary") == ["<script>x</script>"])
    }
}
