import DeltaDomain

/// Reads a text and proposes register entries: dates, amounts, cadences and agreements, each
/// with its span in Unicode code points of the text as given, the rule that found it and a
/// confidence. Pure: no I/O, no clock, no network.
public struct Extractor: Sendable {
    /// Organisation and body names from the register, to recognise parties and bodies.
    public var organisationNames: [String]
    public var bodyNames: [String]

    public init(organisationNames: [String] = [], bodyNames: [String] = []) {
        self.organisationNames = organisationNames
        self.bodyNames = bodyNames
    }

    /// The steps of an extraction, reported to a progress callback as they start.
    public enum Step: String, Sendable, CaseIterable { case reading, dates, amounts, cadences, agreements }

    /// Everything found in `text`; `documentDate` resolves dates without a year. `progress` hears
    /// each step as it starts (the command line shows it when a run takes longer than a second).
    public func extract(_ text: String, document: String, documentDate: CalendarDate?,
                        progress: (@Sendable (Step) -> Void)? = nil) -> ExtractionResult {
        progress?(.reading)
        let scalars = Array(text.unicodeScalars)
        let tokens = ExtractionTokenizer.tokens(scalars)
        let matcher = TokenMatcher(tokens: tokens, scalars: scalars)
        let units = TextUnits.units(tokens, scalars: scalars)
        let date = documentDate ?? Self.proposedDate(matcher: matcher)

        // Which unit each token is in, and whether that unit speaks of money.
        var unitOfToken = [Int](repeating: -1, count: tokens.count)
        var moneyUnits = Set<Int>()
        for (number, unit) in units.enumerated() {
            for index in unit.firstToken..<unit.endToken {
                unitOfToken[index] = number
                let word = tokens[index].folded
                if Self.moneyStems.contains(where: { word.hasPrefix($0) }) { moneyUnits.insert(number) }
            }
        }
        let units_ = unitOfToken, money = moneyUnits
        progress?(.amounts)
        let amounts = AmountFinder(matcher: matcher) { index in
            index < units_.count && units_[index] >= 0 && money.contains(units_[index])
        }.find()
        progress?(.dates)
        let dates = DateFinder(matcher: matcher, documentDate: date).find()
        let folded = { (names: [String]) in names.map { ExtractionTokenizer.tokens(Array($0.unicodeScalars)).map(\.folded) } }
        progress?(.cadences)
        let cadences = CadenceFinder(matcher: matcher, units: units, knownBodies: PhraseIndex(folded(bodyNames))).find()
        progress?(.agreements)
        let agreements = AgreementFinder(matcher: matcher, units: units,
                                         parties: PhraseIndex(folded(AgreementFinder.builtInParties + organisationNames))).find()
        return ExtractionResult(document: document, documentDate: date?.iso, dates: dates, amounts: amounts,
                                cadences: cadences, agreements: agreements)
    }

    static let moneyStems = ["investe", "middel", "budget", "begrot", "bijdrag", "financ", "kost", "subsid", "euro", "geld", "bedrag",
                             "€", "fonds", "betaal", "uitgave", "crédit", "montant", "invest", "dekking", "miljoen", "miljard", "million", "milliard"]

    /// The document's own date when its heading or its closing lines state one: a line that is a
    /// date, "Datum 10 februari 2026", "Antwerpen, 18 februari 2026" or "18 februari 2026 te
    /// Antwerpen" (a date with at most a few words around it), in the first or last 25 lines.
    static func proposedDate(matcher: TokenMatcher) -> CalendarDate? {
        let tokens = matcher.tokens
        var lineStarts: [Int] = []
        for index in tokens.indices where index == 0 || tokens[index].breaksBefore > 0 { lineStarts.append(index) }
        let candidates = Array(lineStarts.prefix(25)) + Array(lineStarts.suffix(25))
        let finder = DateFinder(matcher: matcher, documentDate: nil)
        for lineStart in candidates {
            let lineEnd = (lineStarts.firstIndex(of: lineStart).map { $0 + 1 < lineStarts.count ? lineStarts[$0 + 1] : tokens.count }) ?? tokens.count
            guard lineEnd - lineStart <= 12 else { continue }
            for cursor in lineStart..<min(lineEnd, lineStart + 6) {
                guard case let (date, end)? = finder.match(at: cursor), date.precision == "day", let iso = date.earliest,
                      end <= lineEnd, lineEnd - end <= 4 else { continue }
                return CalendarDate(iso: iso)
            }
        }
        return nil
    }
}
