import DeltaDomain
import DeltaStore
import DeltaWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Anonymous pages are kept per register version: the second request is served from memory, and
/// any change of the register is seen at once.
@Suite("Public page cache")
struct PublicPageCacheTests {
    /// The cache's hit and miss counts from `/metrics`.
    static func lookups(_ client: any TestClientProtocol) async throws -> (hits: Int, misses: Int) {
        let text = try await client.get("/metrics").text
        func value(_ result: String) -> Int {
            let line = text.split(separator: "\n").first { $0.hasPrefix("deltaberaad_public_cache_lookups_total{result=\"\(result)\"}") }
            return line.flatMap { Int($0.split(separator: " ").last ?? "") } ?? 0
        }
        return (value("hit"), value("miss"))
    }

    @Test("a second anonymous request is a hit with the same bytes; an edit is seen at once; signed-in pages are never kept")
    func keptAndInvalidated() async throws {
        try await withAccountsApp { client, _ in
            let first = try await client.get("/dossiers/mol-weert")
            let before = try await Self.lookups(client)
            let second = try await client.get("/dossiers/mol-weert")
            let after = try await Self.lookups(client)
            #expect(after.hits == before.hits + 1, "the second request is served from the cache")
            #expect(second.text == first.text && second.headers[.eTag] == first.headers[.eTag])
            // Another language is another answer.
            let french = try await client.get("/dossiers/mol-weert?lang=fr")
            #expect(french.text != first.text)
            // The admin renames the dossier: the next anonymous request shows the new title.
            let root = Browser(client)
            try await root.signIn("root")
            #expect(try await root.editRecord("dossiers", "mol-weert", ["title": "Mol–Weert, hernoemd ZZCACHE"]).status == .ok)
            let third = try await client.get("/dossiers/mol-weert")
            #expect(third.text.contains("ZZCACHE"), "a change is seen by the next anonymous request")
            // Signed in: never from the cache (the page names the viewer and carries a CSRF token).
            let beforeSignedIn = try await Self.lookups(client)
            _ = try await root.get("/dossiers/mol-weert")
            _ = try await root.get("/dossiers/mol-weert")
            let afterSignedIn = try await Self.lookups(client)
            #expect(afterSignedIn.hits == beforeSignedIn.hits && afterSignedIn.misses == beforeSignedIn.misses)
            // The sign-in form sets a cookie: it is built every time.
            let login1 = try await client.get("/login"), login2 = try await client.get("/login")
            #expect(login1.headers[.setCookie] != nil && login2.headers[.setCookie] != nil)
        }
    }

    @Test("a kept page costs one statement (the register's version), whatever the page")
    func oneStatementPerHit() async throws {
        let counting = CountingEngine(base: try await demoDatabase.value)
        let router = try await buildRouter(engine: counting, configuration: testConfiguration())
        try await Application(router: router).test(.router) { client in
            for path in ["/", "/dossiers/3rx", "/network", "/api/dossiers", "/portal"] {
                _ = try await client.get(path)
                counting.log.reset()
                let again = try await client.get(path)
                #expect(again.status == .ok)
                #expect(counting.log.count == 1, "\(path): \(counting.log.all)")
            }
        }
    }

    @Test("at most maximumEntries answers are kept, the oldest go first, and answers of an older version are dropped")
    func bounded() {
        let cache = PublicPageCache()
        let entry = PublicPageCache.Entry(status: .ok, headers: [:], body: ByteBuffer(string: "x"), route: nil)
        for index in 0..<(PublicPageCache.maximumEntries + 10) {
            cache.keep(entry, for: .init(uri: "/p\(index)", language: "nl", day: "2026-11-29", version: 1))
        }
        #expect(cache.count == PublicPageCache.maximumEntries)
        #expect(cache.entry(.init(uri: "/p0", language: "nl", day: "2026-11-29", version: 1)) == nil, "the oldest went first")
        #expect(cache.entry(.init(uri: "/p\(PublicPageCache.maximumEntries + 9)", language: "nl", day: "2026-11-29", version: 1)) != nil)
        cache.keep(entry, for: .init(uri: "/p0", language: "nl", day: "2026-11-29", version: 2))
        #expect(cache.count == 1, "a newer version drops every answer of the older ones")
    }
}
