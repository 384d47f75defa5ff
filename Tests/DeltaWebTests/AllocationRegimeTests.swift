import DeltaDomain
import DeltaReports
import DeltaServices
import DeltaStore
import DeltaTestSupport
@testable import DeltaWeb
import Foundation
import HTTPTypes
import HummingbirdTesting
import Mustache
import Testing

/// The allocation regimes: their editor form, the partial the investments page includes, and
/// the one-statement read behind it.
@Suite("Allocation regimes")
struct AllocationRegimeTests {
    static let english = TestCatalogues.labels(.en)

    static func build(_ values: [String: String], paragraphs: [Paragraph] = []) -> (AllocationRegime?, [String: String]) {
        var choices = FormChoices()
        choices.documents = [Choice(value: "doc", label: "Document")]
        choices.paragraphs = paragraphs
        var reader = FieldReader(values, labels: english)
        let built = AllocationRegimeForm.build(&reader, id: "r", existing: nil, choices: choices)
        return (built, reader.errors)
    }

    static let valid = ["title": "Mobiliteitsfonds", "country": "NL", "fundingSources": "nl-mobiliteitsfonds, eu-cef",
                        "explanation": "Uitleg.", "visibility": "public"]

    // MARK: The form

    @Test("the form builds a regime from valid input; an empty explanation stays nil")
    func validInput() {
        let (regime, errors) = Self.build(Self.valid)
        #expect(errors.isEmpty)
        #expect(regime?.fundingSources == [.nlMobiliteitsfonds, .euCEF])
        #expect(regime?.explanation == "Uitleg.")
        var empty = Self.valid
        empty["explanation"] = "  "
        #expect(Self.build(empty).0?.explanation == nil)
    }

    @Test("the form refuses an explanation over 4000 characters, an unknown funding source and a long title, each at its field")
    func invalidInput() {
        var values = Self.valid
        values["explanation"] = String(repeating: "a", count: AllocationRegimeForm.explanationLimit + 1)
        values["fundingSources"] = "nl-mobiliteitsfonds, nl-mirt"
        values["title"] = String(repeating: "t", count: 301)
        let (regime, errors) = Self.build(values)
        #expect(regime == nil)
        #expect(errors["explanation"]?.contains("4,000") == true, "\(errors)")
        #expect(errors["fundingSources"]?.contains("nl-mirt") == true, "\(errors)")
        #expect(errors["title"] != nil)
        var exactly = Self.valid
        exactly["explanation"] = String(repeating: "a", count: AllocationRegimeForm.explanationLimit)
        #expect(Self.build(exactly).1.isEmpty)
    }

    @Test("a source needs both a document and a quote that is in it")
    func sourcePassage() {
        let paragraphs = [Paragraph(anchor: "p1", kind: .paragraph, text: "De regels verschillen in beide landen.")]
        var values = Self.valid
        values["documentID"] = "doc"
        values["quote"] = "regels verschillen"
        let (regime, errors) = Self.build(values, paragraphs: paragraphs)
        #expect(errors.isEmpty)
        #expect(regime?.source?.anchor == "p1")
        values["quote"] = "staat er niet"
        #expect(Self.build(values, paragraphs: paragraphs).1["quote"] != nil)
        values["documentID"] = ""
        values["quote"] = "regels verschillen"
        #expect(Self.build(values, paragraphs: paragraphs).1["documentID"] != nil)
        values["documentID"] = "doc"
        values["quote"] = ""
        #expect(Self.build(values, paragraphs: paragraphs).1["quote"] != nil)
    }

    // MARK: The partial

    static func render(_ regimes: [AllocationRegimeView], mayEdit: Bool) async throws -> String {
        let renderer = try await Renderer(resources: PackageFiles.resources)
        struct Values: Encodable { let regimes: [AllocationRegimeView]; let viewer: [String: Bool] }
        var values = try TemplateValues.tree(Values(regimes: regimes, viewer: ["mayEdit": mayEdit])) as? [String: Any] ?? [:]
        values["t"] = renderer.catalogues[.en].tree.value
        return try #require(renderer.library.render(values, withTemplate: "allocation-regimes"))
    }

    @Test("the partial escapes the regime's texts, says when there is no explanation yet and links editing only for editors")
    func partialEscapes() async throws {
        let hostile = AllocationRegime(id: "nl", country: .NL, fundingSources: [.nlMobiliteitsfonds], title: "Fonds \(Hostile.both)",
                                       explanation: "Uitleg \(Hostile.both)",
                                       source: PassageReference(documentID: "doc", anchor: "p2", start: 0, length: 5, quote: "Quote \(Hostile.script)"))
        let empty = AllocationRegime(id: "eu", country: .EU, fundingSources: [.euCEF], title: "CEF")
        let views = [AllocationRegimeView(hostile, sourceTitle: "Titel \(Hostile.script)", labels: Self.english),
                     AllocationRegimeView(empty, sourceTitle: nil, labels: Self.english)]
        let html = try await Self.render(views, mayEdit: true)
        #expect(!html.contains(Hostile.script), "\(html)")
        #expect(!html.contains(Hostile.attribute), "\(html)")
        #expect(html.contains(Hostile.escapedScript))
        #expect(html.contains(Hostile.escapedAttribute))
        #expect(html.contains(#"<section aria-labelledby="h-regimes""#))
        #expect(html.contains(#"<article id="regime-nl""#) && html.contains(#"<article id="regime-eu""#))
        #expect(html.contains(Self.english.fundingSource(.nlMobiliteitsfonds)))
        #expect(html.contains(#"href="/documents/doc#p2""#))
        #expect(html.occurrences(of: "No explanation yet.") == 1, "\(html)")
        #expect(html.contains(#"href="/allocation-regimes/nl/edit""#))
        let reader = try await Self.render(views, mayEdit: false)
        #expect(!reader.contains("/edit"), "\(reader)")
        #expect(!reader.contains("/allocation-regimes/new"))
    }

    // MARK: The read and the demo

    @Test("the demo's regimes: one per family, only the Dutch one explained, with its passage; public readers see them")
    func demoRegimes() async throws {
        let engine = try await makeDatabase(importing: PackageFiles.demoFiles)
        do {
            let views = try await engine.read { db in
                try await Register(db: db, scope: ReadScope(visibilities: [.public])).allocationRegimeViews(labels: Self.english)
            }
            #expect(Set(views.map(\.id)) == ["nl-mobiliteitsfonds", "be-federaal-investeringsplan", "vlaamse-begroting", "eu-cef"])
            let dutch = try #require(views.first { $0.id == "nl-mobiliteitsfonds" })
            #expect(dutch.explanation?.contains("infrastructuurmiddelen") == true)
            #expect(dutch.source?.url.hasPrefix("/documents/verklaring-2026#") == true)
            #expect(dutch.source?.documentTitle.isEmpty == false)
            #expect(views.filter { $0.explanation == nil }.count == 3)
            #expect(dutch.editURL == "/allocation-regimes/nl-mobiliteitsfonds/edit")
            await engine.shutdown()
        } catch {
            await engine.shutdown()
            throw error
        }
    }

    // MARK: Editing over HTTP

    @Test("an editor edits a regime (saved, audited, back to the investments page); a reader may not")
    func editing() async throws {
        try await withAccountsApp { client, _ in
            let otto = Browser(client), rita = Browser(client)
            try await otto.signIn("otto")
            try await rita.signIn("rita")
            let form = try await otto.get("/allocation-regimes/vlaamse-begroting/edit")
            #expect(form.status == .ok)
            let saved = try await otto.post("/allocation-regimes/vlaamse-begroting/edit", [
                "title": "Vlaamse begroting", "country": "BE", "fundingSources": "flemish-budget",
                "explanation": "Een uitleg.", "documentID": "", "quote": "", "visibility": "public", "version": "1",
            ])
            #expect(saved.status == .seeOther)
            #expect(saved.headers[.location] == "/investments#regime-vlaamse-begroting")
            let history = try await otto.get("/allocation-regimes/vlaamse-begroting/history")
            #expect(history.status == .ok)
            #expect(history.text.contains("Een uitleg."))
            let tooLong = try await otto.post("/allocation-regimes/vlaamse-begroting/edit", [
                "title": "Vlaamse begroting", "country": "BE", "fundingSources": "vlaams-fonds",
                "explanation": String(repeating: "x", count: 4_001), "visibility": "public", "version": "2",
            ])
            #expect(tooLong.status == .unprocessableContent)
            let page = try tooLong.document()
            #expect(page.element(id: "e-explanation") != nil && page.element(id: "e-fundingSources") != nil)
            #expect(try await rita.get("/allocation-regimes/vlaamse-begroting/edit").status == .forbidden)
        }
    }
}
