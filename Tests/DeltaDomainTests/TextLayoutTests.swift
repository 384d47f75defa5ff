import DeltaDomain
import Testing

/// Kinds and texts of paragraphs, for compact expectations.
private func shape(_ paragraphs: [Paragraph]) -> [String] {
    paragraphs.map { paragraph in
        switch paragraph.kind {
        case .heading: return "# " + paragraph.text
        case .listItem: return "* " + paragraph.text
        case .paragraph: return paragraph.text
        }
    }
}

@Suite("TextLayout.paragraphs on synthetic text")
struct TextLayoutSyntheticTests {
    static let singleSpaced = """
        Inleiding

        De ondertekenaars spreken af om de samenwerking op spoordossiers te
        versterken en te versnellen. Daarbij gaat het om de snel veranderende geo-
        economische verhoudingen en om het goederen- \("")
        als personenvervoer tussen beide landen, in het bijzonder de havens.

        Afspraken
        De werkgroep komt ten minste tweemaal per jaar bijeen om de uitvoering
        te verzekeren van de mijlpalen die voor elk dossier zijn vastgelegd.
        """

    @Test func singleSpacedParagraphsAndHeadings() {
        let paragraphs = TextLayout.paragraphs(from: Self.singleSpaced)
        #expect(shape(paragraphs) == [
            "# Inleiding",
            "De ondertekenaars spreken af om de samenwerking op spoordossiers te versterken en te versnellen. "
                + "Daarbij gaat het om de snel veranderende geo-economische verhoudingen en om het goederen- als "
                + "personenvervoer tussen beide landen, in het bijzonder de havens.",
            "# Afspraken",
            "De werkgroep komt ten minste tweemaal per jaar bijeen om de uitvoering te verzekeren van de "
                + "mijlpalen die voor elk dossier zijn vastgelegd.",
        ])
        #expect(paragraphs.map(\.anchor) == ["p1", "p2", "p3", "p4"])
    }

    @Test func lineEndingsDoNotMatter() {
        let lf = TextLayout.paragraphs(from: Self.singleSpaced)
        let crlf = TextLayout.paragraphs(from: Self.singleSpaced.split(separator: "\n", omittingEmptySubsequences: false)
            .joined(separator: "\r\n"))
        let cr = TextLayout.paragraphs(from: Self.singleSpaced.split(separator: "\n", omittingEmptySubsequences: false)
            .joined(separator: "\r"))
        #expect(crlf == lf)
        #expect(cr == lf)
    }

    @Test func doubleSpacedTextWithBullets() {
        // A blank line after every wrapped line; two blank lines (one with a space) between paragraphs.
        let text = """
            Het afsprakenkader omvat in ieder geval de volgende dossiers die de

            werkgroepen verder uitwerken in de loop van dit en het volgende jaar:

            • Het verbeteren van de coördinatie en de uitrol van het ERTMS in beide

            landen;

            • Capaciteitsuitbreiding voor personenvervoer per trein tussen België en

            Noord-Brabant;

            - Weert-Hamont.

            \("  ")
            Ondertekenaars spreken af dat tenminste eenmaal per jaar politiek overleg

            zal plaatsvinden.

            De werkgroep komt ten minste tweemaal per jaar bijeen.
            """
        #expect(shape(TextLayout.paragraphs(from: text)) == [
            "Het afsprakenkader omvat in ieder geval de volgende dossiers die de werkgroepen verder uitwerken "
                + "in de loop van dit en het volgende jaar:",
            "* Het verbeteren van de coördinatie en de uitrol van het ERTMS in beide landen;",
            "* Capaciteitsuitbreiding voor personenvervoer per trein tussen België en Noord-Brabant;",
            "* Weert-Hamont.",
            "Ondertekenaars spreken af dat tenminste eenmaal per jaar politiek overleg zal plaatsvinden.",
            "De werkgroep komt ten minste tweemaal per jaar bijeen.",
        ])
    }

    @Test func fullStopAtAFullWidthWrapDoesNotEndTheParagraph() {
        // The second line is as wide as the others and the next word would not have fitted:
        // its full stop merely happened to fall at the end of a line.
        let text = """
            Vlaanderen en Nederland werken niet alleen samen op economisch vlak, maar
            ook breder zoals op mobiliteit, klimaat, energie, taal en cultuur. Er
            wordt geïnvesteerd in transportnetwerken voor waterstof en koolstofdioxide.
            Grensoverstijgend vervoer en digitalisering van overheidsdiensten volgen
            daarna, in nauw overleg met de regio's aan beide zijden van de grens.
            Kort.
            Een nieuwe alinea begint na de korte regel.

            Een alinea na een witregel.
            """
        #expect(shape(TextLayout.paragraphs(from: text)) == [
            "Vlaanderen en Nederland werken niet alleen samen op economisch vlak, maar ook breder zoals op "
                + "mobiliteit, klimaat, energie, taal en cultuur. Er wordt geïnvesteerd in transportnetwerken voor "
                + "waterstof en koolstofdioxide. Grensoverstijgend vervoer en digitalisering van overheidsdiensten "
                + "volgen daarna, in nauw overleg met de regio's aan beide zijden van de grens. Kort.",
            "Een nieuwe alinea begint na de korte regel.",
            "Een alinea na een witregel.",
        ])
    }

    @Test func onePararaphPerLine() {
        let long = String(repeating: "Het spoorgoederenvervoer is van brede betekenis voor de economie. ", count: 3)
        let text = """
            Geachte voorzitter,

            Op 17 juni 2026 ga ik met de Kamer in debat. \(long)
            Focus op dual-use
            Gelet op de brede betekenis blijft het kabinet zich inzetten. \(long)

            1. Betrouwbaar spoorgoederenvervoer: \(long)

            2. Betere doorstroming op de corridors: \(long)
            Hoogachtend,
            """
        let paragraphs = TextLayout.paragraphs(from: text)
        #expect(paragraphs.map(\.kind) == [.paragraph, .paragraph, .heading, .paragraph, .listItem, .listItem, .paragraph])
        #expect(paragraphs[2].text == "Focus op dual-use")
        #expect(paragraphs[4].text.hasPrefix("Betrouwbaar spoorgoederenvervoer:"))
        #expect(paragraphs[5].text.hasPrefix("Betere doorstroming"))
        #expect(paragraphs[6].text == "Hoogachtend,")
    }

    @Test func breakInsideASentenceIsJoined() {
        // A page break (blank lines) in the middle of a sentence, as in the freight letter.
        let text = """
            Eerste alinea die netjes eindigt met een punt aan het einde van de zin.

            Dit wil ik doen door die



            maatregelen te nemen die nodig zijn.
            """
        #expect(shape(TextLayout.paragraphs(from: text)) == [
            "Eerste alinea die netjes eindigt met een punt aan het einde van de zin.",
            "Dit wil ik doen door die maatregelen te nemen die nodig zijn.",
        ])
    }

    @Test func memoLabelsJoinTheirValues() {
        let text = """
            De intensivering van de huidige samenwerking is ingestoken vanuit de snel

            veranderende verhoudingen en wordt met een brief aan de Kamer gemeld.


            Datum

            10 februari 2026

            \(" ")
            Onze referentie

            IENW/BSK-2026/25751

            \(" ")
            Bijlage(n)

            3

            Pagina 1 van 2


            Aanleiding

            Op 18 februari vindt de ondertekening plaats van een gezamenlijke verklaring

            voor intensievere samenwerking op spoordossiers met de Belgische minister.
            """
        #expect(shape(TextLayout.paragraphs(from: text)) == [
            "De intensivering van de huidige samenwerking is ingestoken vanuit de snel veranderende verhoudingen "
                + "en wordt met een brief aan de Kamer gemeld.",
            "Datum 10 februari 2026",
            "Onze referentie IENW/BSK-2026/25751",
            "Bijlage(n) 3",
            "Pagina 1 van 2",
            "# Aanleiding",
            "Op 18 februari vindt de ondertekening plaats van een gezamenlijke verklaring voor intensievere "
                + "samenwerking op spoordossiers met de Belgische minister.",
        ])
    }

    @Test func dashesThatAreNotBullets() {
        let text = """
            Beide partijen ondertekenden een memorandum om koolstofdioxide-transport en
            -opslag te formaliseren, en zetten in op het gebruik van 740-meter treinen in
            2024 en daarna.
            """
        let paragraphs = TextLayout.paragraphs(from: text)
        #expect(shape(paragraphs) == [
            "Beide partijen ondertekenden een memorandum om koolstofdioxide-transport en -opslag te formaliseren, "
                + "en zetten in op het gebruik van 740-meter treinen in 2024 en daarna.",
        ])
    }

    @Test func markersAreStrippedFromListItems() {
        let text = "Dossiers:\n• ERTMS;\n·  3RX;\n* Gent–Terneuzen;\n– Hamont–Weert;\n12) Hasselt–Maastricht."
        #expect(shape(TextLayout.paragraphs(from: text)) == [
            "Dossiers:", "* ERTMS;", "* 3RX;", "* Gent–Terneuzen;", "* Hamont–Weert;", "* Hasselt–Maastricht.",
        ])
    }

    @Test func whitespaceIsCollapsedAndNoiseDropped() {
        let text = "  Ten\u{00A0}minste \t tweemaal per jaar.  \n\n\u{00A0}\n   ………   ……… \n\nTot slot een zin."
        #expect(shape(TextLayout.paragraphs(from: text)) == ["Ten minste tweemaal per jaar.", "Tot slot een zin."])
    }

    @Test func urlsStandAlone() {
        let text = """
            We werken via deze gremia samen om kennis te ontwikkelen voor stresstesten en
            https://www.jcar-atrace.eu/nl
            Het onderwijs maakt een digitale transitie door.
            """
        #expect(shape(TextLayout.paragraphs(from: text)) == [
            "We werken via deze gremia samen om kennis te ontwikkelen voor stresstesten en",
            "https://www.jcar-atrace.eu/nl",
            "Het onderwijs maakt een digitale transitie door.",
        ])
    }

    @Test func emptyInputs() {
        #expect(TextLayout.paragraphs(from: "").isEmpty)
        #expect(TextLayout.paragraphs(from: " \n\n\t\u{00A0}\r\n ").isEmpty)
        #expect(TextLayout.paragraphs(from: "……\n——\n").isEmpty)
        #expect(shape(TextLayout.paragraphs(from: "Eén zin.")) == ["Eén zin."])
    }
}

@Suite("TextLayout.locate")
struct TextLayoutLocateTests {
    static let paragraphs = [
        Paragraph(anchor: "p1", kind: .paragraph, text: "Belgi\u{EB} en Nederland werken samen."),
        Paragraph(anchor: "p2", kind: .paragraph, text: "De werkgroep komt ten minste tweemaal per jaar bijeen."),
        Paragraph(anchor: "p3", kind: .paragraph, text: "Nog eens: de werkgroep komt ten minste tweemaal per jaar bijeen."),
        Paragraph(anchor: "p4", kind: .paragraph, text: "a  b\u{00A0}c d"),
        Paragraph(anchor: "p5", kind: .paragraph, text: "de geo- economische verhoudingen"),
    ]

    @Test func spanCountsUnicodeScalars() throws {
        let found = try #require(TextLayout.locate(quote: "Nederland", in: Self.paragraphs))
        #expect(found.anchor == "p1")
        #expect(found.start == 10)
        #expect(found.length == 9)
    }

    @Test func whitespaceDifferencesAreIgnored() throws {
        let found = try #require(TextLayout.locate(quote: "  ten minste\n\n  tweemaal per\u{00A0}jaar\t", in: Self.paragraphs))
        #expect(found.anchor == "p2") // the first paragraph that contains it
        #expect(found.start == 18)
        #expect(found.length == 28)
    }

    @Test func spanCoversTheOriginalWhitespace() throws {
        let middle = try #require(TextLayout.locate(quote: "b c", in: Self.paragraphs))
        #expect(middle.anchor == "p4")
        #expect(middle.start == 3)
        #expect(middle.length == 3)
        let start = try #require(TextLayout.locate(quote: "a b", in: Self.paragraphs))
        #expect(start.start == 0)
        #expect(start.length == 4)
    }

    @Test func nothingButWhitespaceIsIgnored() {
        #expect(TextLayout.locate(quote: "De Werkgroep", in: Self.paragraphs) == nil)
        #expect(TextLayout.locate(quote: "geo-economische", in: Self.paragraphs) == nil)
        #expect(TextLayout.locate(quote: "Nederlandwerken", in: Self.paragraphs) == nil)
        // Unicode normalisation is not ignored either: decomposed ë is not the precomposed one.
        #expect(TextLayout.locate(quote: "Belgie\u{308}", in: Self.paragraphs) == nil)
        #expect(TextLayout.locate(quote: "Belgi\u{EB}", in: Self.paragraphs) != nil)
    }

    @Test("one finder for many quotes finds what locate finds; with an anchor it searches that paragraph only")
    func finderForManyQuotes() throws {
        let finder = QuoteFinder(Self.paragraphs)
        for quote in ["Nederland", "  ten minste\n\n  tweemaal per\u{00A0}jaar\t", "b c", "a b", "De Werkgroep", "", "geo-", "bijeen."] {
            let once = TextLayout.locate(quote: quote, in: Self.paragraphs)
            let found = finder.locate(quote)
            #expect(found?.anchor == once?.anchor && found?.start == once?.start && found?.length == once?.length, "\(quote.debugDescription)")
        }
        let inThird = try #require(finder.locate("de werkgroep komt", inParagraph: "p3"))
        #expect(inThird.anchor == "p3")
        #expect(inThird.start == 10)
        #expect(finder.locate("Nederland", inParagraph: "p2") == nil)
        #expect(finder.locate("Nederland", inParagraph: "p9") == nil)
    }

    @Test func quoteMustLieInOneParagraph() {
        #expect(TextLayout.locate(quote: "per jaar bijeen. Nog eens", in: Self.paragraphs) == nil)
        #expect(TextLayout.locate(quote: "samen. De werkgroep", in: Self.paragraphs) == nil)
    }

    @Test func emptyQuotesAreNeverFound() {
        #expect(TextLayout.locate(quote: "", in: Self.paragraphs) == nil)
        #expect(TextLayout.locate(quote: " \n\u{00A0}", in: Self.paragraphs) == nil)
        #expect(TextLayout.locate(quote: "werkgroep", in: []) == nil)
    }
}

@Suite("TextLayout on the seed documents")
struct TextLayoutSeedTests {
    static let seedPrefixes = ["000", "001", "002", "003", "004"]

    private func texts(_ paragraphs: [Paragraph], _ kind: ParagraphKind) -> [String] {
        paragraphs.filter { $0.kind == kind }.map(\.text)
    }

    @Test("paragraphs are clean and anchored in order", arguments: seedPrefixes)
    func cleanParagraphs(prefix: String) throws {
        let paragraphs = TextLayout.paragraphs(from: try Seeds.text(prefix))
        #expect(paragraphs.count >= 10)
        let expectedAnchors = (1...paragraphs.count).map { "p\($0)" }
        #expect(paragraphs.map(\.anchor) == expectedAnchors, "anchors are p1, p2, … in order")
        for paragraph in paragraphs {
            #expect(!paragraph.text.isEmpty)
            #expect(!paragraph.text.contains("\n"))
            #expect(!paragraph.text.contains("  "))
            #expect(!paragraph.text.hasPrefix(" ") && !paragraph.text.hasSuffix(" "))
            #expect(!paragraph.text.unicodeScalars.contains("\u{00A0}"))
        }
        for heading in texts(paragraphs, .heading) {
            #expect(heading.count <= 90, "heading too long: \(heading)")
        }
    }

    @Test("every paragraph can be found again from a re-wrapped quote", arguments: seedPrefixes)
    func locateRoundTrip(prefix: String) throws {
        let paragraphs = TextLayout.paragraphs(from: try Seeds.text(prefix))
        for paragraph in paragraphs {
            var rewrapped = ""
            for (index, word) in paragraph.text.split(separator: " ").enumerated() {
                rewrapped += (index == 0 ? "" : (index % 7 == 0 ? " \n\n " : " ")) + word
            }
            let found = try #require(TextLayout.locate(quote: rewrapped, in: paragraphs))
            let firstContaining = paragraphs.first { $0.text.contains(paragraph.text) }
            let first = try #require(firstContaining, "no paragraph contains \(paragraph.anchor)")
            #expect(found.anchor == first.anchor)
            let scalars = Array(first.text.unicodeScalars)
            #expect(String(String.UnicodeScalarView(scalars[found.start..<(found.start + found.length)])) == paragraph.text)
        }
    }

    @Test func jointDeclaration000() throws {
        let paragraphs = TextLayout.paragraphs(from: try Seeds.text("000"))
        #expect(paragraphs.count == 33)
        #expect(paragraphs.first?.kind == .heading)
        #expect(paragraphs.first?.text == "Gezamenlijke verklaring")
        #expect(paragraphs[1].text.hasPrefix("Intensivering samenwerking op spoordossiers tussen de Staatssecretaris"))
        #expect(paragraphs[1].text.hasSuffix("belast met Duurzame Ontwikkeling van België"))
        #expect(texts(paragraphs, .heading) == ["Gezamenlijke verklaring", "Inleiding", "Aanleiding", "Afspraken"])

        let items = texts(paragraphs, .listItem)
        #expect(items.count == 10)
        #expect(items.first == "Het verbeteren van de coördinatie en de uitrol van het ERTMS;")
        let has3RXItem = items.contains { $0.hasPrefix("In lijn met de afspraken") && $0.hasSuffix("het Duitse Ruhrgebied (3RX);") }
        #expect(has3RXItem, "the 3RX item is one whole list item")
        #expect(items.last == "Coördinatie van de strategische richtsnoeren ten aanzien van capaciteitsverdeling conform "
            + "de nieuwe EU-verordening capaciteit.")
        let noBulletLeft = items.allSatisfy { !$0.hasPrefix("•") }
        #expect(noBulletLeft, "list items lose their bullet: \(items)")

        // The paragraph after the list is not swallowed by the last item.
        let firstAfterList = paragraphs.first { $0.text.hasPrefix("Ondertekenaars spreken af dat tenminste eenmaal per jaar") }
        let afterList = try #require(firstAfterList, "no paragraph starts with 'Ondertekenaars spreken af…'")
        #expect(afterList.kind == .paragraph)
        #expect(afterList.text.hasSuffix("hiertoe worden uitgenodigd."))

        let cadence = try #require(TextLayout.locate(
            quote: "De Belgisch\u{2011}Nederlandse werkgroep komt ten minste tweemaal per jaar\n\nbijeen", in: paragraphs))
        let cadenceText = paragraphs.first { $0.anchor == cadence.anchor }?.text
        #expect(cadenceText?.hasSuffix("politiek mandaat werd verleend.") == true, "the located cadence paragraph is the whole paragraph")
        #expect(cadence.start == 0)
        let mentionsGeopolitics = paragraphs.contains { $0.text.contains("geopolitieke en geo-economische verhoudingen") }
        #expect(mentionsGeopolitics, "a paragraph mentions 'geopolitieke en geo-economische verhoudingen'")
        let hasPlaceAndDate = paragraphs.contains { $0.text == "18 februari 2026 te Antwerpen" }
        #expect(hasPlaceAndDate, "'18 februari 2026 te Antwerpen' is a paragraph of its own")
        let hasEllipsis = paragraphs.contains { $0.text.contains("…") }
        #expect(!hasEllipsis, "no paragraph contains '…'")
    }

    @Test func decisionMemo001() throws {
        let paragraphs = TextLayout.paragraphs(from: try Seeds.text("001"))
        #expect(paragraphs.count == 21)
        let plain = texts(paragraphs, .paragraph)
        #expect(plain.contains("Datum 10 februari 2026"))
        #expect(plain.contains("Onze referentie IENW/BSK-2026/25751"))
        #expect(plain.contains("Opgesteld door DG Mobiliteit Dir.Openbaar Vervoer en Spoor Beleid en Omgeving"))
        #expect(plain.contains("Beslistermijn 18-02-2026"))
        #expect(plain.contains("Bijlage(n) 3"))
        #expect(plain.contains("Pagina 1 van 2"))
        let headings = texts(paragraphs, .heading)
        for expected in ["Aanleiding", "Geadviseerd besluit", "Kernpunten", "Krachtenveld",
                         "Informatie die niet openbaargemaakt kan worden"] {
            #expect(headings.contains(expected), "missing heading \(expected)")
        }
        let mentionsCrucke = plain.contains { $0.contains("Belgische Minister Jean-Luc Crucke") }
        #expect(mentionsCrucke, "a plain paragraph mentions 'Belgische Minister Jean-Luc Crucke'")
        let followUp = try #require(TextLayout.locate(quote: "Eind tweede kwartaal 2026 worden deze uitkomsten\nverankerd",
                                                       in: paragraphs))
        let followUpText = paragraphs.first { $0.anchor == followUp.anchor }?.text
        #expect(followUpText?.hasPrefix("België en Nederland werken al langer samen") == true, "the follow-up quote is found in its paragraph")
    }

    @Test func summitDeclaration002() throws {
        let paragraphs = TextLayout.paragraphs(from: try Seeds.text("002"))
        #expect(paragraphs.count == 69)
        #expect(paragraphs.first?.kind == .heading)
        #expect(paragraphs.first?.text == "Slotverklaring Vlaams-Nederlandse Top")
        let headings = texts(paragraphs, .heading)
        for expected in ["Partners in een veranderende wereld", "Concurrentievermogen versterken", "Innovatie en industrie",
                         "Grenzen overstijgen", "Kansen in de grensregio", "Grensoverstijgende mobiliteit en infrastructuur",
                         "Leefmilieu kent geen grenzen", "Taal, cultuur en onderwijs verbinden"] {
            #expect(headings.contains(expected), "missing heading \(expected)")
        }
        let firstRail = paragraphs.first { $0.text.contains("Rail Gent-Terneuzen") }
        let rail = try #require(firstRail, "no paragraph mentions 'Rail Gent-Terneuzen'")
        #expect(rail.text.contains("goederen- als personenvervoer"))
        #expect(rail.text.hasSuffix("de lopende gesprekken voortzetten."))
        let mentionsCRMA = paragraphs.contains { $0.text.contains("Critical Raw Materials Act (CRMA) biedt het kader") }
        #expect(mentionsCRMA, "a paragraph mentions the CRMA framework")
        let einsteinInBeacon = paragraphs.contains { $0.text.contains("De Einstein Telescope moet de eerste") && $0.text.hasPrefix("Een baken") }
        #expect(einsteinInBeacon, "the Einstein Telescope sentence stays in the paragraph starting 'Een baken'")
        #expect(TextLayout.locate(quote: "Via het\nhalfjaarlijkse Bestuurlijk Grensregio-Overleg", in: paragraphs) != nil)
        let jcarLinkCount = paragraphs.filter { $0.text == "https://www.jcar-atrace.eu/nl" }.count
        #expect(jcarLinkCount == 2, "the JCAR link is a paragraph of its own, twice")
    }

    @Test func freightLetter003() throws {
        let paragraphs = TextLayout.paragraphs(from: try Seeds.text("003"))
        #expect(paragraphs.count == 22)
        let items = texts(paragraphs, .listItem)
        #expect(items.count == 5)
        let starts = ["Betrouwbaar spoorgoederenvervoer:", "Betere doorstroming op de corridors:",
                      "Een efficiënte afwikkeling op de first en last mile:", "Een optimaal gebruik van de Betuweroute:",
                      "Een veilige, duurzame en gezonde leefomgeving:"]
        for (item, start) in zip(items, starts) {
            #expect(item.hasPrefix(start))
        }
        #expect(texts(paragraphs, .heading) == [
            "Belang spoorgoederenvervoer in relatie tot kabinetsopgaven", "Focus op dual-use",
            "Contouren Uitvoeringsagenda Spoorgoederenvervoer 2026-2030", "Tot slot",
        ])
        #expect(paragraphs.first?.text == "Geachte voorzitter,")
        #expect(paragraphs.last?.text == "Annet Bertram")
        let firstFootnoteBreak = paragraphs.first { $0.text.contains("Dit wil ik doen door die") }
        let footnoteBreak = try #require(firstFootnoteBreak, "no paragraph contains 'Dit wil ik doen door die'")
        #expect(footnoteBreak.text.contains("maatregelen te nemen, die nodig zijn"))
        #expect(TextLayout.locate(quote: "circa €200–250 miljoen", in: paragraphs) != nil)
    }

    @Test func summitStatement004() throws {
        let paragraphs = TextLayout.paragraphs(from: try Seeds.text("004"))
        #expect(paragraphs.count == 23)
        let allPlain = paragraphs.allSatisfy { $0.kind == .paragraph }
        #expect(allPlain, "document 004 has only plain paragraphs")
        #expect(paragraphs.first?.text == "De kansen die de Vlaams-Nederlandse samenwerking biedt om de maatschappelijke uitdagingen aan te gaan.")
        let startsWithMinisters = paragraphs.contains { $0.text.hasPrefix("Minister Van Nieuwenhuizen en minister Weyts") }
        #expect(startsWithMinisters, "a paragraph starts with 'Minister Van Nieuwenhuizen en minister Weyts'")
        let mentionsNorthSeaPort = paragraphs.contains { $0.text.contains("North Sea Port is in gesprek met andere havenbedrijven over") }
        #expect(mentionsNorthSeaPort, "a paragraph mentions the North Sea Port talks")
        let mentionsLageLanden = paragraphs.contains { $0.text.contains("Lage Landen-studie 2020-2100 verschenen") }
        #expect(mentionsLageLanden, "a paragraph mentions the Lage Landen-studie 2020-2100")
        let yearly = try #require(TextLayout.locate(quote: "tenminste eenmaal per jaar bijeen te komen", in: paragraphs))
        let yearlyText = paragraphs.first { $0.anchor == yearly.anchor }?.text
        #expect(yearlyText?.hasPrefix("Minister-president Bourgeois en staatssecretaris Knops") == true, "the yearly-meeting quote is found in its paragraph")
    }
}

@Suite("TextLayout's ASCII path")
struct TextLayoutASCIITests {
    /// Pieces of lines: words, list markers, page footers, URLs, punctuation and whitespace.
    static let pieces = ["De", "werkgroep", "komt", "ten", "minste", "tweemaal", "bijeen", "geo-", "economische", "(Belgie)", "2026",
                         "- ", "• ", "1. ", "12) ", "Pagina 1 van 2", "blz. 3", "https://www.example.org/spoor", ".", ",", ";", ":",
                         " ", "  ", "\t", "\n", "\n", "\n\n", "\r\n", "\u{0B}", "Een", "vervoer", "E", "e", "Leeswijzer"]

    /// Every "e" as "é": a line with an é takes the Unicode path, and é is a lowercase letter
    /// and one character as e is, so the layout must come out the same but for that letter.
    static func accented(_ text: String) -> String { String(text.map { $0 == "e" ? "é" : $0 }) }

    @Test("lines taking the byte path lay out as the same lines taking the Unicode path")
    func samePaths() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<400 {
            let count = Int.random(in: 1...120, using: &generator)
            let text = (0..<count).map { _ in Self.pieces.randomElement(using: &generator)! }.joined(separator: Bool.random(using: &generator) ? " " : "")
            let ascii = shape(TextLayout.paragraphs(from: text)).map(Self.accented)
            let unicode = shape(TextLayout.paragraphs(from: Self.accented(text)))
            #expect(ascii == unicode, "\(text.debugDescription)")
        }
    }
}
