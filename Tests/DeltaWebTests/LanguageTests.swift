import DeltaReports
import DeltaTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The language of a page: chosen by `?lang=`, remembered in a cookie, else Accept-Language,
/// else Dutch; `<html lang>` follows; the register's own texts stay marked as Dutch.
@Suite("Three languages")
struct LanguageTests {
    static func htmlLang(_ html: String) -> String? { html.captures(#"<html lang="([a-z]+)""#).first }

    @Test("without a preference a page is Dutch; ?lang=fr makes it French and remembers it in a cookie")
    func queryAndCookie() async throws {
        try await withDemoApp { client in
            let plain = try await client.get("/dossiers")
            #expect(Self.htmlLang(plain.text) == "nl")
            #expect(plain.headers[.setCookie] == nil, "no cookie without a choice")

            let french = try await client.get("/dossiers?lang=fr")
            #expect(Self.htmlLang(french.text) == "fr")
            let cookie = try #require(french.headers[.setCookie], "the choice is remembered")
            #expect(cookie.hasPrefix("deltaberaad_lang=fr"))
            #expect(cookie.contains("HttpOnly"))

            var headers = HTTPFields()
            headers[.cookie] = "deltaberaad_lang=fr"
            let remembered = try await client.execute(uri: "/planning", method: .get, headers: headers)
            #expect(Self.htmlLang(remembered.text) == "fr", "the cookie carries the choice to the next page")
            #expect(remembered.headers[.vary]?.contains("Accept-Language") == true)
        }
    }

    @Test("Accept-Language chooses among nl, fr and en by quality; unknown languages fall back to Dutch")
    func acceptLanguage() async throws {
        try await withDemoApp { client in
            for (header, expected) in [("fr-BE,fr;q=0.9,en;q=0.8", "fr"), ("de-DE,en;q=0.5", "en"), ("de, es", "nl"), ("nl;q=0.2, en;q=0.9", "en")] {
                var headers = HTTPFields()
                headers[.acceptLanguage] = header
                let response = try await client.execute(uri: "/", method: .get, headers: headers)
                #expect(Self.htmlLang(response.text) == expected, "Accept-Language: \(header)")
            }
        }
    }

    @Test("fixed texts, value labels and dates are in the page's language; record titles keep theirs and are marked lang=nl")
    func textsFollowTheLanguage() async throws {
        try await withDemoApp { client in
            let nl = try await client.get("/investments?lang=nl").text
            let fr = try await client.get("/investments?lang=fr").text
            let en = try await client.get("/investments?lang=en").text
            let labels = (nl: TestCatalogues.labels(.nl), fr: TestCatalogues.labels(.fr), en: TestCatalogues.labels(.en))
            #expect(nl.contains(labels.nl.text("app.investments.countingRule").htmlEscaped))
            #expect(fr.contains(labels.fr.text("app.investments.countingRule").htmlEscaped))
            #expect(en.contains(labels.en.text("app.investments.countingRule").htmlEscaped))
            #expect(fr.contains(labels.fr.text("country.NL")), "country names are labels: Pays-Bas")
            #expect(en.contains(labels.en.text("country.NL")))

            let dossierFR = try await client.get("/dossiers/3rx?lang=fr").text
            #expect(dossierFR.contains("lang=\"nl\""), "the register's own texts are marked as Dutch in a French page")
            #expect(!dossierFR.contains(">\(TestCatalogues.labels(.nl).text("health.on-track"))<"))
        }
    }

    @Test("every page links itself in the three languages, keeping its query")
    func switcher() async throws {
        try await withDemoApp { client in
            let html = try await client.get("/dossiers?theme=freight&lang=en").text
            #expect(html.contains(#"href="/dossiers?theme=freight&amp;lang=fr""#))
            #expect(html.contains(#"href="/dossiers?theme=freight&amp;lang=nl""#))
            #expect(html.contains(">Français<"))
        }
    }

    @Test("problem documents and error pages speak the reader's language")
    func problemsAndErrors() async throws {
        try await withDemoApp { client in
            var headers = HTTPFields()
            headers[.acceptLanguage] = "fr"
            let problem = try await client.execute(uri: "/api/dossiers/bestaat-niet", method: .get, headers: headers)
            #expect(problem.status == .notFound)
            let body = try problem.json()
            #expect(body["title"]?.string == TestCatalogues.labels(.fr).text("error.status.404"))
            #expect(body["detail"]?.string?.contains("bestaat-niet") == true)

            let page = try await client.get("/dossiers/bestaat-niet?lang=en")
            #expect(page.status == .notFound)
            #expect(Self.htmlLang(page.text) == "en")
            #expect(page.text.contains(TestCatalogues.labels(.en).text("error.notFound.title")))
        }
    }

    @Test("the progress report follows ?lang= like every page, and refuses a language it cannot write")
    func report() async throws {
        try await withDemoApp { client in
            let fr = try await client.get("/bodies/politiek-overleg/report?year=2026&lang=fr")
            #expect(fr.status == .ok)
            #expect(fr.text.contains("<html lang=\"fr\">"))
            #expect(fr.text.contains(TestCatalogues.labels(.fr).text("report.reportTitle")))
            let refused = try await client.get("/bodies/politiek-overleg/report?year=2026&lang=de")
            #expect(refused.status == .badRequest)
        }
    }
}
