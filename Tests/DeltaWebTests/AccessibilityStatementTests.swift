import DeltaDomain
import DeltaReports
import DeltaTestSupport
import Foundation
import Testing

/// The accessibility statement, `/accessibility`: the Dutch government's model statement in each
/// language, linked from every page's footer. What it claims is proven by the browser tests
/// (Tests/browser/test_accessibility.py; docs/ACCESSIBILITY.md).
@Suite("Accessibility statement")
struct AccessibilityStatementTests {
    @Test("the statement renders in Dutch, French and English with the model's sections", arguments: [Language.nl, .fr, .en])
    func statement(language: Language) async throws {
        let labels = TestCatalogues.labels(language)
        let html = try await withDemoApp { client in try await client.page("/accessibility?lang=\(language.rawValue)") }
        let document = try HTMLDocument(parsing: html)
        #expect(try document.requireElement("html").attribute("lang") == language.rawValue)
        #expect(try document.requireElement("h1").text == labels.text("accessibility.title"))
        // The model's parts: about (organisation, website, status, date), how it was checked,
        // known limitations, feedback and contact, enforcement procedure.
        for (section, heading) in [("h-about", "aboutHeading"), ("h-checked", "checkedHeading"), ("h-limits", "limitsHeading"),
                                   ("h-feedback", "feedbackHeading"), ("h-enforcement", "enforcementHeading")] {
            let element = try #require(document.element(id: section), "no #\(section)")
            #expect(element.text == labels.text("accessibility.\(heading)"))
        }
        let facts = try document.requireElement("dl.facts").text
        #expect(facts.contains(labels.text("accessibility.status")), "the compliance status")
        let date = labels.date(CalendarDate(year: 2026, month: 11, day: 29)!)
        #expect(facts.contains(date), "the date as \(language) writes it: \(date)")
        let checked = try document.requireSection("h-checked").text
        #expect(checked.contains("axe-core 4.10.2"))
        #expect(checked.contains(labels.text("accessibility.keyboard")))
    }

    @Test("every page's footer links to the statement, in the page's language")
    func footerLink() async throws {
        for (uri, language) in [("/", Language.nl), ("/dossiers/3rx?lang=fr", .fr), ("/login?lang=en", .en)] {
            let html = try await withDemoApp { client in try await client.page(uri) }
            let document = try HTMLDocument(parsing: html)
            let link = try document.requireElement("footer a[href=\"/accessibility\"]")
            #expect(link.text == TestCatalogues.labels(language).text("layout.accessibility"), "\(uri)")
        }
    }
}
