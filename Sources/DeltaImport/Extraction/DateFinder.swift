import DeltaDomain

/// Finds dates and periods in tokens and resolves them against the document's date, reusing
/// the register's period rule (`FuzzyPeriod.parse`) so that "eind 2026" means the same days in
/// a proposal as in the register. Conventions: docs/EXTRACTION.md.
struct DateFinder: Sendable {
    let matcher: TokenMatcher
    let documentDate: CalendarDate?

    /// What a modifier does to the period after it.
    enum Modifier: String, Sendable {
        case deadline, before, after, from, until, begin, end, middle, around
    }

    /// The core of a date expression, before modifiers.
    enum Core: Sendable {
        case day(year: Int?, month: Int, day: Int)
        case month(year: Int?, month: Int)
        case season(year: Int?, name: String)
        case quarter(year: Int?, quarter: Int)
        case half(year: Int?, half: Int)
        case year(Int)
        case years(Int, Int)
        case yearOffset(Int)
    }

    static let modifiers: [([String], Modifier)] = [
        (["uiterlijk"], .deadline), (["ten", "laatste"], .deadline), (["tegen"], .deadline), (["au", "plus", "tard"], .deadline),
        (["au", "plus", "tard", "le"], .deadline), (["au", "plus", "tard", "en"], .deadline), (["d", "'", "ici"], .deadline),
        (["voor"], .before), (["vóór"], .before), (["avant"], .before), (["na"], .after), (["après"], .after),
        (["vanaf"], .from), (["met", "ingang", "van"], .from), (["à", "partir", "du"], .from), (["à", "partir", "de"], .from),
        (["tot", "en", "met"], .until), (["t", "/", "m"], .until), (["tot"], .until), (["jusqu", "'", "à"], .until),
        (["jusqu", "'", "au"], .until), (["jusqu", "'", "en"], .until),
        (["begin"], .begin), (["start"], .begin), (["aanvang"], .begin), (["début"], .begin),
        (["eind"], .end), (["einde"], .end), (["ultimo"], .end), (["fin"], .end),
        (["medio"], .middle), (["midden"], .middle), (["mi"], .middle),
        (["rond"], .around), (["rondom"], .around), (["omstreeks"], .around), (["vers"], .around),
    ]
    static let modifierIndex = PhraseIndex(modifiers.map(\.0))
    static let modifierKinds: [[String]: Modifier] = Dictionary(modifiers.map { ($0.0, $0.1) }, uniquingKeysWith: { first, _ in first })
    static let anchors = PhraseIndex([["na"], ["nadat"], ["volgend", "op"], ["volgende", "op"], ["vanaf"], ["te", "rekenen", "vanaf"],
                                      ["suivant"], ["après"], ["à", "compter", "de"], ["à", "compter", "du"]])

    /// Words before a bare year that make it a date ("in 2026", "sinds 2011").
    static let yearLeads: Set<String> = ["in", "sinds", "per", "depuis", "en", "jaar", "année", "year", "since", "by"]
    static let fillers: Set<String> = ["de", "het", "van", "le", "la", "du", "l", "'", "des", "the", "of"]

    static let months: [String: Int] = [
        "januari": 1, "februari": 2, "maart": 3, "april": 4, "mei": 5, "juni": 6, "juli": 7, "augustus": 8, "september": 9,
        "oktober": 10, "november": 11, "december": 12,
        "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7, "août": 8, "aout": 8,
        "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12, "decembre": 12,
        "january": 1, "february": 2, "june": 6, "july": 7, "august": 8, "october": 10,
    ]
    /// Month words that are also ordinary words or abbreviations: a date only with a day or year.
    static let guardedMonths: [String: Int] = [
        "jan": 1, "feb": 2, "mrt": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "okt": 10, "nov": 11, "dec": 12,
        "march": 3, "may": 5, "mars": 3,
    ]
    static let dutchMonthNames = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
                                  "november", "december"]
    static let seasons: [String: String] = [
        "voorjaar": "voorjaar", "lente": "voorjaar", "zomer": "zomer", "zomerreces": "zomer", "najaar": "najaar", "herfst": "najaar",
        "winter": "winter", "printemps": "voorjaar", "été": "zomer", "automne": "najaar", "hiver": "winter",
    ]
    static let ordinals: [String: Int] = [
        "eerste": 1, "tweede": 2, "derde": 3, "vierde": 4, "premier": 1, "première": 1, "deuxième": 2, "second": 2, "seconde": 2,
        "troisième": 3, "quatrième": 4, "first": 1, "third": 3, "fourth": 4,
    ]
    static let halfWords: Set<String> = ["semester", "helft", "halfjaar", "jaarhelft", "semestre"]
    static let quarterWords: Set<String> = ["kwartaal", "trimestre", "quarter"]
    static let units: Set<String> = ["dag", "dagen", "week", "weken", "maand", "maanden", "jaar", "jaren", "jours", "jour", "mois", "semaines", "ans", "an", "année", "années"]

    func find() -> [ExtractedDate] {
        var found: [ExtractedDate] = []
        let tokens = matcher.tokens
        var index = 0
        while index < tokens.count {
            if let match = match(at: index) {
                found.append(match.date)
                index = match.end
            } else {
                index += 1
            }
        }
        return found
    }

    /// Every word a date expression can start with (numbers start them too).
    static let starters: Set<Int> = wordKeys(
        modifiers.map { $0.0[0] } + Array(months.keys) + Array(guardedMonths.keys) + Array(seasons.keys) + Array(ordinals.keys)
            + ["1e", "2e", "q1", "q2", "q3", "q4", "dit", "volgend", "volgende", "komend", "komende", "vorig", "vorige", "cette", "année",
               "van", "binnen", "dans", "de", "le", "afgelopen", "aflopen", "voorbije", "prochaines", "dernières"] + Array(fillers))

    /// A date expression starting at `index`.
    func match(at index: Int) -> (date: ExtractedDate, end: Int)? {
        guard index < matcher.tokens.count, matcher.tokens[index].kind == .number || Self.starters.contains(matcher.tokens[index].key) else { return nil }
        if let relative = relative(at: index) { return relative }
        // Modifiers, then fillers, then the core.
        var cursor = index
        var modifier: Modifier?
        var shapingModifier: Modifier?
        if let (end, words) = matcher.longest(cursor, Self.modifierIndex) {
            modifier = Self.modifierKinds[words]
            cursor = end
            // "tot begin 2027", "vanaf eind 2026", "uiterlijk eind Q2": an open end, then a shape.
            if [.until, .from, .deadline].contains(modifier), let (next, more) = matcher.longest(cursor, Self.modifierIndex),
               let second = Self.modifierKinds[more], [.begin, .end, .middle, .around].contains(second) {
                shapingModifier = second
                cursor = next
            }
        }
        var coreStart = cursor
        while let word = matcher.word(coreStart), Self.fillers.contains(word), coreStart < index + 6 { coreStart += 1 }
        // "van 2026 tot en met 2030": a range that starts with "van".
        if modifier == nil, matcher.word(index) == "van", let (end, core) = yearRange(at: index + 1) {
            return (resolved(core, modifier: nil, first: index, end: end, rule: "year-range"), end)
        }
        guard let (end, core, rule) = self.core(at: coreStart, hasModifier: modifier != nil) else { return nil }
        // A bare year needs a temporal word before it, or a modifier.
        if case .year = core, modifier == nil {
            guard let previous = matcher.word(index - 1), Self.yearLeads.contains(previous) || previous == "t/m" else { return nil }
        }
        let first = modifier == nil ? coreStart : index
        // A range of years right after a name or a parliamentary year is part of a title or a reference
        // ("Uitvoeringsagenda Spoorgoederenvervoer 2026-2030", "vergaderjaar 2025-2026").
        if case .years = core, modifier == nil, coreStart > 0 {
            let previous = matcher.tokens[coreStart - 1]
            if ["vergaderjaar", "zittingsjaar", "kamerstukken", "begrotingsjaar"].contains(previous.folded) { return nil }
            let opensSentence = coreStart < 2 || [".", ":", "!", "?"].contains(matcher.tokens[coreStart - 2].folded)
            if previous.kind == .word, previous.isCapitalised, !opensSentence { return nil }
        }
        var date = resolved(core, modifier: shapingModifier ?? modifier, first: first, end: end, rule: (modifier.map { $0.rawValue + "+" } ?? "") + rule)
        if shapingModifier != nil {
            switch modifier {
            case .from: date.latest = nil
            case .until: date.earliest = nil
            default: break
            }
        }
        return (date, end)
    }

    /// The core of a date at `index`: (end, core, rule name).
    func core(at index: Int, hasModifier: Bool) -> (Int, Core, String)? {
        let tokens = matcher.tokens
        guard index < tokens.count else { return nil }
        let token = tokens[index]
        // Numeric dates: 18.02.2026 as one token, or 18-02-2026 / 2026-02-18 / 18/02/2026 as five adjacent ones.
        if token.kind == .number {
            let parts = token.folded.split(separator: ".")
            if parts.count == 3, let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2]), parts[2].count == 4,
               CalendarDate(year: y, month: m, day: d) != nil {
                return (index + 1, .day(year: y, month: m, day: d), "numeric-date")
            }
            if index + 4 < tokens.count, ["-", "/"].contains(tokens[index + 1].folded), tokens[index + 3].folded == tokens[index + 1].folded,
               matcher.adjacent(index, index + 1), matcher.adjacent(index + 1, index + 2), matcher.adjacent(index + 2, index + 3),
               matcher.adjacent(index + 3, index + 4),
               let a = Int(tokens[index].folded), let b = Int(tokens[index + 2].folded), let c = Int(tokens[index + 4].folded) {
                if tokens[index].folded.count == 4, CalendarDate(year: a, month: b, day: c) != nil {
                    return (index + 5, .day(year: a, month: b, day: c), "iso-date")
                }
                if tokens[index + 4].folded.count == 4, CalendarDate(year: c, month: b, day: a) != nil {
                    return (index + 5, .day(year: c, month: b, day: a), "numeric-date")
                }
            }
            // Day and month name: "18 februari 2026", "1er juin", "1 april".
            if let day = token.integer, (1...31).contains(day), token.folded.count <= 2 {
                var cursor = index + 1
                if matcher.word(cursor) == "er" || matcher.word(cursor) == "e" { cursor += 1 }
                if let word = matcher.word(cursor), let month = Self.months[word] ?? Self.guardedMonths[word] {
                    if cursor + 1 < tokens.count, tokens[cursor + 1].folded == ".", Self.guardedMonths[word] != nil { cursor += 1 }
                    if let year = matcher.year(cursor + 1) {
                        guard CalendarDate(year: year, month: month, day: day) != nil else { return nil }
                        return (cursor + 2, .day(year: year, month: month, day: day), "day-month-year")
                    }
                    return (cursor + 1, .day(year: nil, month: month, day: day), "day-month")
                }
            }
            // Years and ranges of years.
            if matcher.year(index) != nil {
                if let (end, core) = yearRange(at: index) { return (end, core, "year-range") }
                // "2025/26" and "2022-2023-…" are references, not dates.
                if let next = matcher.word(index + 1), next == "/", matcher.adjacent(index, index + 1) { return nil }
                if let year = matcher.year(index) { return (index + 1, .year(year), "year") }
            }
            return nil
        }
        guard token.kind == .word else { return nil }
        let word = token.folded
        // Month (with a year, or alone).
        if let month = Self.months[word] ?? Self.guardedMonths[word] {
            var cursor = index + 1
            if matcher.word(cursor) == ".", Self.guardedMonths[word] != nil { cursor += 1 }
            if let year = matcher.year(cursor) { return (cursor + 1, .month(year: year, month: month), "month-year") }
            if Self.months[word] != nil, Self.guardedMonths[word] == nil { return (index + 1, .month(year: nil, month: month), "month") }
            return nil
        }
        // Season.
        if let season = Self.seasons[word] {
            var cursor = index + 1
            while let filler = matcher.word(cursor), Self.fillers.contains(filler), cursor < index + 3 { cursor += 1 }
            if let year = matcher.year(cursor) { return (cursor + 1, .season(year: year, name: season), "season-year") }
            return (index + 1, .season(year: nil, name: season), "season")
        }
        // Quarter "Q2 2026".
        if word.count == 2, word.hasPrefix("q"), let q = Int(word.dropFirst()), (1...4).contains(q) {
            if let year = matcher.year(index + 1) { return (index + 2, .quarter(year: year, quarter: q), "quarter") }
            return (index + 1, .quarter(year: nil, quarter: q), "quarter")
        }
        // "tweede kwartaal (van) 2026", "eerste helft van 2026", "premier semestre 2026".
        if let ordinal = Self.ordinals[word] ?? (word == "1e" ? 1 : word == "2e" ? 2 : nil), let unit = matcher.word(index + 1) {
            let isQuarter = Self.quarterWords.contains(unit), isHalf = Self.halfWords.contains(unit)
            guard isQuarter || isHalf, isQuarter ? (1...4).contains(ordinal) : (1...2).contains(ordinal) else { return nil }
            var cursor = index + 2
            while let filler = matcher.word(cursor), Self.fillers.contains(filler), cursor < index + 4 { cursor += 1 }
            let year = matcher.year(cursor)
            let end = year == nil ? index + 2 : cursor + 1
            return isQuarter ? (end, .quarter(year: year, quarter: ordinal), "quarter") : (end, .half(year: year, half: ordinal), "half")
        }
        // "dit jaar", "volgend jaar", "komend jaar", "vorig jaar", "cette année", "l'année prochaine".
        if ["dit", "volgend", "volgende", "komend", "komende", "vorig", "vorige", "cette"].contains(word),
           let unit = matcher.word(index + 1), unit == "jaar" || unit == "année" {
            let offset = word == "dit" || word == "cette" ? 0 : (word.hasPrefix("vorig") ? -1 : 1)
            return (index + 2, .yearOffset(offset), "deictic-year")
        }
        if word == "année", matcher.word(index + 1) == "prochaine" { return (index + 2, .yearOffset(1), "deictic-year") }
        return nil
    }

    /// "2026-2030", "2026–2030", "2026 tot (en met) 2030", "2026 t/m 2030", "2026 à 2030".
    func yearRange(at index: Int) -> (Int, Core)? {
        guard let first = matcher.year(index) else { return nil }
        for joiner in [["-"], ["tot", "en", "met"], ["t", "/", "m"], ["tot"], ["à"], ["au"], ["en"]] {
            if joiner == ["en"], matcher.word(index - 1) != "tussen" { continue }
            if let end = matcher.sequence(index + 1, joiner), let last = matcher.year(end), last > first, last - first <= 50 {
                return (end + 1, .years(first, last))
            }
        }
        return nil
    }

    /// "binnen drie maanden na …", "de eerste dag van de tweede maand volgend op …", "dans les trois mois suivant …".
    func relative(at index: Int) -> (date: ExtractedDate, end: Int)? {
        // "de komende 5 jaren", "de afgelopen twee jaar": a counted period around the document's date.
        if let lead = matcher.word(index), ["komende", "afgelopen", "aflopen", "voorbije", "volgende", "prochaines", "dernières"].contains(lead),
           let amount = matcher.word(index + 1), NumberWords.values[amount] != nil || Int(amount) != nil, amount.count <= 3,
           let unit = matcher.word(index + 2), Self.units.contains(unit) {
            let tokens = matcher.tokens
            return (ExtractedDate(start: tokens[index].start, end: tokens[index + 2].end, text: matcher.text(index, index + 3), earliest: nil, latest: nil,
                                  precision: "relative", rule: "counted-period", confidence: 0.7), index + 3)
        }
        var cursor: Int
        if matcher.word(index) == "binnen" || matcher.sequence(index, ["dans", "un", "délai", "de"]) != nil
            || matcher.sequence(index, ["dans", "les"]) != nil {
            cursor = matcher.word(index) == "binnen" ? index + 1 : (matcher.sequence(index, ["dans", "les"]) ?? (index + 4))
            guard let amount = matcher.word(cursor), NumberWords.values[amount] != nil || Int(amount) != nil,
                  let unit = matcher.word(cursor + 1), Self.units.contains(unit) else { return nil }
            cursor += 2
        } else if let end = matcher.sequence(index, ["de", "eerste", "dag", "van", "de"]) ?? matcher.sequence(index, ["le", "premier", "jour", "du"]) {
            guard let ordinal = matcher.word(end), Self.ordinals[ordinal] != nil || NumberWords.values[ordinal] != nil || ordinal == "maand" || ordinal == "mois" else { return nil }
            cursor = ordinal == "maand" || ordinal == "mois" ? end + 1 : end + 2
            guard matcher.word(cursor - 1) == "maand" || matcher.word(cursor - 1) == "mois" else { return nil }
        } else {
            return nil
        }
        // The anchor: "na", "nadat", "volgend op", "volgende op", "vanaf", "suivant", "après", "à compter de".
        guard let anchor = matcher.longest(cursor, Self.anchors) else { return nil }
        var end = anchor.end
        // The anchor noun phrase: up to punctuation or a few words.
        while end < matcher.tokens.count, end < anchor.end + 8 {
            let token = matcher.tokens[end]
            if token.kind == .punctuation, [",", ".", ";", ":", ")", "("].contains(token.folded) { break }
            if token.breaksBefore > 1 { break }
            if ["en", "of", "waarin", "waarbij", "dat", "die", "wordt", "worden", "is", "zijn", "et", "ou", "qui"].contains(token.folded), end > anchor.end + 1 { break }
            end += 1
        }
        guard end > anchor.end else { return nil }
        let tokens = matcher.tokens
        let date = ExtractedDate(start: tokens[index].start, end: tokens[end - 1].end, text: matcher.text(index, end), earliest: nil, latest: nil,
                                 precision: "relative", rule: "relative", confidence: 0.7)
        return (date, end)
    }

    /// Resolves a core with its modifier into first and last day.
    func resolved(_ core: Core, modifier: Modifier?, first: Int, end: Int, rule: String) -> ExtractedDate {
        let tokens = matcher.tokens
        var date = ExtractedDate(start: tokens[first].start, end: tokens[end - 1].end, text: matcher.text(first, end),
                                 earliest: nil, latest: nil, precision: "year", rule: rule, confidence: 0.9)
        let documentYear = documentDate?.year
        func wordingPrefix(_ modifier: Modifier?) -> String {
            switch modifier {
            case .begin: "begin "
            case .end: "eind "
            case .middle: "medio "
            case .around: "rond "
            case .before: "voor "
            case .after: "na "
            default: ""
            }
        }
        // Modifiers that shape the period go into the wording the register's parser reads; the
        // open-ended ones (vanaf, tot) are applied after.
        let shaping: Modifier? = [.begin, .end, .middle, .around, .before, .after].contains(modifier) ? modifier : nil
        var period: FuzzyPeriod?
        switch core {
        case .day(let year, let month, let day):
            date.precision = "day"
            if let y = year ?? documentYear, let day = CalendarDate(year: y, month: month, day: day) {
                period = FuzzyPeriod(day: day)
                if shaping == .before { period = FuzzyPeriod(wording: "", earliest: day, latest: day.adding(days: -1), precision: .day) }
            }
        case .month(let year, let month):
            date.precision = "month"
            if let y = year ?? documentYear { period = FuzzyPeriod.parse("\(wordingPrefix(shaping))\(Self.dutchMonthNames[month - 1]) \(y)") }
        case .season(let year, let name):
            date.precision = "season"
            if let y = year ?? documentYear { period = FuzzyPeriod.parse("\(wordingPrefix(shaping))\(name) \(y)") }
        case .quarter(let year, let q):
            date.precision = "quarter"
            if let y = year ?? documentYear { period = FuzzyPeriod.parse("\(wordingPrefix(shaping))Q\(q) \(y)") }
        case .half(let year, let h):
            date.precision = "half"
            if let y = year ?? documentYear { period = FuzzyPeriod.parse("\(wordingPrefix(shaping))\(h == 1 ? "eerste" : "tweede") semester \(y)") }
        case .year(let y):
            date.precision = "year"
            switch shaping {
            case .before: period = FuzzyPeriod(wording: "", earliest: CalendarDate(year: y - 1, month: 1, day: 1)!, latest: CalendarDate(year: y - 1, month: 12, day: 31)!, precision: .year)
            case .after: period = FuzzyPeriod(wording: "", earliest: CalendarDate(year: y + 1, month: 1, day: 1)!, latest: CalendarDate(year: y + 1, month: 12, day: 31)!, precision: .year)
                date.latest = nil
            default: period = FuzzyPeriod.parse("\(wordingPrefix(shaping))\(y)")
            }
        case .years(let a, let b):
            date.precision = "year"
            period = FuzzyPeriod(wording: "", earliest: CalendarDate(year: a, month: 1, day: 1)!, latest: CalendarDate(year: b, month: 12, day: 31)!, precision: .year)
        case .yearOffset(let offset):
            date.precision = "year"
            if let y = documentYear { period = FuzzyPeriod.parse("\(y + offset)") } else { date.precision = "relative" }
        }
        guard let period else {
            date.confidence = 0.6
            return date
        }
        date.earliest = period.earliest.iso
        date.latest = period.latest.iso
        // "voor 2026", "vóór 1 juli": only the end is known.
        if shaping == .before, case .year = core { date.earliest = nil }
        if shaping == .before, case .day = core { date.earliest = nil }
        // "na 2027" is open-ended: from the next year on.
        if shaping == .after, case .year = core { date.latest = nil }
        switch modifier {
        case .from: date.latest = nil
        case .until: date.earliest = nil
        default: break
        }
        return date
    }
}
