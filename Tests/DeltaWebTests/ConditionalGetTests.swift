import DeltaWeb
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// `ETag` and `If-None-Match` on what the site serves, and the `Cache-Control` that fits the reader.
@Suite("Conditional requests and caching")
struct ConditionalGetTests {
    static let uris = ["/", "/api/overview", "/dossiers/3rx", "/api/dossiers", "/investments.csv", "/investments/chart.svg",
                       "/openapi.yaml", "/bodies/werkgroep-be-nl/report.md"]

    @Test("a repeated request naming the tag answers 304 without a body; public answers may be kept but are revalidated", arguments: uris)
    func notModified(uri: String) async throws {
        try await withDemoApp { client in
            let first = try await client.get(uri)
            #expect(first.status == .ok)
            let tag = try #require(first.headers[.eTag], "\(uri) has no ETag")
            #expect(first.headers[.cacheControl] == "public, no-cache")
            var conditional = HTTPFields()
            conditional[.ifNoneMatch] = tag
            let second = try await client.execute(uri: uri, method: .get, headers: conditional, body: nil)
            #expect(second.status == .notModified)
            #expect(second.body.readableBytes == 0)
            #expect(second.headers[.eTag] == tag)
            #expect(second.headers[.cacheControl] == "public, no-cache")
            // A list of tags, a weak form of the same tag, and `*` match too; another tag does not.
            for header in ["\"other\", \(tag)", "W/\(tag)", "*"] {
                var headers = HTTPFields()
                headers[.ifNoneMatch] = header
                #expect(try await client.execute(uri: uri, method: .get, headers: headers, body: nil).status == .notModified, "\(header)")
            }
            var stale = HTTPFields()
            stale[.ifNoneMatch] = "\"0123456789abcdef\""
            let changed = try await client.execute(uri: uri, method: .get, headers: stale, body: nil)
            #expect(changed.status == .ok)
            #expect(changed.body.readableBytes > 0)
        }
    }

    @Test("the tag follows the content: another language is another tag")
    func tagPerLanguage() async throws {
        try await withDemoApp { client in
            let dutch = try await client.get("/dossiers/3rx?lang=nl")
            let french = try await client.get("/dossiers/3rx?lang=fr")
            #expect(dutch.headers[.eTag] != nil)
            #expect(dutch.headers[.eTag] != french.headers[.eTag])
            #expect(dutch.headers[values: .vary].joined(separator: ",").contains("Accept-Language"))
            var headers = HTTPFields()
            headers[.ifNoneMatch] = dutch.headers[.eTag] ?? ""
            #expect(try await client.execute(uri: "/dossiers/3rx?lang=fr", method: .get, headers: headers, body: nil).status == .ok)
        }
    }

    @Test("errors carry no tag and are never answered with 304")
    func errorsUntagged() async throws {
        try await withDemoApp { client in
            let missing = try await client.get("/dossiers/no-such-dossier")
            #expect(missing.status == .notFound)
            #expect(missing.headers[.eTag] == nil)
            var headers = HTTPFields()
            headers[.ifNoneMatch] = "*"
            #expect(try await client.execute(uri: "/dossiers/no-such-dossier", method: .get, headers: headers, body: nil).status == .notFound)
        }
    }

    @Test("a signed-in reader's answers are private and never stored, 304 or not")
    func signedInPrivate() async throws {
        try await withAccountsApp { client, _ in
            let browser = Browser(client)
            try await browser.signIn("rita")
            let page = try await browser.get("/dossiers/3rx")
            #expect(page.status == .ok)
            #expect(page.headers[.cacheControl] == "private, no-store")
            var headers = HTTPFields()
            headers[.ifNoneMatch] = page.headers[.eTag] ?? ""
            let again = try await browser.get("/dossiers/3rx", headers: headers)
            #expect(again.status == .notModified)
            #expect(again.headers[.cacheControl] == "private, no-store")
        }
    }
}
