import DeltaTestSupport
import DeltaWeb
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// The ids of the dossiers a dossier table links to, in order.
func dossierRowIDs(_ html: String) -> [String] {
    html.captures(#"<th scope="row"><a href="/dossiers/([^"]+)">"#)
}

@Suite("HTML pages")
struct PageTests {
    // MARK: Overview

    @Test("/ shows every dossier, the bodies with their rule, and the overdue milestones")
    func overview() async throws {
        let dossiers = try DemoData.dossiers()
        #expect(dossiers.count >= 10, "the demo data should hold the ten dossiers of the 2026 declaration and more")
        let html = try await withDemoApp { try await $0.page("/") }
        #expect(html.contains("<h1>Overzicht</h1>"))
        #expect(html.contains("Stand van zaken op <time datetime=\"2026-11-23\">23 november 2026</time>."))
        let document = try HTMLDocument(parsing: html)
        let dossierSection = try document.requireSection("h-dossiers")
        for dossier in dossiers {
            let links = try dossierSection.select(#"a[href="/dossiers/\#(dossier.id)"]"#)
            #expect(links.map(\.text).contains(dossier.title), "overview lacks dossier \(dossier.id)")
        }
        #expect(Set(dossierRowIDs(dossierSection.markup)) == Set(dossiers.map(\.id)))

        let bodySection = try document.requireSection("h-bodies")
        let workingGroupRow = try bodySection.requireElement("tr", having: #"a[href="/bodies/werkgroep-be-nl"]"#)
        #expect(workingGroupRow.text.contains("Belgisch-Nederlandse werkgroep spoordossiers"))
        #expect(workingGroupRow.elements(tag: "td").map(\.text).contains("ten minste tweemaal per kalenderjaar"))
        let complianceBadges = workingGroupRow.descendants.flatMap(\.classes).filter { $0.hasPrefix("compliance-") }
        #expect(!complianceBadges.isEmpty, "the row shows this year's compliance")

        let overdue = try document.requireSection("h-overdue")
        #expect(try overdue.requireElement("h2").text == "Mijlpalen over tijd")
        #expect(!overdue.text.contains("Geen mijlpalen over tijd."), "on 23 November 2026 the summer-2026 milestones are overdue")
        let overdueRows = try overdue.select("tbody > tr")
        #expect(!overdueRows.isEmpty)
        let allRowsOverdue = overdueRows.allSatisfy { $0.hasClass("state-overdue") }
        #expect(allRowsOverdue, "every row of the section is an overdue milestone")
        #expect(overdue.hrefs.contains("/dossiers/3rx"))
        let overdueTitles = overdueRows.map(\.text)
        // A shared milestone is one row that links to each of its dossiers, 3RX among them.
        func sharedRow(_ title: String) -> HTMLElement? { overdueRows.first { $0.text.contains(title) } }
        let followUp = sharedRow("Uitkomsten verankerd tijdens de vervolgbijeenkomst")
        #expect(followUp?.hrefs.contains("/dossiers/3rx") == true, "\(overdueTitles)")
        let framework = sharedRow("Aanvullend en concreet afsprakenkader klaar voor ondertekening")
        #expect(framework?.hrefs.contains("/dossiers/3rx") == true, "\(overdueTitles)")
        #expect(framework?.hrefs.count == 10, "the framework milestone is shared by the ten dossiers of the 2026 declaration")
        let sharedRows = overdueRows.filter { $0.text.contains("Aanvullend en concreet afsprakenkader klaar voor ondertekening") }
        #expect(sharedRows.count == 1, "a shared milestone is listed once")
        // A milestone that was achieved is never overdue.
        #expect(!overdue.mentions("Politiek mandaat - gezamenlijke verklaring ondertekend"))
    }

    // MARK: Dossiers

    @Test("/dossiers lists every dossier")
    func dossierList() async throws {
        let dossiers = try DemoData.dossiers()
        let html = try await withDemoApp { try await $0.page("/dossiers") }
        #expect(html.contains("<p>\(dossiers.count) dossiers.</p>"))
        #expect(Set(dossierRowIDs(html)) == Set(dossiers.map(\.id)))
        #expect(dossierRowIDs(html).count == dossiers.count)
        for dossier in dossiers { #expect(html.contains(dossier.title.htmlEscaped)) }
    }

    @Test("/dossiers?theme=freight lists the freight dossiers and nothing else")
    func dossierListByTheme() async throws {
        let dossiers = try DemoData.dossiers()
        let freight = dossiers.filter { $0.themes.contains("freight") }
        #expect(!freight.isEmpty)
        let has3RX = freight.contains { $0.id == "3rx" }
        #expect(has3RX, "3RX is a freight dossier")
        let html = try await withDemoApp { try await $0.page("/dossiers?theme=freight") }
        #expect(dossierRowIDs(html).sorted() == freight.map(\.id).sorted())
        let document = try HTMLDocument(parsing: html)
        let rows = try document.requireElement("main table > tbody").select("tr")
        #expect(rows.count == freight.count)
        let links = document.hrefs
        for dossier in dossiers where !dossier.themes.contains("freight") {
            #expect(!links.contains("/dossiers/\(dossier.id)"), "\(dossier.id) is not a freight dossier")
        }
        #expect(html.contains("<p>\(freight.count) dossiers.</p>"))
        #expect(html.contains(#"<option value="freight" selected>"#))
    }

    @Test("/dossiers?status=off-track lists only dossiers that are off track")
    func dossierListByStatus() async throws {
        let (all, html) = try await withDemoApp { client in
            (try await client.page("/dossiers"), try await client.page("/dossiers?status=off-track"))
        }
        let shown = dossierRowIDs(html)
        #expect(!shown.isEmpty, "on 23 November 2026 the dossiers with overdue milestones are off track")
        #expect(shown.contains("3rx"))
        // Every row of the filtered table carries the off-track badge, and only that one.
        let table = try HTMLDocument(parsing: html).requireElement("main table > tbody")
        #expect(try table.select("tr").count == shown.count)
        let badges = try table.select(".badge").flatMap(\.classes).filter { $0 != "badge" }
        #expect(badges.count == shown.count)
        let allOffTrack = badges.allSatisfy { $0 == "health-off-track" }
        #expect(allOffTrack, "only off-track badges in the filtered table: \(badges)")
        // The dossiers without milestones (health unknown) are left out.
        #expect(!shown.contains("mol-weert"))
        #expect(!shown.contains("goederenstromen-data"))
        // Nothing that is off track in the full list is missing.
        let allRows = try HTMLDocument(parsing: all).requireElement("main table > tbody").select("tr")
        #expect(allRows.count > shown.count)
        let offTrackInFull = allRows.filter { !$0.elements(class: "health-off-track").isEmpty }.flatMap { dossierRowIDs($0.markup) }
        #expect(shown == offTrackInFull)
        #expect(html.contains(#"<option value="off-track" selected>"#))
    }

    @Test("/dossiers?country= filters on the lead organisations' countries")
    func dossierListByCountry() async throws {
        let dossiers = try DemoData.dossiers()
        let countries = Dictionary(uniqueKeysWithValues: try DemoData.organisations().map { ($0.id, $0.country) })
        let (germany, belgium) = try await withDemoApp { client in
            (try await client.page("/dossiers?country=DE"), try await client.page("/dossiers?country=BE"))
        }
        // No dossier in the demo register has a German lead (3RX is led by IenW and FOD Mobiliteit).
        let german = dossiers.filter { $0.leads.contains { countries[$0] == "DE" } }
        #expect(dossierRowIDs(germany).sorted() == german.map(\.id).sorted())
        #expect(germany.contains("<p>\(german.count) dossiers.</p>"))

        let belgian = dossiers.filter { $0.leads.contains { countries[$0] == "BE" } }
        #expect(!belgian.isEmpty && belgian.count < dossiers.count)
        #expect(dossierRowIDs(belgium).sorted() == belgian.map(\.id).sorted())
        #expect(belgium.contains(#"<option value="BE" selected>"#))
        let belgiumPage = try HTMLDocument(parsing: belgium)
        let belgianRows = try belgiumPage.requireElement("main table > tbody").select("tr")
        #expect(belgianRows.count == belgian.count)
        #expect(!belgiumPage.hrefs.contains("/dossiers/kijfhoek"), "Kijfhoek is led by IenW alone")
    }

    @Test("/dossiers/3rx shows its history over 2018, 2025 and 2026, its passages and its mandate")
    func dossier3RX() async throws {
        let html = try await withDemoApp { try await $0.page("/dossiers/3rx") }
        #expect(html.contains("<h1>3RX – spoorverbinding haven Antwerpen–Ruhrgebied</h1>"))
        #expect(html.contains("<title>3RX – spoorverbinding haven Antwerpen–Ruhrgebied · Deltaberaad</title>"))
        let document = try HTMLDocument(parsing: html)
        let history = try document.requireSection("h-history")
        let years = history.markup.captures(#"<h3>(\d{4}) — "#)
        #expect(years == ["2018", "2025", "2026"])
        #expect(history.markup.contains(#"2018 — <a href="/documents/verklaring-top-2018">Verklaring vierde Vlaams-Nederlandse top</a>"#))
        #expect(history.markup.contains(#"2025 — <a href="/documents/slotverklaring-top-2025">"#))
        #expect(history.markup.contains(#"2026 — <a href="/documents/verklaring-2026">"#))
        #expect(!html.captures(#"href="/documents/verklaring-2026#(p\d+)""#).isEmpty,
                "the page links to a paragraph of the 2026 declaration")
        #expect(html.contains(#"<a href="/documents/verklaring-2026#p22">"#), "the 3RX bullet of the 2026 declaration")

        let facts = try document.requireElement("dl.facts")
        let mandate = try facts.requireDefinition("Politiek mandaat")
        #expect(mandate.text.hasPrefix("18 februari 2026"))
        #expect(mandate.markup.contains(#"door <a href="/bodies/politiek-overleg">Politiek overleg België–Nederland over spoordossiers</a>"#))
        #expect(mandate.markup.contains(#"in <a href="/documents/verklaring-2026">Gezamenlijke verklaring intensivering samenwerking op spoordossiers</a>"#))
        #expect(!mandate.text.contains("nog niet gegeven"))
        #expect(try facts.requireDefinition("Overleg").markup.contains(#"<a href="/bodies/werkgroep-be-nl">Belgisch-Nederlandse werkgroep spoordossiers</a>"#))
        #expect(try facts.requireDefinition("Trekkers").markup.contains(#"<a href="/organisations#ienw">Ministerie van Infrastructuur en Waterstaat (IenW)</a>"#))

        let milestones = try document.requireSection("h-milestones")
        #expect(try milestones.requireElement("li#ondertekening-verklaring-2026").classes == ["state-done"])
        let overdueMilestones = try milestones.select("li.state-overdue[id]")
        #expect(!overdueMilestones.isEmpty)
        #expect(html.contains(#"<span class="badge health-off-track">uit koers</span>"#))
    }

    @Test("A dossier page tells its story oldest document first: agreements and history alike")
    func dossierChronology() async throws {
        let (documents, dossiers) = try await withDemoApp { client in
            (try await client.json("/api/documents"), try await client.json("/api/dossiers"))
        }
        let dates = Dictionary(uniqueKeysWithValues: documents["documents"]?.array.compactMap { document in
            document["id"]?.string.flatMap { id in document["date"]?.string.map { (id, $0) } }
        } ?? [])
        let ids = dossiers.strings("dossiers", "id")
        #expect(ids.count > 10)
        let pages = try await withDemoApp { client in
            var pages: [(String, JSONValue)] = []
            for id in ids { pages.append((id, try await client.json("/api/dossiers/\(id)"))) }
            return pages
        }
        for (id, page) in pages {
            let sources = page["agreements"]?.array.compactMap { agreement -> (document: String, anchor: Int)? in
                guard let document = agreement["source"]?["documentID"]?.string,
                      let anchor = agreement["source"]?["anchor"]?.string, let number = Int(anchor.dropFirst()) else { return nil }
                return (document, number)
            } ?? []
            // Agreements from one document stay together, in text order, documents oldest first.
            var order: [String] = []
            for source in sources where order.last != source.document {
                #expect(!order.contains(source.document), "\(id): agreements of \(source.document) are split by another document's")
                order.append(source.document)
            }
            let orderDates = order.map { dates[$0] ?? "?" }
            #expect(orderDates == orderDates.sorted(), "\(id): documents not oldest first: \(order)")
            for document in order {
                let anchors = sources.filter { $0.document == document }.map(\.anchor)
                #expect(anchors == anchors.sorted(), "\(id): agreements of \(document) are not in text order")
            }
            // The history is the same story: one entry per document, oldest first.
            let history = page["history"]?.array.compactMap { $0["document"]?["id"]?.string } ?? []
            let historyDates = history.map { dates[$0] ?? "?" }
            let datedHistory = history.map { "\($0) (\(dates[$0] ?? "?"))" }
            #expect(historyDates == historyDates.sorted(), "\(id): history not in date order: \(datedHistory)")
            #expect(history == order, "\(id): the history and the agreements tell the documents in a different order")
        }
    }

    // MARK: Documents

    @Test("/documents lists every document, newest first")
    func documentList() async throws {
        let html = try await withDemoApp { try await $0.page("/documents") }
        let ids = html.captures(#"<th scope="row"><a href="/documents/([^"]+)">"#)
        // Dated documents newest first (a year or a month counts from its first day), then the
        // documents without a known date (the Kamerbrief spoorgoederenvervoer and most stubs), by id.
        #expect(ids == ["verklaring-2026", "beslisnota-2026", "slotverklaring-top-2025", "pentagonaal-ministersoverleg-2023-afspraken",
                        "thalassa-intentieverklaring-2022", "verklaring-top-2018", "damesakkoord-2016", "intentieverklaring-integratie-2013",
                        "afspraken-vorige-regeringstop", "doelenboom-spoorgoederen-2026-2030", "financieel-overzicht-spoorgoederen-2026",
                        "kamerbrief-afspraken-belgie", "kamerbrief-goederen-2026", "kamerstuk-29984-1265", "kamerstuk-30821-321",
                        "kamerstuk-34244-14", "onderzoek-rebel-group-betuweroute"])
        // (The ids straight from the file: Yams reads the documents' dates as Date, which JSONValue does not take.)
        let file = try String(contentsOf: PackageFiles.root.appendingPathComponent("data/demo/documents.yaml"), encoding: .utf8)
        let demoIDs = file.captures(#"(?m)^  - id: ([a-z0-9-]+)$"#)
        #expect(Set(ids) == Set(demoIDs), "every document of the demo data, and only those")
        #expect(ids.count == demoIDs.count)
        #expect(html.contains("<td>IENW/BSK-2026/25751</td>"))
        let undated = try HTMLDocument(parsing: html).requireElement("tr", having: #"a[href="/documents/kamerbrief-goederen-2026"]"#)
        #expect(undated.elements(tag: "time").isEmpty, "the Kamerbrief spoorgoederenvervoer has no date")
    }

    @Test("/documents/verklaring-2026 shows metadata, anchored paragraphs, marked passages and the ten bullets")
    func declaration2026() async throws {
        let html = try await withDemoApp { try await $0.page("/documents/verklaring-2026") }
        #expect(html.contains("<h1>Gezamenlijke verklaring intensivering samenwerking op spoordossiers</h1>"))
        let document = try HTMLDocument(parsing: html)
        let facts = try document.requireElement("dl.facts")
        #expect(try facts.requireDefinition("Soort").text == "Gezamenlijke verklaring")
        let date = try facts.requireDefinition("Datum")
        #expect(date.markup.contains(#"<time datetime="2026-02-18">18 februari 2026</time>"#))
        #expect(date.markup.hasSuffix(", Antwerpen</dd>"), "the place follows the date")
        #expect(date.text.contains("(bron van de datum: in de tekst (slotregel: '18 februari 2026 te Antwerpen'))"), "where the date comes from: \(date.text)")
        let signatories = try facts.requireDefinition("Ondertekenaars")
        #expect(signatories.text.contains("Jean-Luc Crucke, Minister van Mobiliteit"))
        #expect(signatories.text.contains("A.A. (Thierry) Aartsen, Staatssecretaris van Infrastructuur en Waterstaat"))
        #expect(facts.hrefs.contains("/organisations#fod-mobiliteit"))
        let terms = try facts.select("dt").map(\.text)
        #expect(terms.contains("Samenvatting"))
        #expect(!terms.contains("Kenmerk"), "the declaration has no reference: \(terms)")

        // Paragraphs p1…pN, each with its anchor, in order.
        let text = try document.requireSection("h-text")
        let anchors = text.markup.captures(#"<(?:h3|p|li) id="(p\d+)""#)
        #expect(anchors.count > 26)
        let expectedAnchors = (1...anchors.count).map { "p\($0)" }
        #expect(anchors == expectedAnchors, "anchors are p1, p2, … in order")
        #expect(text.markup.contains(#"<h3 id="p1" class="text-heading">"#))
        #expect(text.markup.contains(##"<a class="anchor" href="#p13">p13</a>"##))

        // Marked passages link to their agreement, and each agreement is on the page.
        let marked = text.markup.captures(##"<a class="passage" href="#agreement-([a-z0-9-]+)"[^>]*><mark>"##)
        #expect(marked.count >= 20)
        let agreements = try document.requireSection("h-agreements")
        for id in marked { #expect(agreements.element(id: "agreement-\(id)")?.hasClass("agreement") == true, "no agreement item for \(id)") }
        #expect(marked.contains("verklaring-2026-werkgroep-tweemaal-per-jaar"))
        #expect(text.markup.contains(#"<mark>Het verbeteren van de coördinatie en de uitrol van het ERTMS;</mark>"#))

        // The ten dossiers of the declaration are ten list items p17…p26 in one list.
        let list = try text.requireElement("ul.text-list")
        let items = try list.select("li").map { $0.id ?? "<no id>" }
        let expectedItems = (17...26).map { "p\($0)" }
        #expect(items == expectedItems, "the ten dossiers are list items p17…p26")
        #expect(!list.mentions("•"), "the bullet marker is not part of the text")
        #expect(list.text.contains("(3RX);"))
    }

    @Test("A document page has no empty lists: one <ul class=\"text-list\"> per list of list items")
    func documentHasNoEmptyLists() async throws {
        let (html, page) = try await withDemoApp { client in
            (try await client.page("/documents/verklaring-2026"), try await client.json("/api/documents/verklaring-2026"))
        }
        let lists = page["blocks"]?.array.filter { $0["list"] != nil }.count ?? -1
        #expect(lists == 1)
        let document = try HTMLDocument(parsing: html)
        _ = try document.requireSection("h-text")
        let textLists = try document.select("ul.text-list")
        #expect(textLists.count == lists)
        let emptyLists = textLists.filter { $0.elements(tag: "li").isEmpty }
        #expect(emptyLists.isEmpty, "\(emptyLists.map(\.description))")
    }

    @Test("No page renders an empty list (an empty <ul> or <ol> is announced as a list of nothing)", arguments: [
        "/", "/dossiers", "/dossiers/3rx", "/dossiers/mol-weert", "/documents", "/documents/verklaring-2026",
        "/documents/kamerbrief-goederen-2026", "/bodies", "/bodies/werkgroep-be-nl", "/bodies/pentagonaal-overleg",
        "/organisations", "/investments",
    ])
    func noEmptyLists(path: String) async throws {
        let html = try await withDemoApp { try await $0.page(path) }
        let document = try HTMLDocument(parsing: html)
        _ = try document.requireElement("main")
        let lists = document.elements(tag: "ul") + document.elements(tag: "ol")
        #expect(!lists.isEmpty, "every page has at least the menu")
        let empty = lists.filter { $0.elements(tag: "li").isEmpty }
        #expect(empty.isEmpty, "\(path) has \(empty.count) empty lists: \(empty.map(\.description))")
    }

    @Test("/documents/beslisnota-2026 shows its reference, deadline and attachments")
    func decisionMemo() async throws {
        let html = try await withDemoApp { try await $0.page("/documents/beslisnota-2026") }
        #expect(html.contains("<h1>Beslisnota Kamerbrief Afspraken met België over spoordossiers</h1>"))
        #expect(html.contains("<dt>Kenmerk</dt><dd>IENW/BSK-2026/25751</dd>"))
        #expect(html.contains("<dt>Soort</dt><dd>Beslisnota</dd>"))
        #expect(html.contains(#"<time datetime="2026-02-10">10 februari 2026</time>"#))
        #expect(html.contains("<dt>Termijn</dt><dd>18 februari 2026</dd>"))
        #expect(html.contains("<dt>Bijlagen</dt><dd>3</dd>"))
        #expect(html.contains(#"<p id="p1""#) || html.contains(#"<h3 id="p1""#))
    }

    // MARK: Bodies

    @Test("/bodies lists every body with its rule")
    func bodyList() async throws {
        let html = try await withDemoApp { try await $0.page("/bodies") }
        #expect(html.contains(#"<a href="/bodies/werkgroep-be-nl">Belgisch-Nederlandse werkgroep spoordossiers</a>"#))
        #expect(html.contains(#"<a href="/bodies/politiek-overleg">"#))
        #expect(html.contains("<td>ten minste eenmaal per kalenderjaar</td>"))
        #expect(html.contains("<td>ten minste eenmaal per halfjaar</td>"))
    }

    @Test("/bodies/werkgroep-be-nl says its rule in words and shows compliance per year")
    func workingGroup() async throws {
        let html = try await withDemoApp { try await $0.page("/bodies/werkgroep-be-nl") }
        #expect(html.contains("<h1>Belgisch-Nederlandse werkgroep spoordossiers</h1>"))
        let document = try HTMLDocument(parsing: html)
        let facts = try document.requireElement("dl.facts")
        #expect(try facts.requireDefinition("Ritme").text == "ten minste tweemaal per kalenderjaar (sinds 18 februari 2026)")
        #expect(facts.markup.contains(#"<a href="/bodies/dg-overleg">DG-overleg spoordossiers</a>"#))
        let sourceLinks = facts.hrefs.filter { $0.hasPrefix("/documents/verklaring-2026#p") }
        #expect(!sourceLinks.isEmpty, "the rule's source passage")
        #expect(facts.text.contains("tweemaal per jaar bijeen"))

        let compliance = try document.requireSection("h-compliance")
        _ = try compliance.requireElement("table")
        let judgedYears = try compliance.select(#"tbody th[scope="row"]"#).map(\.text)
        #expect(judgedYears.contains("2026"))
        // The rule applies from 18 February 2026: no earlier year is judged.
        #expect(!judgedYears.contains("2025"), "\(judgedYears)")
        let row2026 = try compliance.requireElement("tr", having: #"th[scope="row"]"#, text: "2026")
        #expect(row2026.elements(tag: "td").map(\.text).contains("2"), "two meetings are required in 2026")
        let complianceBadges = row2026.descendants.flatMap(\.classes).filter { $0.hasPrefix("compliance-") }
        #expect(!complianceBadges.isEmpty)

        let members = try document.requireSection("h-members")
        #expect(members.text.contains("— covoorzitter"))
        #expect(members.hrefs == ["/organisations#ienw", "/organisations#fod-mobiliteit"], "the two co-chairs are the members")
        // The demo data has no invited members here any more: no heading over an empty group.
        #expect(try !members.select("h3").map(\.text).contains("Genodigden wanneer relevant"))

        let dossiers = try document.requireSection("h-dossiers")
        #expect(dossiers.hrefs.contains("/dossiers/ertms"))
        #expect(dossiers.hrefs.contains("/dossiers/3rx"), "3RX is one of the ten dossiers of the 2026 declaration, carried by this working group")
        #expect(!dossiers.hrefs.contains("/dossiers/mol-weert"), "Mol–Weert is carried by the Vlaams-Nederlandse Top")
    }

    @Test("/bodies/werkgroep-be-nl lists invited members under their own heading")
    func workingGroupInvitedMembers() async throws {
        // The demo data has no invited members; the admin invites ProRail through the members API.
        let html = try await withAccountsApp { client, _ -> String in
            let root = Browser(client)
            try await root.signIn("root")
            let list = try await root.get("/api/bodies/werkgroep-be-nl/members")
            let etag = try #require(list.headers[.eTag])
            let json = #"{"members":[{"bodyID":"werkgroep-be-nl","organisationID":"ienw","role":"co-chair","invited":false,"from":"2026-02-18"},"#
                + #"{"bodyID":"werkgroep-be-nl","organisationID":"fod-mobiliteit","role":"co-chair","invited":false,"from":"2026-02-18"},"#
                + #"{"bodyID":"werkgroep-be-nl","organisationID":"prorail","role":"invited","invited":true}]}"#
            let put = try await root.send(.put, "/api/bodies/werkgroep-be-nl/members", json: json, ifMatch: etag)
            try #require(put.status == .ok, "\(put.text.prefix(300))")
            return try await client.page("/bodies/werkgroep-be-nl")
        }
        let members = try HTMLDocument(parsing: html).requireSection("h-members")
        #expect(members.text.contains("— covoorzitter"))
        #expect(try members.select("h3").map(\.text).contains("Genodigden wanneer relevant"))
        #expect(members.markup.contains(#"<a href="/organisations#prorail">ProRail</a>"#))
    }

    // MARK: Organisations and investments

    @Test("/organisations lists every organisation")
    func organisations() async throws {
        let organisations = try DemoData.organisations()
        let html = try await withDemoApp { try await $0.page("/organisations") }
        for organisation in organisations {
            #expect(html.contains(#"<tr id="\#(organisation.id)"><th scope="row">\#(organisation.name.htmlEscaped)"#),
                    "organisation \(organisation.id) missing")
        }
        #expect(html.captures(#"<tr id="([^"]+)">"#).count == organisations.count)
        #expect(html.contains(#"<a href="/organisations#ienw">Ministerie van Infrastructuur en Waterstaat</a>"#), "a parent link")
    }

    @Test("/investments shows an upper bound as 'tot € 1 mld' and never counts it as firm money")
    func investments() async throws {
        let (html, page) = try await withDemoApp { client in
            (try await client.page("/investments"), try await client.json("/api/investments"))
        }
        let document = try HTMLDocument(parsing: html)
        let billionRow = try document.requireSection("h-all").requireElement("tr#kamerbrief-2026-miljard")
        let billionCells = billionRow.elements(tag: "td").map(\.text)
        #expect(billionCells.contains("tot € 1 mld"))
        #expect(billionCells.contains("bovengrens"))
        #expect(billionCells.contains("tot wel een miljard"))

        let byCountry = try document.requireSection("h-country")
        let byDossier = try document.requireSection("h-dossier")
        // The total is the first cell after the row's header, in both tables.
        let totalRows = try byCountry.select("tbody > tr") + byDossier.select("tbody > tr")
        var labels: [String] = []
        for row in totalRows { labels.append(try #require(row.elements(tag: "td").first, "no total in \(row)").text) }
        #expect(!labels.isEmpty)
        for label in labels {
            // The firm part is what comes before "ten hoogste" / "waarvan"; the billion is only a ceiling.
            let firm = label.components(separatedBy: ", ten hoogste").first!.components(separatedBy: ";").first!
            #expect(!firm.contains("mld"), "the firm part of “\(label)” contains the upper bound")
        }
        let netherlands = try byCountry.requireElement("tr", having: #"th[scope="row"]"#, text: "Nederland")
        #expect(netherlands.text.contains("ten minste € 200 mln"))
        #expect(netherlands.text.contains("ten hoogste € 1,25 mld"))
        #expect(netherlands.text.contains("waarvan € 1 mld alleen als bovengrens"))

        for total in page["totalsByCountry"]?.array ?? [] {
            #expect((total["firmCents"]?.int ?? 0) < 100_000_000_000, "€ 1 mld counted as firm in \(total)")
        }
        let nl = page["totalsByCountry"]?.array.first { $0["key"]?.string == "NL" }
        #expect(nl?["firmCents"]?.int == 20_000_000_000)
        #expect(nl?["ceilingCents"]?.int == 125_000_000_000)
        #expect(nl?["upperBoundCents"]?.int == 100_000_000_000)
        #expect(nl?["isExact"]?.bool == false)
        #expect(nl?["count"]?.int == 2, "the parts of the €200–250 mln are not counted again")
    }

    // MARK: Not found

    @Test("Unknown ids answer 404: a page in HTML, a problem document under /api", arguments: [
        ("dossiers", "dossier"), ("documents", "document"), ("bodies", "overleg"),
    ])
    func unknownRecord(collection: String, kind: String) async throws {
        let (html, problem) = try await withDemoApp { client in
            (try await client.get("/\(collection)/nope"), try await client.get("/api/\(collection)/nope"))
        }
        #expect(html.status == .notFound)
        #expect(html.headers[.contentType]?.hasPrefix("text/html") == true)
        #expect(html.text.contains("<h1>Niet gevonden</h1>"))
        #expect(html.text.contains("Er is geen \(kind) “nope”"))

        #expect(problem.status == .notFound)
        #expect(problem.headers[.contentType] == "application/problem+json")
        let body = try problem.json()
        #expect(body["status"]?.int == 404)
        #expect(body["title"]?.string == "Niet gevonden", "the title names the status in the reader's language (Dutch by default)")
        #expect(body["type"]?.string == "about:blank")
        #expect(body["detail"]?.string?.contains("nope") == true)
    }

    @Test("An unknown path answers 404: an HTML page, or a problem document under /api")
    func unknownPath() async throws {
        let (page, api) = try await withDemoApp { client in
            (try await client.get("/nope"), try await client.get("/api/nope"))
        }
        #expect(page.status == .notFound)
        #expect(page.headers[.contentType]?.hasPrefix("text/html") == true)
        #expect(page.text.contains("<h1>Niet gevonden</h1>"))
        #expect(api.status == .notFound)
        #expect(api.headers[.contentType] == "application/problem+json")
        #expect(try api.json()["status"]?.int == 404)
    }

    // MARK: Headers and files

    static let htmlPaths = [
        "/", "/dossiers", "/dossiers?theme=freight", "/dossiers/3rx", "/documents", "/documents/verklaring-2026",
        "/bodies", "/bodies/werkgroep-be-nl", "/organisations", "/investments", "/dossiers/nope", "/nope",
    ]

    @Test("HTML answers carry a Content-Security-Policy and X-Content-Type-Options: nosniff", arguments: htmlPaths)
    func securityHeaders(path: String) async throws {
        let response = try await withDemoApp { try await $0.get(path) }
        #expect(response.headers[.contentType]?.hasPrefix("text/html") == true)
        let policy = try #require(response.headers[HTTPField.Name("Content-Security-Policy")!])
        #expect(policy.contains("default-src 'self'"))
        #expect(policy.contains("frame-ancestors 'none'"))
        #expect(!policy.contains("unsafe-inline"))
        #expect(response.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
        let document = try response.document()
        _ = try document.requireElement("main")
        #expect(document.elements(tag: "script").isEmpty, "the pages need no script")
    }

    @Test("JSON answers carry X-Content-Type-Options: nosniff")
    func jsonNosniff() async throws {
        let responses = try await withDemoApp { client in
            [try await client.get("/api/overview"), try await client.get("/api/dossiers/nope")]
        }
        for response in responses { #expect(response.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff") }
    }

    @Test("Every page marks its place in the navigation", arguments: [
        ("/", "Overzicht"), ("/dossiers/3rx", "Dossiers"), ("/documents", "Documenten"), ("/bodies/politiek-overleg", "Overleggen"),
        ("/organisations", "Organisaties"), ("/investments", "Investeringen"),
    ])
    func navigation(path: String, label: String) async throws {
        let html = try await withDemoApp { try await $0.page(path) }
        #expect(html.captures(#"aria-current="page">([^<]+)</a>"#) == [label])
    }

    @Test("/openapi.yaml is served as YAML")
    func openAPIDocument() async throws {
        let response = try await withDemoApp { try await $0.get("/openapi.yaml") }
        #expect(response.status == .ok)
        #expect(response.headers[.contentType]?.hasPrefix("application/yaml") == true)
        let file = try String(contentsOfFile: PackageFiles.resources + "/openapi.yaml", encoding: .utf8)
        #expect(response.text == file)
        #expect(response.text.hasPrefix("openapi: 3.1"))
    }

    @Test("/static/site.css is served")
    func stylesheet() async throws {
        let response = try await withDemoApp { try await $0.get("/static/site.css") }
        #expect(response.status == .ok)
        #expect(response.headers[.contentType]?.hasPrefix("text/css") == true)
        let file = try String(contentsOfFile: PackageFiles.resources + "/static/site.css", encoding: .utf8)
        #expect(response.text == file)
    }

    @Test("/_ping answers ok")
    func ping() async throws {
        let response = try await withDemoApp { try await $0.get("/_ping") }
        #expect(response.status == .ok)
        #expect(response.text == "ok")
    }
}
