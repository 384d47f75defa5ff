import DeltaDomain
import DeltaImport
import DeltaStore
import DeltaWeb
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

// Issue 12, "Open to the public": anything not marked public appears nowhere an anonymous visitor
// can look — not as a title, an id, a reference or a count. The register of
// `Tests/Fixtures/hidden-records.yaml` holds hidden records of every kind beside public ones that
// refer to them; these tests crawl everything an anonymous visitor can reach and look for the
// hidden records' markers, and compare the answers with those of a register that holds only the
// public export (so that a count or a total that includes a hidden record differs).

/// One crawl of a register as an anonymous visitor, with the router's GET routes and their probes.
struct AnonymousCrawl: Sendable {
    let crawler: Crawler
    /// GETs of every parameterised route with the id of a hidden record, and what they answered.
    let probes: [(url: String, id: String, answer: CrawledAnswer)]

    /// Crawls the register over `engine` from the home page, its JSON, openapi.yaml and every
    /// documented or routed path without parameters.
    static func run(engine: any DatabaseEngine, probing hidden: [String: [String]] = [:]) async throws -> AnonymousCrawl {
        let router = try await buildTestRouter(engine: engine, configuration: testConfiguration())
        let routed = router.routes.filter { $0.method == .get }.map { $0.path.description }
        let documented = try OpenAPIDocument.load().paths
        let paths = Set(routed + documented).filter { !$0.hasPrefix("/feeds/") }.sorted()
        let app = Application(router: router)
        return try await app.test(.router) { client in
            var crawler = Crawler(templates: paths)
            try await crawler.run(from: ["/", "/api/overview", "/openapi.yaml"] + paths.filter { !$0.contains("{") }, client: client)
            var probes: [(url: String, id: String, answer: CrawledAnswer)] = []
            for template in paths where template.contains("{") {
                // The section whose ids fill the template: the segment before its parameter.
                let parts = template.split(separator: "/").map(String.init)
                guard let index = parts.firstIndex(where: { $0.hasPrefix("{") }), index > 0 else { continue }
                let section = parts[index - 1].replacingOccurrences(of: "-", with: "_")
                for id in hidden[section] ?? [] {
                    let url = template.replacingOccurrences(of: parts[index], with: id)
                    let response = try await client.execute(uri: url, method: .get)
                    probes.append((url, id, CrawledAnswer(status: Int(response.status.code), contentType: response.headers[.contentType] ?? "",
                                                          body: response.text)))
                }
            }
            return AnonymousCrawl(crawler: crawler, probes: probes)
        }
    }
}

@Suite("Nothing hidden reaches an anonymous visitor")
struct PublicCrawlTests {
    /// The full fixture register, built once and only read.
    static let register = Task<any DatabaseEngine, any Error> { try await HiddenRecordsFixture.makeRegister() }

    @Test("a crawl of every reachable URL finds no hidden record, no hidden id and no server error")
    func crawl() async throws {
        let hidden = try HiddenRecordsFixture.hiddenIDs()
        let crawl = try await AnonymousCrawl.run(engine: try await Self.register.value, probing: hidden)
        let answers = crawl.crawler.answers
        var failures: [String] = []
        for (url, answer) in answers.sorted(by: { $0.key < $1.key }) {
            if answer.status >= 500 { failures.append("\(url): \(answer.status)") }
            // A URL made from a route and an id seen in a leaking answer repeats that leak: it is reported once, there.
            let origin = crawl.crawler.foundOn[url] ?? "?"
            if origin.contains("{") { continue }
            if let leak = HiddenRecordsFixture.leak(in: url) { failures.append("a link to a hidden record: \(url) (on \(origin)): \(leak)"); continue }
            if let leak = HiddenRecordsFixture.leak(in: answer.body) { failures.append("\(url) (\(answer.status)): …\(leak)…") }
        }
        for probe in crawl.probes {
            // A hidden record is unknown: 404 (or 401 for a signed-in page), and the answer names
            // nothing hidden but the id asked for.
            if (200..<300).contains(probe.answer.status) || probe.answer.status >= 500 {
                failures.append("\(probe.url) answered \(probe.answer.status)")
            }
            if let leak = HiddenRecordsFixture.leak(in: probe.answer.body, ignoring: probe.id) { failures.append("\(probe.url): …\(leak)…") }
        }
        #expect(failures.isEmpty, "\(failures.count) problems:\n\(failures.prefix(80).joined(separator: "\n"))")

        // Not vacuous: many URLs, every kind of answer, and the public records that refer to hidden ones.
        let ok = answers.filter { $0.value.status == 200 }
        #expect(ok.count >= 150, "only \(ok.count) answers")
        #expect(crawl.probes.count >= 100, "only \(crawl.probes.count) probes")
        let types = Set(ok.values.map { $0.contentType.split(separator: ";").first.map(String.init) ?? "" })
        for type in ["text/html", "application/json", "text/csv", "text/calendar", "image/svg+xml", "text/markdown", "application/yaml"] {
            #expect(types.contains { $0.hasPrefix(type) }, "no \(type) answer among \(types.sorted())")
        }
        let reached = ["/dossiers/pub-dossier", "/dossiers/pub-dossier-2", "/documents/pub-doc-a", "/documents/pub-doc-b", "/bodies/pub-body",
                       "/bodies/pub-body-child", "/meetings/pub-meeting", "/meetings/pub-meeting-draft", "/api/milestones/pub-ms-shared/record",
                       "/api/investments/pub-inv/record", "/api/indicators/pub-ind/record", "/api/goals/pub-measure/record",
                       "/api/agreements/pub-agr/record", "/api/allocation-regimes/pub-regime/record", "/api/organisations/pub-org-be/record",
                       "/investments.csv", "/investments/pivot.csv", "/bodies/pub-body/report.md"]
        for url in reached { #expect(answers[url]?.status == 200, "\(url): \(answers[url].map { String($0.status) } ?? "not reached")") }
        let everything = ok.values.map(\.body).joined()
        for text in ["Gedeelde publieke mijlpaal", "Publieke investering", "Publieke indicator", "Publiek besluit over de planning",
                     "Publieke actie van een verborgen organisatie", "Publieke correctie", "Publieke maatregel", "Publiek fonds"] {
            #expect(everything.contains(text), "no answer shows “\(text)”")
        }
    }

    /// The public export of the fixture register, written to a fresh directory (as `export --public` does).
    static func publicExport(of engine: any DatabaseEngine) async throws -> (directory: URL, files: [String]) {
        let snapshot = try await engine.read { db in try await Exporter.snapshot(of: Register(db: db, scope: .publicOnly)) }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("public-export-\(UUID().uuidString)")
        return (directory, try Exporter.write(snapshot, to: directory.path))
    }

    /// A change feed tells the register's history, and the two registers have different ones (ids
    /// and times of their audit entries, the order of their imports): its entries are compared as
    /// a set of titles, links and summaries.
    static func comparable(_ url: String, _ body: String) -> String {
        // The metrics count this test's own requests and their times: scanned for markers by the crawl, not compared.
        if url.hasPrefix("/metrics") { return "" }
        guard url.hasSuffix(".atom") || url.contains(".atom?") else { return body }
        return body.split(separator: "\n").filter { line in
            line.contains("<title>") || line.contains("<link rel=\"alternate\"") || line.contains("<summary") || line.contains("<category")
        }.sorted().joined(separator: "\n")
    }

    @Test("export --public names no hidden record, and a register holding only it answers every anonymous request the same")
    func publicRegisterIsTheSame() async throws {
        let full = try await Self.register.value
        let export = try await Self.publicExport(of: full)
        defer { try? FileManager.default.removeItem(at: export.directory) }
        var exported: [String] = []
        let names = try FileManager.default.subpathsOfDirectory(atPath: export.directory.path)
        for name in names.sorted() where name.hasSuffix(".yaml") || name.hasSuffix(".txt") {
            let text = try String(contentsOf: export.directory.appendingPathComponent(name), encoding: .utf8)
            if let leak = HiddenRecordsFixture.leak(in: text) { exported.append("\(name): …\(leak)…") }
        }
        #expect(exported.isEmpty, "the public export names hidden records:\n\(exported.joined(separator: "\n"))")
        #expect(names.contains("dossiers.yaml") && names.contains("texts/pub-doc-a.txt"), "\(names.sorted())")

        // The public export, imported into an empty register, with the same agendas and minutes of its meetings.
        let publicOnly = try await makeDatabase(importing: export.files)
        do {
            try await HiddenRecordsFixture.addMeetingRecords(publicOnly)
            let expected = try await AnonymousCrawl.run(engine: full).crawler.answers
            let actual = try await AnonymousCrawl.run(engine: publicOnly).crawler.answers
            var differences: [String] = []
            for url in Set(expected.keys).union(actual.keys).sorted() {
                guard let want = expected[url], let got = actual[url] else {
                    differences.append("\(url): reached in \(expected[url] == nil ? "the public-only register" : "the full register") only")
                    continue
                }
                if want.status != got.status { differences.append("\(url): \(want.status) vs \(got.status)"); continue }
                // The sign-in and intake forms' tokens are random in every answer, the intake form's stamp is the moment it was handed out.
                let token = #"name="(_csrf|_started)" value="[^"]*""#
                let wanted = Self.comparable(url, want.body.replacingOccurrences(of: token, with: "", options: .regularExpression))
                let gotten = Self.comparable(url, got.body.replacingOccurrences(of: token, with: "", options: .regularExpression))
                if wanted != gotten { differences.append("\(url): \(Self.firstDifference(wanted, gotten))") }
            }
            #expect(differences.isEmpty, "\(differences.count) answers differ (full register vs public export):\n\(differences.prefix(60).joined(separator: "\n"))")
            #expect(expected.count >= 150, "only \(expected.count) answers compared")
        } catch {
            await publicOnly.shutdown()
            throw error
        }
        await publicOnly.shutdown()
    }

    /// Where two texts first differ, with a little context of each.
    static func firstDifference(_ a: String, _ b: String) -> String {
        let a = Array(a), b = Array(b)
        var index = 0
        while index < min(a.count, b.count), a[index] == b[index] { index += 1 }
        func around(_ text: [Character]) -> String {
            String(text[max(0, index - 60)..<min(text.count, index + 60)]).replacingOccurrences(of: "\n", with: "⏎")
        }
        return "…\(around(a))… vs …\(around(b))…"
    }
}
