import DeltaDomain
import DeltaImport
import DeltaStore
import Testing

/// The facts the product needs from the demo register (data/demo), read back through the
/// Register API after an import through `Importer.run`.
@Suite("Demo data")
struct DemoDataTests {
    /// Imports the demo data into a fresh database and runs `body` on it.
    private func withDemo(_ kind: EngineKind, _ body: (any DatabaseEngine) async throws -> Void) async throws {
        try await withDatabase(kind) { database in
            let summary = try await Demo.importInto(database.engine)
            #expect(summary.inserted > 0 && summary.updated == 0 && summary.unchanged == 0, "\(summary)")
            try await body(database.engine)
        }
    }

    @Test("the five documents and their metadata", arguments: allEngines)
    func documents(kind: EngineKind) async throws {
        try await withDemo(kind) { engine in
            let all = try await reading(engine) { try await $0.documents() }
            let documents = all.filter { !$0.isStub }
            #expect(Set(documents.map(\.id)) == ["verklaring-2026", "beslisnota-2026", "slotverklaring-top-2025",
                                                  "kamerbrief-goederen-2026", "verklaring-top-2018"])
            // Newest first, documents of unknown date last.
            let days = all.map { $0.date?.earliest.iso ?? "" }
            #expect(days == days.sorted(by: >), "documents come newest first")
            #expect(all.filter(\.isStub).allSatisfy { $0.text.isEmpty }, "stubs have no text")

            let verklaring = try #require(try await document("verklaring-2026", engine))
            #expect(verklaring.kind == .jointDeclaration)
            #expect(verklaring.date == FuzzyPeriod(day: day("2026-02-18"), wording: "2026-02-18"))
            #expect(verklaring.dateSource != nil)
            // The declaration is the planned addendum to the Thalassa declaration of intent (a stub).
            let addendum = try #require(verklaring.relations.first { $0.kind == .addendumTo })
            #expect(addendum.planned)
            let thalassa = try #require(try await document(addendum.targetID, engine))
            #expect(thalassa.isStub)
            #expect(verklaring.place == "Antwerpen")
            #expect(verklaring.issuerIDs == ["ienw", "fod-mobiliteit"])
            let signers = verklaring.signatories.map(\.name)
            let crucke = verklaring.signatories.first(where: { $0.name.contains("Crucke") })
            let aartsen = verklaring.signatories.first(where: { $0.name.contains("Aartsen") })
            #expect(crucke != nil, "signatories: \(signers)")
            #expect(aartsen != nil, "signatories: \(signers)")
            #expect(crucke?.organisationID == "fod-mobiliteit")
            #expect(aartsen?.organisationID == "ienw")

            let nota = try #require(try await document("beslisnota-2026", engine))
            #expect(nota.kind == .decisionMemo)
            #expect(nota.reference == "IENW/BSK-2026/25751")
            let deadline = try #require(nota.deadline)
            #expect(deadline.earliest == day("2026-02-18") && deadline.latest == day("2026-02-18"), "deadline: \(deadline)")
            #expect(nota.attachmentCount == 3)

            let top2025 = try #require(try await document("slotverklaring-top-2025", engine))
            #expect(top2025.date?.earliest == day("2025-04-01"))
            #expect(top2025.place == "Gent")

            let kamerbrief = try #require(try await document("kamerbrief-goederen-2026", engine))
            #expect(kamerbrief.kind == .letterToParliament)
            // The letter does not say its date: unknown, never invented.
            #expect(kamerbrief.date == nil)

            let top2018 = try #require(try await document("verklaring-top-2018", engine))
            #expect(top2018.date?.earliest.year == 2018)
            #expect(top2018.dateSource != nil, "the 2018 date does not come from the text; the source says where it does")

            // Every document's text is stored and split into paragraphs p1, p2, … in order.
            for document in documents {
                #expect(!document.text.isEmpty, "\(document.id) has no text")
                let paragraphs = try await reading(engine) { try await $0.paragraphs(documentID: document.id) }
                #expect(paragraphs == document.paragraphs, "\(document.id): stored paragraphs differ from the text's")
                let expectedAnchors = paragraphs.indices.map { "p\($0 + 1)" }
                #expect(paragraphs.map(\.anchor) == expectedAnchors, "\(document.id) anchors")
            }
        }
    }

    private func document(_ id: String, _ engine: any DatabaseEngine) async throws -> Document? {
        try await reading(engine) { try await $0.document(id: id) }
    }

    private func agreement(_ id: String, _ engine: any DatabaseEngine) async throws -> Agreement? {
        try await reading(engine) { try await $0.agreement(id: id) }
    }

    @Test("the organisations", arguments: allEngines)
    func organisations(kind: EngineKind) async throws {
        try await withDemo(kind) { engine in
            let organisations = try await reading(engine) { try await $0.organisations() }
            let byID = Dictionary(uniqueKeysWithValues: organisations.map { ($0.id, $0) })
            let expected: [(String, Country)] = [
                ("ienw", .NL), ("fod-mobiliteit", .BE), ("vlaamse-regering", .BE), ("prorail", .NL), ("infrabel", .BE),
                ("ns", .NL), ("nmbs", .BE), ("port-antwerpen-brugge", .BE), ("north-sea-port", .NL),
                ("havenbedrijf-rotterdam", .NL),
            ]
            for (id, country) in expected {
                #expect(byID[id]?.country == country, "organisation \(id): \(String(describing: byID[id]))")
            }
            let germans = organisations.filter { $0.country == .DE }
            #expect(!germans.isEmpty, "no German organisation")
            #expect(byID["ienw-dg-mobiliteit"]?.parentID == "ienw")
            let one = try await reading(engine) { try await $0.organisation(id: "fod-mobiliteit") }
            #expect(one?.level == .federal)
        }
    }

    @Test("the bodies, their cadences and members", arguments: allEngines)
    func bodies(kind: EngineKind) async throws {
        try await withDemo(kind) { engine in
            let bodies = try await reading(engine) { try await $0.bodies() }
            let byID = Dictionary(uniqueKeysWithValues: bodies.map { ($0.id, $0) })
            for id in ["politiek-overleg", "werkgroep-be-nl", "delta-beraad", "dg-overleg", "thalassa-top",
                       "vlaams-nederlandse-top", "grensregio-overleg", "grensregio-overleg-2018", "werkgroep-3rx"] {
                #expect(byID[id] != nil, "body \(id) is missing")
            }
            #expect(byID["politiek-overleg"]?.cadence == .perYear(count: 1))
            #expect(byID["werkgroep-be-nl"]?.cadence == .perYear(count: 2))
            #expect(byID["grensregio-overleg"]?.cadence == .perHalfYear(count: 1))
            #expect(byID["werkgroep-be-nl"]?.since == day("2026-02-18"))
            #expect(byID["werkgroep-be-nl"]?.parentID == "dg-overleg")
            #expect(byID["politiek-overleg"]?.establishedBy?.documentID == "verklaring-2026")

            let organisations = Dictionary(uniqueKeysWithValues: try await reading(engine) { try await $0.organisations() }.map { ($0.id, $0) })
            let members3rx = try await reading(engine) { try await $0.memberships(bodyID: "werkgroep-3rx") }
            let memberCountries = Set(members3rx.compactMap { organisations[$0.organisationID]?.country })
            #expect(memberCountries == [.NL, .BE], "werkgroep-3rx members: \(members3rx.map(\.organisationID))")
            #expect(byID["pentagonaal-overleg"] != nil)
            // 3RX reaches the political consultation's tree, so its agenda and report.
            let dossier3rx = try #require(try await reading(engine) { try await $0.dossier(id: "3rx") })
            let tree = BodyTree.ids(under: "politiek-overleg", in: bodies)
            #expect(dossier3rx.bodyID.map(tree.contains) == true, "3rx is carried by \(dossier3rx.bodyID ?? "no body")")
            // The register keeps the meetings of the bodies the 2026 declaration set up from its signing.
            #expect(byID["politiek-overleg"]?.meetingsRecordedSince == day("2026-02-18"))
            #expect(byID["vlaams-nederlandse-top"]?.meetingsRecordedSince == nil)
            let membersWG = try await reading(engine) { try await $0.memberships(bodyID: "werkgroep-be-nl") }
            #expect(membersWG.prefix(2).map(\.organisationID) == ["ienw", "fod-mobiliteit"])
            #expect(membersWG.prefix(2).map(\.role) == [.cochair, .cochair])
            #expect(membersWG.prefix(2).map(\.invited) == [false, false])
            // Invited "afhankelijk van de agenda" or "indien relevant": invitees of a meeting, not members.
            let consultation = try await reading(engine) { try await $0.memberships(bodyID: "politiek-overleg") }
            let invited = (membersWG + consultation).filter(\.invited)
            #expect(invited.isEmpty)
            let summer = try #require(try await reading(engine) { try await $0.meeting(id: "politiek-overleg-zomer-2026") })
            #expect(!summer.invitees.isEmpty)
        }
    }

    @Test("the dossiers, and 3RX across 2018, 2025 and 2026", arguments: allEngines)
    func dossiers(kind: EngineKind) async throws {
        try await withDemo(kind) { engine in
            let ids = Set(try await reading(engine) { try await $0.dossiers() }.map(\.id))
            let declaration2026 = ["ertms", "noord-brabant-personenvervoer", "limburg-verbindingen", "brainport-brussel",
                                   "lokale-grensnetwerken", "3rx", "gent-terneuzen", "militaire-mobiliteit",
                                   "efficientie-spoor", "capaciteitsverdeling"]
            let others = ["740-meter-treinen", "betuweroute", "kijfhoek", "rotterdam-haven-capaciteit", "hamont-weert",
                          "mol-weert", "goederenstromen-data"]
            for id in declaration2026 + others {
                #expect(ids.contains(id), "dossier \(id) is missing")
            }

            // Every dossier of the 2026 declaration is tasked by it: the framework agreement lists all ten.
            let framework = try #require(try await agreement("verklaring-2026-afsprakenkader", engine))
            #expect(Set(declaration2026).isSubset(of: Set(framework.dossierIDs)), "framework dossiers: \(framework.dossierIDs)")

            let ertmsLookup = try await reading(engine) { try await $0.dossier(id: "ertms") }
            let ertms = try #require(ertmsLookup)
            #expect(ertms.bodyID == "werkgroep-be-nl")
            #expect(ertms.mandate?.given.latest == day("2026-02-18"))

            let documents = Dictionary(uniqueKeysWithValues: try await reading(engine) { try await $0.documents() }.map { ($0.id, $0) })
            let agreements3rx = try await reading(engine) { try await $0.agreements(dossierID: "3rx") }
            let unrelated = agreements3rx.filter { !$0.dossierIDs.contains("3rx") }.map(\.id)
            #expect(unrelated.isEmpty)
            let years = Set(agreements3rx.compactMap { documents[$0.source.documentID]?.date?.earliest.year })
            #expect(years.isSuperset(of: [2018, 2025, 2026]), "3rx agreements come from documents of \(years.sorted())")
        }
    }

    @Test("every agreement's quote is found at its paragraph span", arguments: allEngines)
    func agreementQuotes(kind: EngineKind) async throws {
        try await withDemo(kind) { engine in
            let agreements = try await reading(engine) { try await $0.agreements() }
            #expect(agreements.count > 50)
            try await expectPassagesResolve(agreements.map { ("agreement \($0.id)", $0.source) }, engine)
        }
    }

    @Test("every other quoted passage (bodies, milestones, meetings, investments) is found at its span", arguments: allEngines)
    func otherPassages(kind: EngineKind) async throws {
        try await withDemo(kind) { engine in
            let all = try await snapshot(engine)
            var passages: [(String, PassageReference)] = []
            passages += all.bodies.compactMap { body in body.establishedBy.map { ("body \(body.id)", $0) } }
            passages += all.milestones.compactMap { m in m.source.map { ("milestone \(m.id)", $0) } }
            passages += all.meetings.compactMap { m in m.source.map { ("meeting \(m.id)", $0) } }
            passages += all.investments.compactMap { i in i.source.map { ("investment \(i.id)", $0) } }
            #expect(passages.count > 25)
            try await expectPassagesResolve(passages, engine)
        }
    }

    private func expectPassagesResolve(_ passages: [(String, PassageReference)], _ engine: any DatabaseEngine) async throws {
        var paragraphsByDocument: [String: [Paragraph]] = [:]
        for (record, passage) in passages {
            if paragraphsByDocument[passage.documentID] == nil {
                let documentID = passage.documentID
                paragraphsByDocument[documentID] = try await reading(engine) { try await $0.paragraphs(documentID: documentID) }
            }
            let paragraphs = paragraphsByDocument[passage.documentID] ?? []
            let found = passageText(passage, in: paragraphs)
            #expect(found.map(whitespaceFolded) == whitespaceFolded(passage.quote),
                    "\(record): \(passage.documentID)#\(passage.anchor) [\(passage.start), +\(passage.length)) is “\(found ?? "outside the paragraph")”, quote is “\(passage.quote)”")
        }
    }

    @Test("the milestones: signing, framework, follow-up, debate, implementation agenda", arguments: allEngines)
    func milestones(kind: EngineKind) async throws {
        try await withDemo(kind) { engine in
            let milestones = try await reading(engine) { try await $0.milestones() }
            let byID = Dictionary(uniqueKeysWithValues: milestones.map { ($0.id, $0) })

            let signings = milestones.filter { $0.status == .achieved && $0.achievedOn == day("2026-02-18") }
            #expect(!signings.isEmpty, "no signing achieved on 2026-02-18")
            // Shared events are one milestone with all their dossiers, not a copy per dossier.
            let signing = try #require(byID["ondertekening-verklaring-2026"])
            #expect(signing.status == .achieved && signing.achievedOn == day("2026-02-18"))
            #expect(signing.dossierIDs.count == 10 && signing.dossierIDs.contains("ertms") && signing.dossierIDs.contains("3rx"))
            #expect(signings.count == 1, "one signing milestone: \(signings.map(\.id))")

            let framework = try #require(byID["afsprakenkader-zomer-2026"])
            #expect(framework.due.wording == "rond de zomer van 2026")
            #expect(framework.due.latest == day("2026-09-30"))
            #expect(framework.status == .planned)

            let followUp = try #require(byID["vervolgbijeenkomst-2026-q2"])
            #expect(followUp.due.wording == "eind tweede kwartaal 2026")
            #expect(followUp.due.latest == day("2026-06-30"))

            let debates = milestones.filter { $0.due.earliest == day("2026-06-17") && $0.due.latest == day("2026-06-17") }
            #expect(!debates.isEmpty, "no milestone on 2026-06-17")
            #expect(debates.map(\.id) == ["kamerdebat-spoorgoederenvervoer-2026"], "debates: \(debates.map(\.id))")
            #expect(debates.first?.dossierIDs.contains("740-meter-treinen") == true)

            let agenda = milestones.filter { $0.id.hasPrefix("uitvoeringsagenda") }
            #expect(!agenda.isEmpty, "no implementation agenda milestone")
            let agendaDescription = agenda.map { "\($0.id): \($0.due.wording) → \($0.due.latest)" }
            let agendaWrong = agenda.filter { !$0.due.wording.contains("voor de zomer") || $0.due.latest != day("2026-06-30") }
            #expect(agendaWrong.isEmpty, "\(agendaDescription)")

            // The per-dossier filter and the deadline order.
            let ertms = try await reading(engine) { try await $0.milestones(dossierID: "ertms") }
            #expect(ertms.map(\.id) == ["ondertekening-verklaring-2026", "vervolgbijeenkomst-2026-q2", "afsprakenkader-zomer-2026"])
            #expect(milestones.map(\.due.latest) == milestones.map(\.due.latest).sorted())

            // The agreement with a period without a year takes its document's year.
            let uitvoering = try #require(try await agreement("kamerbrief-2026-uitvoeringsagenda", engine))
            #expect(uitvoering.due?.latest == day("2026-06-30"))
        }
    }

    @Test("the meetings: Gent 2025 held, a politiek-overleg meeting planned", arguments: allEngines)
    func meetings(kind: EngineKind) async throws {
        try await withDemo(kind) { engine in
            let meetings = try await reading(engine) { try await $0.meetings() }
            let gent = meetings.filter {
                $0.status == .held && $0.when.earliest == day("2025-04-01") && $0.when.latest == day("2025-04-01") && $0.place == "Gent"
            }
            #expect(!gent.isEmpty, "no meeting held on 2025-04-01 in Gent")
            let planned = try await reading(engine) { try await $0.meetings(bodyID: "politiek-overleg") }
            #expect(Set(planned.map(\.bodyID)) == ["politiek-overleg"])
            let stillPlanned = planned.filter { $0.status == .planned }
            let held = planned.filter { $0.status == .held && $0.when.latest == day("2026-02-18") }
            #expect(!stillPlanned.isEmpty, "no planned politiek-overleg meeting")
            #expect(held.isEmpty, "the signing on 2026-02-18 is not a held political consultation")
        }
    }

    @Test("the investments, their kinds and parts", arguments: allEngines)
    func investments(kind: EngineKind) async throws {
        try await withDemo(kind) { engine in
            let investments = try await reading(engine) { try await $0.investments() }
            let byID = Dictionary(uniqueKeysWithValues: investments.map { ($0.id, $0) })
            let million: Int64 = 100_000_000  // one million euros in cents

            let billion = try #require(byID["kamerbrief-2026-miljard"])
            #expect(billion.amount == .upToAtMost(cents: 100_000_000_000))
            #expect(billion.amount.kind == .upToAtMost && billion.amount.maximumCents == 100_000_000_000)

            let extra = try #require(byID["kamerbrief-2026-extra-middelen"])
            #expect(extra.amount == Amount.range(minimumCents: 200 * million, maximumCents: 250 * million))

            #expect(byID["kamerbrief-2026-rotterdam"]?.amount == .exact(cents: 130 * million))
            #expect(byID["kamerbrief-2026-740m"]?.amount == .exact(cents: 39 * million))
            #expect(byID["kamerbrief-2026-kijfhoek"]?.amount == .exact(cents: 30 * million))

            for id in ["kamerbrief-2026-rotterdam", "kamerbrief-2026-740m", "kamerbrief-2026-kijfhoek"] {
                #expect(byID[id]?.partOfID == "kamerbrief-2026-extra-middelen", "\(id) part_of")
            }
            #expect(billion.partOfID == nil && extra.partOfID == nil)
            #expect(byID["kamerbrief-2026-rotterdam"]?.dossierID == "rotterdam-haven-capaciteit")

            let perDossier = try await reading(engine) { try await $0.investments(dossierID: "kijfhoek") }
            #expect(perDossier.map(\.id) == ["kamerbrief-2026-kijfhoek"])
        }
    }
}
