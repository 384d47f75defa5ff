import DeltaDomain
import DeltaStore
import DeltaWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Pages are kept per register version, for everyone (anonymous) or for one session or token
/// (signed in): the second request is served from memory, and any change is seen at once.
@Suite("Page cache")
struct PageCacheTests {
    /// A cache's hit and miss counts from `/metrics`: `public_cache` or `signed_in_cache`.
    static func lookups(_ client: any TestClientProtocol, _ cache: String = "public_cache") async throws -> (hits: Int, misses: Int) {
        let text = try await client.get("/metrics").text
        func value(_ result: String) -> Int {
            let line = text.split(separator: "\n").first { $0.hasPrefix("deltaberaad_\(cache)_lookups_total{result=\"\(result)\"}") }
            return line.flatMap { Int($0.split(separator: " ").last ?? "") } ?? 0
        }
        return (value("hit"), value("miss"))
    }

    @Test("a second anonymous request is a hit with the same bytes; an edit is seen at once; signed-in pages are not kept for everyone")
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
            // Signed in: never from the anonymous cache (the page names the viewer and carries a CSRF token).
            let beforeSignedIn = try await Self.lookups(client)
            _ = try await root.get("/dossiers/mol-weert")
            _ = try await root.get("/dossiers/mol-weert")
            let afterSignedIn = try await Self.lookups(client)
            #expect(afterSignedIn.hits == beforeSignedIn.hits && afterSignedIn.misses == beforeSignedIn.misses)
            // A cookie that proves nothing is not kept for everyone either.
            let stale = Browser(client)
            stale.setCookie("deltaberaad_session", "not-a-session")
            _ = try await stale.get("/dossiers/mol-weert")
            _ = try await stale.get("/dossiers/mol-weert")
            let afterStale = try await Self.lookups(client)
            #expect(afterStale.hits == afterSignedIn.hits && afterStale.misses == afterSignedIn.misses)
            // The scheme (and host) asked for is part of the key: the feed writes absolute links with
            // it, and one request with a forged header must not set them for everyone.
            let https = try await client.execute(uri: "/feed.atom", method: .get, headers: [HTTPField.Name("X-Forwarded-Proto")!: "https"]).text
            let plain = try await client.get("/feed.atom").text
            #expect(https.contains("https://localhost/") && !plain.contains("https://localhost/"))
            // The sign-in form sets a cookie: it is built every time.
            let login1 = try await client.get("/login"), login2 = try await client.get("/login")
            #expect(login1.headers[.setCookie] != nil && login2.headers[.setCookie] != nil)
        }
    }

    @Test("a signed-in page is kept for its session only; an edit, a changed account and an ended session are seen at once")
    func signedInKept() async throws {
        try await withAccountsApp { client, engine in
            let anna = Browser(client)
            try await anna.signIn("anna")
            let first = try await anna.get("/dossiers/mol-weert")
            #expect(first.text.contains("Anna Redacteur") && first.text.contains("/dossiers/mol-weert/edit"))
            let before = try await Self.lookups(client, "signed_in_cache")
            let second = try await anna.get("/dossiers/mol-weert")
            let after = try await Self.lookups(client, "signed_in_cache")
            #expect(after.hits == before.hits + 1, "the second request of the session is served from the cache")
            #expect(second.text == first.text && second.headers[.cacheControl] == "private, no-store")
            // Another reader gets their own page, never Anna's.
            let rita = Browser(client)
            try await rita.signIn("rita")
            let ritas = try await rita.get("/dossiers/mol-weert")
            #expect(ritas.text.contains("Rita Lezer") && !ritas.text.contains("Anna Redacteur"))
            // Anna's second session carries its own CSRF token.
            let annaAgain = Browser(client)
            try await annaAgain.signIn("anna")
            let token = { (text: String) in text.firstRange(of: /name="_csrf" value="([^"]+)"/).map { String(text[$0]) } }
            let otherSession = try await annaAgain.get("/dossiers/mol-weert")
            #expect(token(otherSession.text) != nil && token(otherSession.text) != token(first.text))
            // A change of the register is seen at once.
            let root = Browser(client)
            try await root.signIn("root")
            #expect(try await root.editRecord("dossiers", "mol-weert", ["title": "Mol–Weert, ZZSIGNEDIN"]).status == .ok)
            #expect(try await anna.get("/dossiers/mol-weert").text.contains("ZZSIGNEDIN"))
            // An admin takes Anna's editing rights away (an account change, not a register change):
            // her next page no longer offers editing.
            var account = try #require(try await engine.read { db in try await AccountStore(db: db).account(id: "anna") })
            account.role = .reader
            let reader = account
            try await engine.transaction { db in try await AccountStore(db: db).update(reader) }
            #expect(!(try await anna.get("/dossiers/mol-weert").text.contains("/dossiers/mol-weert/edit")))
            // Her sessions end: the same cookie now gets the anonymous page.
            try await engine.transaction { db in try await AccountStore(db: db).endSessions(accountID: "anna") }
            #expect(!(try await anna.get("/dossiers/mol-weert").text.contains("Anna Redacteur")))
            // Account pages are never kept.
            let accountBefore = try await Self.lookups(client, "signed_in_cache")
            _ = try await rita.get("/account")
            _ = try await rita.get("/account")
            let accountAfter = try await Self.lookups(client, "signed_in_cache")
            #expect(accountAfter.hits == accountBefore.hits && accountAfter.misses == accountBefore.misses)
            // An address that only begins like one of them is kept: /api/meetings is not /api/me.
            let meeting = "/api/meetings/politiek-overleg-zomer-2026"
            #expect(try await rita.get(meeting).status == .ok)
            let meetingBefore = try await Self.lookups(client, "signed_in_cache")
            _ = try await rita.get(meeting)
            #expect(try await Self.lookups(client, "signed_in_cache").hits == meetingBefore.hits + 1)
        }
    }

    @Test("many asking at once for a page not kept get the same page, built once or shared")
    func askedAtOnce() async throws {
        try await withAccountsApp { client, _ in
            let before = try await Self.lookups(client)
            let pages = try await withThrowingTaskGroup(of: String.self) { group in
                for _ in 0..<12 { group.addTask { try await client.get("/dossiers/3rx").text } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(pages.count == 12 && Set(pages).count == 1 && pages[0].contains("3RX"))
            let after = try await Self.lookups(client)
            let text = try await client.get("/metrics").text
            let joined = text.split(separator: "\n").first { $0.hasPrefix("deltaberaad_public_cache_lookups_total{result=\"joined\"}") }
                .flatMap { Int($0.split(separator: " ").last ?? "") } ?? 0
            // Each request was a hit, the one build, or joined it; more than one build only if
            // some arrived after the first had been kept and that was a hit.
            #expect(after.misses - before.misses >= 1)
            #expect((after.hits - before.hits) + (after.misses - before.misses) + joined == 12)
        }
    }

    @Test("a kept page costs one statement (the register's version), whatever the page")
    func oneStatementPerHit() async throws {
        let counting = CountingEngine(base: try await demoDatabase.value)
        let router = try await buildTestRouter(engine: counting, configuration: testConfiguration())
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
        let cache = PageCache(maximumBytes: 64 << 20)
        let entry = PageCache.Entry(status: .ok, headers: [:], body: ByteBuffer(string: "x"), route: nil)
        for index in 0..<(PageCache.maximumEntries + 10) {
            cache.keep(entry, for: .init(uri: "/p\(index)", language: "nl", day: "2026-11-29", version: 1))
        }
        #expect(cache.count == PageCache.maximumEntries)
        #expect(cache.entry(.init(uri: "/p0", language: "nl", day: "2026-11-29", version: 1)) == nil, "the oldest went first")
        #expect(cache.entry(.init(uri: "/p\(PageCache.maximumEntries + 9)", language: "nl", day: "2026-11-29", version: 1)) != nil)
        cache.keep(entry, for: .init(uri: "/p0", language: "nl", day: "2026-11-29", version: 2))
        #expect(cache.count == 1, "a newer version drops every answer of the older ones")
        // And at most maximumBytes together.
        let small = PageCache(maximumBytes: 10)
        let four = PageCache.Entry(status: .ok, headers: [:], body: ByteBuffer(string: "abcd"), route: nil)
        for index in 0..<3 { small.keep(four, for: .init(uri: "/b\(index)", language: "nl", day: "2026-11-29", version: 1)) }
        #expect(small.count == 2)
        #expect(small.entry(.init(uri: "/b0", language: "nl", day: "2026-11-29", version: 1)) == nil, "the oldest went first")
    }

    @Test("the caches take a sixteenth of the memory budget each, and 64 and 32 MiB without one")
    func sizedFromBudget() {
        var configuration = AppConfiguration()
        configuration.memoryBudget = 200 << 20
        #expect(configuration.pageCacheBytes.anonymous == 12_800 << 10)
        #expect(configuration.pageCacheBytes.signedIn == 12_800 << 10)
        configuration.memoryBudget = nil
        #expect(configuration.pageCacheBytes.anonymous == 64 << 20)
        #expect(configuration.pageCacheBytes.signedIn == 32 << 20)
    }
}
