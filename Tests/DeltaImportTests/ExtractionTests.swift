import DeltaDomain
import DeltaImport
import DeltaTestSupport
import Foundation
import Testing

/// Candidates for a text, with an optional document date.
private func extract(_ text: String, date: String? = nil) -> ExtractionResult {
    Extractor().extract(text, document: "test", documentDate: date.flatMap(CalendarDate.init(iso:)))
}

/// Every span is the text it claims, every list sorted: the invariants of the JSON shape.
private func checkSpans(_ result: ExtractionResult, in text: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let scalars = Array(text.unicodeScalars)
    func check(_ start: Int, _ end: Int, _ claimed: String) {
        #expect(start >= 0 && start <= end && end <= scalars.count, "span \(start)..<\(end) in \(scalars.count)", sourceLocation: sourceLocation)
        guard start >= 0, start <= end, end <= scalars.count else { return }
        #expect(String(String.UnicodeScalarView(scalars[start..<end])) == claimed, sourceLocation: sourceLocation)
    }
    result.dates.forEach { check($0.start, $0.end, $0.text) }
    result.amounts.forEach { check($0.start, $0.end, $0.text) }
    result.cadences.forEach { check($0.start, $0.end, $0.text) }
    result.agreements.forEach { check($0.start, $0.end, $0.text) }
    #expect(result.dates.map(\.start) == result.dates.map(\.start).sorted(), sourceLocation: sourceLocation)
    #expect(result.amounts.map(\.start) == result.amounts.map(\.start).sorted(), sourceLocation: sourceLocation)
    #expect(result.agreements.map(\.start) == result.agreements.map(\.start).sorted(), sourceLocation: sourceLocation)
}

@Suite("Extraction: dates and periods")
struct ExtractionDateTests {
    @Test("Dutch dates resolve against the document's date, with their modifiers in the span", arguments: [
        ("Uiterlijk 30 juni 2026 is het klaar.", "Uiterlijk 30 juni 2026", "2026-06-30", "2026-06-30", "day"),
        ("Dit gebeurt vanaf 1 januari 2027.", "vanaf 1 januari 2027", "2027-01-01", nil, "day"),
        ("De regeling loopt tot en met 2030.", "tot en met 2030", nil, "2030-12-31", "year"),
        ("Een kader rond de zomer van 2026.", "rond de zomer van 2026", "2026-06-01", "2026-09-30", "season"),
        ("Het overleg vindt plaats in juni.", "juni", "2026-06-01", "2026-06-30", "month"),
        ("Op 1 april tekenen zij.", "1 april", "2026-04-01", "2026-04-01", "day"),
        ("Een vervolgbijeenkomst eind Q2 2026.", "eind Q2 2026", "2026-06-01", "2026-06-30", "quarter"),
        ("In het tweede kwartaal van 2027 volgt meer.", "tweede kwartaal van 2027", "2027-04-01", "2027-06-30", "quarter"),
        ("In de eerste helft van 2026 wordt het besloten.", "eerste helft van 2026", "2026-01-01", "2026-06-30", "half"),
        ("De doelen 2026-2030 staan vast.", "2026-2030", "2026-01-01", "2030-12-31", "year"),
        ("Dit loopt tot begin 2027.", "tot begin 2027", nil, "2027-03-31", "year"),
        ("Datum 18-02-2026 en ook 2026-03-01.", "18-02-2026", "2026-02-18", "2026-02-18", "day"),
        ("Dit jaar start de studie.", "Dit jaar", "2026-01-01", "2026-12-31", "year"),
        ("De werkgroep rapporteert voor de zomer.", "voor de zomer", "2026-01-01", "2026-06-30", "season"),
    ] as [(String, String, String?, String?, String)])
    func dutch(text: String, span: String, earliest: String?, latest: String?, precision: String) throws {
        let result = extract(text, date: "2026-02-18")
        checkSpans(result, in: text)
        let date = try #require(result.dates.first { $0.text == span }, "\(result.dates.map(\.text))")
        #expect(date.earliest == earliest && date.latest == latest && date.precision == precision, "\(date)")
    }

    @Test("French dates: au plus tard, months and year parts")
    func french() throws {
        let text = "Le rapport est remis au plus tard le 30 juin 2026. Le groupe se réunit fin 2026 et au premier semestre 2027."
        let result = extract(text, date: "2026-02-18")
        checkSpans(result, in: text)
        #expect(result.dates.map(\.text) == ["au plus tard le 30 juin 2026", "fin 2026", "premier semestre 2027"])
        #expect(result.dates.map(\.latest) == ["2026-06-30", "2026-12-31", "2027-06-30"])
    }

    @Test("relative periods: within a time after an event, and the first day of a month after it")
    func relative() {
        let text = "Het verdrag treedt in werking binnen drie maanden na de ondertekening, en de regeling geldt vanaf de eerste dag van de tweede maand volgend op de bekendmaking."
        let result = extract(text, date: "2026-02-18")
        checkSpans(result, in: text)
        let relative = result.dates.filter { $0.precision == "relative" }
        #expect(relative.map(\.text) == ["binnen drie maanden na de ondertekening", "de eerste dag van de tweede maand volgend op de bekendmaking"])
        #expect(relative.allSatisfy { $0.earliest == nil && $0.latest == nil })
    }

    @Test("years in names and references are not dates; a year after a temporal word is")
    func yearsInNames() {
        let text = "Tijdens de Thalassa Top 2022 en in Kamerstukken II 2025/26, 29 984, nr. 1265 staat de Uitvoeringsagenda Spoorgoederenvervoer 2026-2030. Sinds 2011 komen zij samen."
        let result = extract(text, date: "2026-02-18")
        #expect(result.dates.map(\.text) == ["2011"])
    }

    @Test("without a document date, a date without a year stays unresolved")
    func undated() throws {
        let result = extract("Het debat is in juni.")
        let june = try #require(result.dates.first)
        #expect(june.earliest == nil && june.latest == nil && june.precision == "month")
    }
}

@Suite("Extraction: amounts, cadences, agreements")
struct ExtractionRecordTests {
    @Test("amounts keep their kind: exact, approximate, range, up to, at least, old currencies", arguments: [
        ("Er gaat €130 miljoen naar de haven.", "€130 miljoen", "exact", 130_000_000, 130_000_000, "EUR"),
        ("Er is circa €200–250 miljoen beschikbaar gesteld.", "circa €200–250 miljoen", "range", 200_000_000, 250_000_000, "EUR"),
        ("De Rijksoverheid investeert tot wel een miljard in het spoor.", "tot wel een miljard", "up_to", nil, 1_000_000_000, "EUR"),
        ("Vlaanderen betaalt ten minste 5 mln euro.", "ten minste 5 mln euro", "at_least", 5_000_000, nil, "EUR"),
        ("De bijdrage is ongeveer 2,5 miljoen euro.", "ongeveer 2,5 miljoen euro", "approximate", 2_500_000, 2_500_000, "EUR"),
        ("Destijds kostte het 40 miljoen gulden.", "40 miljoen gulden", "exact", 40_000_000, 40_000_000, "NLG"),
        ("Le budget va jusqu'à 1 milliard d'euros.", "jusqu'à 1 milliard d'euros", "up_to", nil, 1_000_000_000, "EUR"),
        ("Het kost tussen 20 en 25 miljoen euro.", "tussen 20 en 25 miljoen euro", "range", 20_000_000, 25_000_000, "EUR"),
        ("Een bedrag van € 1.250.000,50 is betaald.", "€ 1.250.000,50", "exact", 1_250_000.5, 1_250_000.5, "EUR"),
    ] as [(String, String, String, Double?, Double?, String)])
    func amounts(text: String, span: String, kind: String, min: Double?, max: Double?, currency: String) throws {
        let result = extract(text)
        checkSpans(result, in: text)
        let amount = try #require(result.amounts.first, "\(text)")
        #expect(amount.text == span && amount.kind == kind && amount.min == min && amount.max == max && amount.currency == currency, "\(amount)")
    }

    @Test("lengths, counts and percentages are not money; nor is a number beyond what the register can hold")
    func notMoney() {
        #expect(extract("Treinen van 740 meter rijden 5 miljoen kilometer; 30 procent meer.").amounts.isEmpty)
        #expect(extract("Het budget is € 100000000000000000. Of € 1" + String(repeating: "0", count: 400) + ".").amounts.isEmpty)
    }

    @Test("cadences of meetings, with the body named nearby; yearly payments are no cadence", arguments: [
        ("Het Politiek Overleg komt ten minste tweemaal per jaar samen.", "ten minste tweemaal per jaar", 2.0, "Politiek Overleg"),
        ("Er komt een jaarlijks politiek overleg tussen de bewindspersonen.", "jaarlijks", 1.0, "politiek overleg"),
        ("Het halfjaarlijkse Grensregio-Overleg blijft bestaan.", "halfjaarlijkse", 2.0, "Grensregio-Overleg"),
        ("De werkgroep vergadert in april van elk jaar.", "in april van elk jaar", 1.0, "werkgroep"),
        ("Le comité se réunit deux fois par an.", "deux fois par an", 2.0, "comité"),
    ] as [(String, String, Double, String)])
    func cadences(text: String, span: String, perYear: Double, body: String) throws {
        let result = extract(text, date: "2026-02-18")
        checkSpans(result, in: text)
        let cadence = try #require(result.cadences.first, "\(text)")
        #expect(cadence.text == span && cadence.minPerYear == perYear && cadence.body == body, "\(cadence)")
        #expect(extract("Vlaanderen betaalt een jaarlijkse bijdrage van 5 miljoen euro.").cadences.isEmpty)
    }

    @Test("agreements: commitments with their parties; facts, wishes and the minister's own plans are not")
    func agreements() {
        let text = """
        Nederland en Vlaanderen spreken af de studie voor de zomer van 2026 af te ronden. Vlaanderen en Nederland hechten belang aan goede treinen. \
        Daarnaast zullen Vlaanderen en Nederland de dienstregeling afstemmen. Ik zet in op meer goederenvervoer. \
        Het verdrag van 2018 werd in Brussel ondertekend. De Brakke Grond zal trekker zijn voor het programma.
        """
        let result = extract(text, date: "2026-02-18")
        checkSpans(result, in: text)
        #expect(result.agreements.map { String($0.text.prefix(24)) } == ["Nederland en Vlaanderen ", "Daarnaast zullen Vlaande", "De Brakke Grond zal trek"])
        #expect(result.agreements.map(\.parties) == [["Nederland", "Vlaanderen"], ["Vlaanderen", "Nederland"], ["De Brakke Grond"]])
    }

    @Test("list items under an announcing sentence are agreements of their own, across wrapped lines")
    func listItems() {
        let text = """
        De samenwerking omvat in ieder geval de volgende dossiers:

        • Capaciteitsuitbreiding voor personenvervoer tussen Antwerpen en

        Roosendaal (enz.). Parallel daaraan lopen gesprekken;

        • Het opstarten van studies naar Brainport-Brussel;

        Dit is een nieuwe alinea.
        """
        let result = extract(text)
        checkSpans(result, in: text)
        #expect(result.agreements.count == 2)
        #expect(result.agreements.first?.text.hasSuffix("Parallel daaraan lopen gesprekken;") == true)
        #expect(result.agreements.last?.text == "Het opstarten van studies naar Brainport-Brussel;")
    }
}

@Suite("Extraction against the gold annotations of the seeds")
struct ExtractionGoldTests {
    static var goldDirectory: URL { TestPaths.packageRoot.appendingPathComponent("Tests/ExtractionGold") }
    static var texts: URL { TestPaths.packageRoot.appendingPathComponent("data/demo/texts") }
    static var names: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: goldDirectory.path)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
    }

    static func load(_ name: String) throws -> (gold: ExtractionResult, text: String) {
        let gold = try JSONDecoder().decode(ExtractionResult.self, from: Data(contentsOf: goldDirectory.appendingPathComponent(name)))
        let text = try String(contentsOf: texts.appendingPathComponent(String(name.dropLast(5)) + ".txt"), encoding: .utf8)
        return (gold, text)
    }

    @Test("every gold span is the text it names, and every list is sorted")
    func goldSpans() throws {
        #expect(Self.names.count == 5, "one gold file per seed text")
        for name in Self.names {
            let (gold, text) = try Self.load(name)
            checkSpans(gold, in: text)
            #expect(!gold.dates.isEmpty && !gold.agreements.isEmpty, "\(name)")
        }
    }

    @Test("precision and recall on the seeds stay at or above the recorded floor (docs/EXTRACTION.md)")
    func scores() throws {
        var totals: [String: ExtractionEvaluation.Tally] = [:]
        for name in Self.names {
            let (gold, text) = try Self.load(name)
            let result = Extractor().extract(text, document: gold.document, documentDate: gold.documentDate.flatMap(CalendarDate.init(iso:)))
            checkSpans(result, in: text)
            for (type, tally) in ExtractionEvaluation.score(found: result, gold: gold) { totals[type, default: .init()] = totals[type, default: .init()] + tally }
        }
        let floors: [String: (p: Double, r: Double, v: Double)] = [
            "dates": (0.95, 0.9, 0.95), "amounts": (0.95, 0.9, 0.95), "cadences": (0.9, 1.0, 0.95), "agreements": (0.9, 0.8, 0.85),
        ]
        for (type, floor) in floors {
            let tally = try #require(totals[type])
            #expect(tally.precision >= floor.p && tally.recall >= floor.r && tally.valueAccuracy >= floor.v,
                    "\(type): P \(tally.precision) R \(tally.recall) values \(tally.valueAccuracy)")
        }
    }
}

@Suite("Linking passages to dossiers")
struct DossierLinkerTests {
    static let linker = DossierLinker(dossiers: [
        (id: "3rx", title: "3RX – spoorverbinding haven Antwerpen–Ruhrgebied", railLinks: ["Antwerpen–Ruhrgebied"]),
        (id: "hamont-weert", title: "Hamont–Weert", railLinks: ["Hamont–Weert"]),
        (id: "kijfhoek", title: "Toekomstbestendig gebruik van Kijfhoek", railLinks: []),
    ])

    @Test("a passage names a dossier by its rail link in either direction and any dash, by its code, or by its title")
    func links() {
        #expect(Self.linker.dossiers(in: "De verbinding Weert-Hamont wordt heropend.") == ["hamont-weert"])
        #expect(Self.linker.dossiers(in: "Wat betreft 3RX zullen Vlaanderen en Nederland samenwerken.") == ["3rx"])
        #expect(Self.linker.dossiers(in: "Het toekomstbestendig gebruik van Kijfhoek vraagt middelen.") == ["kijfhoek"])
        #expect(Self.linker.dossiers(in: "Niets hierover.").isEmpty)
        #expect(Self.linker.dossiers(in: "").isEmpty)
    }
}

@Suite("Metadata proposals")
struct DocumentMetadataTests {
    static func seed(_ name: String) throws -> String {
        try String(contentsOf: TestPaths.packageRoot.appendingPathComponent("data/demo/texts/\(name).txt"), encoding: .utf8)
    }

    @Test("place, reference and signatories from headings and closing blocks")
    func seeds() throws {
        let declaration = try Self.seed("000-verklaring-2026")
        #expect(DocumentMetadata.proposedPlace(declaration) == "Antwerpen")
        let signatories = DocumentMetadata.proposedSignatories(declaration)
        #expect(signatories.map(\.name) == ["(Jean-Luc) Crucke", "A.A. (Thierry) Aartsen"])
        #expect(signatories.first?.office.hasPrefix("De Minister van Mobiliteit, Klimaat en Ecologische Transitie") == true)
        #expect(DocumentMetadata.proposedPlace(try Self.seed("002-slotverklaring-top-2025")) == "Gent")
        #expect(DocumentMetadata.proposedReference(try Self.seed("001-beslisnota-2026")) == "IENW/BSK-2026/25751")
        #expect(DocumentMetadata.proposedKind(declaration) == .jointDeclaration)
    }

    @Test("other forms: 'Place, date', 'Fait à', 'Ons kenmerk: …' on one line; nothing when there is nothing")
    func forms() {
        #expect(DocumentMetadata.proposedPlace("Verdrag\n\nBrussel, 3 maart 2027\n") == "Brussel")
        #expect(DocumentMetadata.proposedPlace("Fait à Luxembourg, le 2 mai 2026, en double exemplaire.") == "Luxembourg")
        #expect(DocumentMetadata.proposedReference("Brief\nOns kenmerk: IENW/BSK-2027/1\nDatum 1 mei 2027") == "IENW/BSK-2027/1")
        #expect(DocumentMetadata.proposedReference("Een tekst zonder kenmerk.") == nil)
        #expect(DocumentMetadata.proposedPlace("Geen plaats.") == nil)
        #expect(DocumentMetadata.proposedSignatories("Geen ondertekening.").isEmpty)
    }

    @Test("an office names its organisation only when exactly one organisation of the register matches; never a guess")
    func offices() {
        let organisations = [(id: "ienw", name: "Ministerie van Infrastructuur en Waterstaat"), (id: "fod-mobiliteit", name: "Federale Overheidsdienst Mobiliteit en Vervoer"),
                             (id: "havenbedrijf", name: "Havenbedrijf Antwerpen")]
        #expect(DocumentMetadata.organisationID(office: "De Staatssecretaris van  Infrastructuur en Waterstaat", organisations: organisations) == "ienw")
        #expect(DocumentMetadata.organisationID(office: "Minister van Infrastructuur en Waterstaat", organisations: organisations) == "ienw")
        #expect(DocumentMetadata.organisationID(office: "Havenbedrijf Antwerpen", organisations: organisations) == "havenbedrijf")
        #expect(DocumentMetadata.organisationID(office: "De Minister van Mobiliteit, Klimaat en Ecologische Transitie", organisations: organisations) == nil)
        #expect(DocumentMetadata.organisationID(office: "De Minister van Infrastructuur", organisations: organisations) == nil, "a part of the portfolio is not enough")
        let twice = organisations + [(id: "ienw-oud", name: "Ministerie van Infrastructuur en Waterstaat")]
        #expect(DocumentMetadata.organisationID(office: "Minister van Infrastructuur en Waterstaat", organisations: twice) == nil, "two matches: none")
        #expect(DocumentMetadata.role(office: "De Staatssecretaris van Infrastructuur en Waterstaat") == "Staatssecretaris van Infrastructuur en Waterstaat")
    }
}

@Suite("Cleaning a text before it is stored")
struct TextNormaliserTests {
    @Test("page furniture and running headers go; a year on its own line stays")
    func furniture() {
        let text = "Ministerie van X\nEerste alinea.\nPagina 1 van 2\nMinisterie van X\n\nTweede alinea.\n- 2 -\n2026\nMinisterie van X\nPage 3 of 7\n12\n"
        let cleaned = TextNormaliser.cleaned(text).text
        #expect(!cleaned.contains("Pagina") && !cleaned.contains("Page 3") && !cleaned.contains("- 2 -") && !cleaned.contains("Ministerie van X"))
        #expect(!cleaned.contains("\n12\n"))
        #expect(cleaned.contains("Eerste alinea.") && cleaned.contains("Tweede alinea.") && cleaned.contains("2026"))
    }

    @Test("Word's footnote markers become [n] and the notes move to the end; quotes are cleaned the same way")
    func footnotes() throws {
        let letter = try String(contentsOf: TestPaths.packageRoot.appendingPathComponent("data/demo/texts/003-kamerbrief-goederen-2026.txt"), encoding: .utf8)
        let (cleaned, notes) = TextNormaliser.cleaned(letter)
        #expect(notes.map(\.number) == ["1", "2", "3"])
        #expect(notes.first?.text == "Tweede Kamer, vergaderjaar 2025-2026, 29 984, nr. 1265")
        #expect(!cleaned.contains("[footnoteRef:") && cleaned.contains("gepubliceerd[1]."))
        #expect(cleaned.hasSuffix("[3] Tweede Kamer, vergaderjaar 2025-2026, 30 821, nr. 321\n"))
        let quote = "Eind 2025 is het Toekomstbeeld Spoorgoederenvervoer 2050 gepubliceerd[footnoteRef:1]."
        #expect(TextNormaliser.cleanedQuote(quote) == "Eind 2025 is het Toekomstbeeld Spoorgoederenvervoer 2050 gepubliceerd[1].")
        #expect(TextLayout.locate(quote: TextNormaliser.cleanedQuote(quote), in: TextLayout.paragraphs(from: cleaned)) != nil)
    }
}

@Suite("Documents a text refers to")
struct RelatedDocumentsTests {
    static let documents = [
        RelatedDocuments.Candidate(id: "thalassa", title: "Bilaterale intentieverklaring met betrekking tot de verbetering van het spoorvervoer", reference: nil),
        RelatedDocuments.Candidate(id: "kamerstuk-29984-1265", title: "Kamerstuk 29 984, nr. 1265", reference: "Kamerstukken II 29 984, nr. 1265"),
        RelatedDocuments.Candidate(id: "other", title: "Iets anders helemaal", reference: nil),
    ]

    @Test("a title after 'addendum' is a planned addendum; a parliamentary reference is cited; nothing else is proposed")
    func proposals() {
        let text = """
        Dit kader vormt mogelijk de basis voor een addendum bij de eerdere afspraken, met name de Bilaterale
        intentieverklaring met betrekking tot de  verbetering van het spoorvervoer. [1: Tweede Kamer, vergaderjaar 2025-2026, 29 984, nr. 1265]
        """
        let found = RelatedDocuments.proposals(in: text, documents: Self.documents)
        #expect(found.map(\.documentID) == ["thalassa", "kamerstuk-29984-1265"])
        #expect(found.first?.kind == .addendumTo && found.first?.planned == true)
        #expect(found.last?.kind == .cites)
    }

    @Test("earlier documents the register lacks are found by the words that say the text builds on them, and by unknown parliamentary references")
    func mentions() {
        let text = """
        Dit akkoord is een addendum bij het verdrag van Brugge van 1998. In lijn met de afspraken van het
        pentagonale overleg van juni 2023 en in aanvulling op de gezamenlijke verklaring van Gent van 12 maart 2024
        werken beide partijen verder. Zie ook 29 984, nr. 1265 en 36 200, nr. 7. Conform de wet van gisteren.
        """
        let found = RelatedDocuments.mentions(in: text, documents: Self.documents)
        #expect(found.map(\.title) == ["verdrag van Brugge van 1998", "afspraken van het pentagonale overleg van juni 2023",
                                       "gezamenlijke verklaring van Gent van 12 maart 2024", "Kamerstuk 36 200, nr. 7"])
        #expect(found.map(\.kind) == [.addendumTo, .buildsOn, .buildsOn, .cites])
        #expect(found.map(\.year) == [1998, 2023, 2024, nil])
        #expect(found.last?.reference == "36 200, nr. 7", "a reference the register has (29 984, nr. 1265) is no stub")
        // A document of the register named in other words is that document, not a stub.
        let known = [RelatedDocuments.Candidate(id: "p", title: "Afspraken pentagonaal ministersoverleg juni 2023", reference: nil)]
        #expect(!RelatedDocuments.mentions(in: text, documents: known).map(\.title).contains("afspraken van het pentagonale overleg van juni 2023"))
        #expect(RelatedDocuments.mentions(in: "Geen verwijzingen hier.", documents: []).isEmpty)
    }
}
