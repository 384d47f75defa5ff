import DeltaStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Every answer says nosniff and a referrer policy; answers to signed-in requests are never
/// stored by a cache.
@Suite("Security headers on every answer")
struct SecurityHeadersTests {
    @Test("nosniff and Referrer-Policy on pages, API, static files, /_ping, /openapi.yaml and error pages", arguments: [
        "/", "/api/overview", "/static/site.css", "/_ping", "/openapi.yaml", "/nope", "/api/dossiers/nope", "/investments.csv",
    ])
    func everyAnswer(path: String) async throws {
        try await withDemoApp { client in
            let response = try await client.get(path)
            #expect(response.headers[.xContentTypeOptions] == "nosniff", "\(path)")
            #expect(response.headers[HTTPField.Name("Referrer-Policy")!] == "same-origin", "\(path)")
            // An anonymous answer is public: kept, but revalidated (errors are not marked at all).
            let expected: String? = response.status == .ok ? "public, no-cache" : nil
            #expect(response.headers[.cacheControl] == expected, "\(path)")
        }
    }

    @Test("answers to a signed-in request are private and not stored")
    func signedIn() async throws {
        try await withAccountsApp { client, _ in
            let browser = Browser(client)
            try await browser.signIn("rita")
            for path in ["/", "/dossiers/3rx", "/account", "/api/me"] {
                let response = try await browser.get(path)
                #expect(response.headers[.cacheControl] == "private, no-store", "\(path)")
            }
        }
    }
}
