import DeltaTestSupport
import Foundation
import HummingbirdTesting
import Testing

/// The HTML page and its JSON twin, fetched in one go.
func pageAndTwin(_ path: String) async throws -> (html: String, json: JSONValue) {
    let apiPath = path == "/" ? "/api/overview" : "/api" + path
    return try await withDemoApp { client in (try await client.page(path), try await client.json(apiPath)) }
}

extension JSONValue {
    /// The string `key` of every element of the array `list`, in order.
    func strings(_ list: String, _ key: String) -> [String] {
        self[list]?.array.map { $0[key]?.string ?? "<missing \(key)>" } ?? []
    }
}

@Suite("JSON twins")
struct APITests {
    @Test("/api/overview has the dossiers, health, bodies and overdue milestones that / shows")
    func overview() async throws {
        let (html, json) = try await pageAndTwin("/")
        #expect(json["title"]?.string == "Overzicht")
        #expect(json["today"]?.string == "2026-11-23")
        #expect(json["todayLabel"]?.string == "23 november 2026")
        #expect(html.contains("Stand van zaken op <time datetime=\"2026-11-23\">\(json["todayLabel"]?.string ?? "?")</time>."))

        let document = try HTMLDocument(parsing: html)
        let dossierSection = try document.requireSection("h-dossiers").markup
        #expect(dossierRowIDs(dossierSection) == json.strings("dossiers", "id"))
        #expect(dossierSection.captures(#"class="badge health-([a-z-]+)""#) == json.strings("dossiers", "health"))
        #expect(dossierSection.captures(#"<span class="badge health-[a-z-]+">([^<]+)</span>"#) == json.strings("dossiers", "healthLabel"))
        let overdueCounts = json["dossiers"]?.array.map { "\($0["overdueCount"]?.int ?? -1)" }
        #expect(dossierSection.captures(#"</td>\s*<td>(\d+)</td>\s*</tr>"#) == overdueCounts, "overdue counts per dossier row")
        #expect(json.strings("dossiers", "id").contains("3rx"))

        let bodySection = try document.requireSection("h-bodies").markup
        #expect(bodySection.captures(#"<a href="/bodies/([^"]+)">"#) == json.strings("bodies", "id"))
        #expect(bodySection.captures(#"class="badge compliance-([a-z-]+)""#) == json.strings("bodies", "compliance"))
        let workingGroup = json["bodies"]?.array.first { $0["id"]?.string == "werkgroep-be-nl" }
        #expect(workingGroup?["cadence"]?.string == "ten minste tweemaal per kalenderjaar")
        #expect(workingGroup?["required"]?.int == 2)

        let overdue = try document.requireSection("h-overdue")
        let overdueMilestones = json["overdue"]?.array ?? []
        #expect(!overdueMilestones.isEmpty)
        let overdueRows = try overdue.select("tbody > tr")
        #expect(overdueRows.count == overdueMilestones.count)
        let allRowsOverdue = overdueRows.allSatisfy { $0.hasClass("state-overdue") }
        #expect(allRowsOverdue, "every row of the overdue table is marked overdue")
        let allOverdue = overdueMilestones.allSatisfy { $0["state"]?.string == "overdue" }
        #expect(allOverdue, "every milestone in \"overdue\" has state overdue")
        for milestone in overdueMilestones {
            let title = try #require(milestone["title"]?.string, "\(milestone)")
            #expect(overdue.text.contains(title), "\(title)")
        }
        let soon = try document.requireSection("h-soon")
        #expect(try soon.select("tbody > tr").count == json["dueSoon"]?.array.count)
    }

    @Test("/api/dossiers lists the same dossiers in the same order as /dossiers, with the same filters", arguments: [
        "/dossiers", "/dossiers?theme=freight", "/dossiers?status=off-track", "/dossiers?country=DE", "/dossiers?country=BE",
        "/dossiers?theme=freight&status=off-track", "/dossiers?theme=",
    ])
    func dossierList(path: String) async throws {
        let (html, json) = try await pageAndTwin(path)
        #expect(dossierRowIDs(html) == json.strings("dossiers", "id"))
        #expect(html.contains("<p>\(json["dossiers"]?.array.count ?? -1) dossiers.</p>"))
        let document = try HTMLDocument(parsing: html)
        let table = try document.requireElement("main table > tbody")
        #expect(try table.select("tr").count == json["dossiers"]?.array.count)
        #expect(table.markup.captures(#"class="badge health-([a-z-]+)""#) == json.strings("dossiers", "health"))
        // The filter options the form offers are the ones the JSON lists, selected alike.
        let filters = try document.requireElement("form.filters")
        for (name, list) in [("theme", "themes"), ("status", "healths"), ("country", "countries")] {
            let options = try filters.requireElement(#"select[name="\#(name)"]"#).select("option").map { $0.attribute("value") ?? "<no value>" }
            #expect(options.first == "", "the first \(name) option is “all”")
            #expect(Array(options.dropFirst()) == json.strings(list, "value"), "\(name) options")
        }
        let selected = try filters.select("option[selected]").map { $0.attribute("value") ?? "<no value>" }
        let selectedInJSON = ["themes", "healths", "countries"].flatMap { list in
            json[list]?.array.filter { $0["selected"]?.bool == true }.compactMap { $0["value"]?.string } ?? []
        }
        #expect(selected == selectedInJSON)
        let query = URLComponents(string: path)?.queryItems ?? []
        for item in query where !(item.value ?? "").isEmpty {
            #expect(json["filter"]?[item.name]?.string == item.value, "filter \(item.name)")
        }
    }

    @Test("/api/dossiers?theme=freight holds only freight dossiers")
    func dossierFilterJSON() async throws {
        let (freight, offTrack, german) = try await withDemoApp { client in
            (try await client.json("/api/dossiers?theme=freight"), try await client.json("/api/dossiers?status=off-track"),
             try await client.json("/api/dossiers?country=DE"))
        }
        #expect(!(freight["dossiers"]?.array.isEmpty ?? true))
        let allFreight = freight["dossiers"]?.array.allSatisfy { $0["themes"]?.array.contains(.string("freight")) == true }
        #expect(allFreight == true, "theme=freight lists only freight dossiers")
        let allOffTrack = offTrack["dossiers"]?.array.allSatisfy { $0["health"]?.string == "off-track" }
        #expect(allOffTrack == true, "status=off-track lists only off-track dossiers")
        let allGerman = german["dossiers"]?.array.allSatisfy { $0["countries"]?.array.contains(.string("DE")) == true }
        #expect(allGerman == true, "country=DE lists only dossiers involving DE")
        #expect(german["filter"]?["country"]?.string == "DE")
    }

    @Test("/api/dossiers/{id} matches the dossier page", arguments: ["3rx", "ertms", "gent-terneuzen", "mol-weert", "kijfhoek"])
    func dossier(id: String) async throws {
        let (html, json) = try await pageAndTwin("/dossiers/\(id)")
        let title = try #require(json["title"]?.string)
        #expect(html.contains("<h1>\(title.htmlEscaped)</h1>"))
        #expect(json["dossier"]?["id"]?.string == id)
        #expect(json["dossier"]?["url"]?.string == "/dossiers/\(id)")
        let health = try #require(json["dossier"]?["health"]?.string)
        #expect(html.contains(#"<span class="badge health-\#(health)">\#(json["dossier"]?["healthLabel"]?.string ?? "?")</span>"#))
        #expect(html.contains(#"<p class="lead">\#(json["summary"]?.string?.htmlEscaped ?? "?")</p>"#))

        let document = try HTMLDocument(parsing: html)
        let milestones = try document.requireSection("h-milestones").markup
        #expect(milestones.captures(#"<li class="state-([a-z-]+)" id="[^"]+">"#) == json.strings("milestones", "state"))
        #expect(milestones.captures(#"<p><strong>([^<]+)</strong>"#) == json.strings("milestones", "title").map(\.htmlEscaped))

        let agreements = try document.requireSection("h-agreements").markup
        #expect(agreements.captures(#"<li id="agreement-([^"]+)""#) == json.strings("agreements", "id"))

        let history = try document.requireSection("h-history").markup
        // A document of unknown date has no year: the page says "datum onbekend" instead.
        let historyYearLabels = json["history"]?.array.map { $0["year"]?.int.map { "\($0)" } ?? "datum onbekend" }
        #expect(history.captures(#"<h3>(\d{4}|datum onbekend) — "#) == historyYearLabels, "history years as on the page")
        let historyDocumentIDs = json["history"]?.array.map { $0["document"]?["id"]?.string ?? "?" }
        #expect(history.captures(#"<h3>(?:\d{4}|datum onbekend) — <a href="/documents/([^"]+)">"#) == historyDocumentIDs,
                "history documents as on the page")
        let historyYears = json["history"]?.array.map { $0["year"]?.int ?? Int64.max }
        let sortedHistoryYears = historyYears?.sorted()
        #expect(historyYears == sortedHistoryYears, "history is in year order")

        let leads = try document.requireElement("dl.facts").requireDefinition("Trekkers").markup
        #expect(leads.captures(#"<a href="/organisations#([^"]+)">"#) == json.strings("leads", "id"))
        if let mandate = json["mandate"] {
            #expect(html.contains("<dt>Politiek mandaat</dt><dd>\(mandate["given"]?["label"]?.string ?? "?")"))
        } else {
            #expect(html.contains("<dt>Politiek mandaat</dt><dd>nog niet gegeven</dd>"))
        }
        let investments = json["investments"]?.array ?? []
        if investments.isEmpty {
            #expect(html.contains("<p>Geen bedragen gekoppeld.</p>"))
        } else {
            #expect(html.contains("<p>Totaal: \(json["investmentTotal"]?["label"]?.string?.htmlEscaped ?? "?")</p>"))
        }
    }

    @Test("/api/dossiers/3rx: history 2018, 2025, 2026 and the mandate of 18 February 2026")
    func dossier3RX() async throws {
        let json = try await withDemoApp { try await $0.json("/api/dossiers/3rx") }
        let historyYears = json["history"]?.array.map { $0["year"]?.int }
        #expect(historyYears == [2018, 2025, 2026], "history years of 3RX")
        let historyDocumentIDs = json["history"]?.array.map { $0["document"]?["id"]?.string }
        #expect(historyDocumentIDs == ["verklaring-top-2018", "slotverklaring-top-2025", "verklaring-2026"], "history documents of 3RX")
        #expect(json["mandate"]?["given"]?["earliest"]?.string == "2026-02-18")
        #expect(json["mandate"]?["body"]?["id"]?.string == "politiek-overleg")
        #expect(json["mandate"]?["document"]?["id"]?.string == "verklaring-2026")
        #expect(json["dossier"]?["health"]?.string == "off-track")
        #expect(json["dossier"]?["countries"]?.array == [.string("BE"), .string("NL")])
        let urls = json["agreements"]?.array.compactMap { $0["source"]?["url"]?.string } ?? []
        #expect(urls.contains("/documents/verklaring-2026#p22"))
    }

    @Test("/api/documents lists the documents of /documents, newest first")
    func documentList() async throws {
        let (html, json) = try await pageAndTwin("/documents")
        #expect(html.captures(#"<th scope="row"><a href="/documents/([^"]+)">"#) == json.strings("documents", "id"))
        // Dated documents newest first, then those of unknown date.
        let dates = json["documents"]?.array.map { $0["date"]?.string } ?? []
        let known = dates.compactMap { $0 }
        #expect(html.captures(#"<time datetime="([0-9-]+)">"#) == known)
        #expect(known == known.sorted(by: >))
        let firstUnknown = dates.firstIndex(of: nil) ?? dates.count
        #expect(dates[firstUnknown...].allSatisfy { $0 == nil }, "documents of unknown date come last")
    }

    @Test("/api/documents/{id} has the paragraphs, passages and agreements of the document page",
          arguments: ["verklaring-2026", "beslisnota-2026", "slotverklaring-top-2025", "kamerbrief-goederen-2026", "verklaring-top-2018"])
    func document(id: String) async throws {
        let (html, json) = try await pageAndTwin("/documents/\(id)")
        #expect(json["id"]?.string == id)
        #expect(html.contains("<h1>\((json["title"]?.string ?? "?").htmlEscaped)</h1>"))
        if let date = json["date"]?.string {
            #expect(html.contains(#"<time datetime="\#(date)">\#(json["dateLabel"]?.string ?? "?")</time>"#))
        } else {
            #expect(html.contains("<dt>Datum</dt><dd>datum onbekend"), "a document of unknown date says so")
        }
        if let reference = json["reference"]?.string {
            #expect(html.contains("<dt>Kenmerk</dt><dd>\(reference.htmlEscaped)</dd>"))
        }
        // Paragraph anchors in reading order; the blocks hold every paragraph once.
        let paragraphs = json["blocks"]?.array.flatMap { block -> [JSONValue] in
            [block["heading"], block["paragraph"]].compactMap { $0 } + (block["list"]?.array ?? [])
        } ?? []
        #expect(paragraphs.count == json["paragraphCount"]?.int.map(Int.init))
        let document = try HTMLDocument(parsing: html)
        let text = try document.requireSection("h-text").markup
        let paragraphAnchors = paragraphs.compactMap { $0["anchor"]?.string }
        #expect(text.captures(#"<(?:h3|p|li) id="(p\d+)""#) == paragraphAnchors, "paragraph anchors in reading order")
        let listItemAnchors = paragraphs.filter { $0["kind"]?.string == "list-item" }.compactMap { $0["anchor"]?.string }
        #expect(text.captures(#"<li id="(p\d+)""#) == listItemAnchors, "list items")
        let headingAnchors = paragraphs.filter { $0["isHeading"]?.bool == true }.compactMap { $0["anchor"]?.string }
        #expect(text.captures(#"<h3 id="(p\d+)""#) == headingAnchors, "headings")
        // The marked passages, in order, are the segments that carry an agreement.
        let segments = paragraphs.flatMap { $0["segments"]?.array ?? [] }.filter { $0["agreementID"] != nil }
        let segmentAgreementIDs = segments.compactMap { $0["agreementID"]?.string }
        #expect(text.captures(##"<a class="passage" href="#agreement-([^"]+)""##) == segmentAgreementIDs, "passage links in order")
        let segmentTexts = segments.compactMap { $0["text"]?.string?.htmlEscaped }
        #expect(text.captures(#"<mark>([^<]*)</mark>"#) == segmentTexts, "marked passages in order")
        let agreements = try document.requireSection("h-agreements").markup
        #expect(agreements.captures(#"<li id="agreement-([^"]+)""#) == json.strings("agreements", "id"))
        let allFromThisDocument = json["agreements"]?.array.allSatisfy { $0["source"]?["documentID"]?.string == id }
        #expect(allFromThisDocument == true, "every agreement listed has \(id) as its source")
    }

    @Test("/api/documents/verklaring-2026: the ten dossiers are one list of ten items")
    func declarationList() async throws {
        let json = try await withDemoApp { try await $0.json("/api/documents/verklaring-2026") }
        let lists = json["blocks"]?.array.compactMap { $0["list"]?.array } ?? []
        #expect(lists.count == 1)
        #expect(lists.first?.count == 10)
        let listAnchors = lists.first?.map { $0["anchor"]?.string }
        let expectedListAnchors: [String?] = (17...26).map { "p\($0)" }
        #expect(listAnchors == expectedListAnchors, "the list items are p17…p26")
        #expect(json["signatories"]?.array.count == 2)
        #expect(json["place"]?.string == "Antwerpen")
        #expect(json["reference"] == nil, "unknown values are left out")
    }

    @Test("/api/documents/beslisnota-2026 carries its reference")
    func decisionMemo() async throws {
        let json = try await withDemoApp { try await $0.json("/api/documents/beslisnota-2026") }
        #expect(json["reference"]?.string == "IENW/BSK-2026/25751")
        #expect(json["attachmentCount"]?.int == 3)
        #expect(json["kind"]?.string == "decision-memo")
        #expect(json["deadline"]?["latest"]?.string == "2026-02-18")
    }

    @Test("/api/bodies lists the bodies of /bodies with the same compliance")
    func bodyList() async throws {
        let (html, json) = try await pageAndTwin("/bodies")
        #expect(html.captures(#"<th scope="row"><a href="/bodies/([^"]+)">"#) == json.strings("bodies", "id"))
        #expect(html.captures(#"class="badge compliance-([a-z-]+)""#) == json.strings("bodies", "compliance"))
        #expect(html.captures(#"</td><td>([^<]*)</td><td><span class="badge"#) == json.strings("bodies", "cadence").map(\.htmlEscaped))
    }

    @Test("/api/bodies/{id} matches the body page", arguments: ["werkgroep-be-nl", "politiek-overleg", "grensregio-overleg", "werkgroep-3rx"])
    func body(id: String) async throws {
        let (html, json) = try await pageAndTwin("/bodies/\(id)")
        #expect(json["body"]?["id"]?.string == id)
        #expect(html.contains("<h1>\((json["title"]?.string ?? "?").htmlEscaped)</h1>"))
        #expect(html.contains("<dt>Ritme</dt><dd>\(json["body"]?["cadence"]?.string ?? "?")"))
        let document = try HTMLDocument(parsing: html)
        let compliance = try document.requireSection("h-compliance").markup
        let complianceYears = json["years"]?.array.map { "\($0["year"]?.int ?? -1)" }
        #expect(compliance.captures(#"<th scope="row">(\d{4})</th>"#) == complianceYears, "compliance years as on the page")
        #expect(compliance.captures(#"class="badge compliance-([a-z-]+)""#) == json.strings("years", "compliance"))
        #expect(json["years"]?.array.first?["compliance"] == json["body"]?["compliance"], "the summary is this year's row")
        let members = try document.requireSection("h-members").markup
        let memberIDs: [String] = (json["members"]?.array ?? []).map { $0["organisation"]?["id"]?.string ?? "?" }
        let invitedIDs: [String] = (json["invited"]?.array ?? []).map { $0["organisation"]?["id"]?.string ?? "?" }
        #expect(members.captures(#"<a href="/organisations#([^"]+)">"#) == memberIDs + invitedIDs)
        // The dossier section is left out when the body carries no dossier.
        let dossierIDs = json.strings("dossiers", "id")
        if dossierIDs.isEmpty {
            #expect(try document.first(#"section[aria-labelledby="h-dossiers"]"#) == nil, "a dossier section without dossiers")
        } else {
            let dossiers = try document.requireSection("h-dossiers").markup
            #expect(dossiers.captures(#"<a href="/dossiers/([^"]+)">"#) == dossierIDs)
        }
    }

    @Test("/api/bodies/werkgroep-be-nl: the rule is twice a year, judged from 2026")
    func workingGroup() async throws {
        let json = try await withDemoApp { try await $0.json("/api/bodies/werkgroep-be-nl") }
        #expect(json["body"]?["cadence"]?.string?.contains("tweemaal") == true)
        let years = json["years"]?.array.map { $0["year"]?.int }
        #expect(years == [2026], "judged from 2026 only")
        #expect(json["years"]?[0]?["required"]?.int == 2)
        #expect(json["since"]?.string == "2026-02-18")
        #expect(json["sinceLabel"]?.string == "18 februari 2026")
        let allInvitedAreInvited = json["invited"]?.array.allSatisfy { $0["invited"]?.bool == true }
        #expect(allInvitedAreInvited == true, "everyone under \"invited\" has invited: true")
        let noMemberIsInvited = json["members"]?.array.allSatisfy { $0["invited"]?.bool == false }
        #expect(noMemberIsInvited == true, "everyone under \"members\" has invited: false")
    }

    @Test("/api/organisations lists the organisations of /organisations")
    func organisations() async throws {
        let (html, json) = try await pageAndTwin("/organisations")
        #expect(html.captures(#"<tr id="([^"]+)">"#) == json.strings("organisations", "id"))
        let shown = json["organisations"]?.array.map { organisation in
            let name = organisation["name"]?.string ?? "?"
            return (organisation["shortName"]?.string.map { "\(name) (\($0))" } ?? name).htmlEscaped
        }
        #expect(html.captures(#"<tr id="[^"]+"><th scope="row">([^<]*)</th>"#) == shown)
        #expect(Set(json.strings("organisations", "id")) == Set(try DemoData.organisations().map(\.id)))
    }

    @Test("/api/investments has the amounts and totals of /investments")
    func investments() async throws {
        let (html, json) = try await pageAndTwin("/investments")
        let document = try HTMLDocument(parsing: html)
        let all = try document.requireSection("h-all").markup
        #expect(all.captures(#"<tr id="([^"]+)">"#) == json.strings("investments", "id"))
        #expect(all.captures(#"</th><td>([^<]*)</td>"#) == json.strings("investments", "amountLabel"))
        let byCountry = try document.requireSection("h-country").markup
        #expect(byCountry.captures(#"</th><td>([^<]*)</td>"#) == json.strings("totalsByCountry", "label").map(\.htmlEscaped))
        let byDossier = try document.requireSection("h-dossier").markup
        #expect(byDossier.captures(#"<a href="/dossiers/([^"]+)">"#) == json.strings("totalsByDossier", "key"))
        #expect(byDossier.captures(#"</th><td>([^<]*)</td>"#) == json.strings("totalsByDossier", "label").map(\.htmlEscaped))
        let billion = json["investments"]?.array.first { $0["id"]?.string == "kamerbrief-2026-miljard" }
        #expect(billion?["amountKind"]?.string == "upToAtMost")
        #expect(billion?["minimumCents"]?.int == 0)
        #expect(billion?["maximumCents"]?.int == 100_000_000_000)
        #expect(billion?["amountLabel"]?.string == "tot € 1 mld")
    }
}
