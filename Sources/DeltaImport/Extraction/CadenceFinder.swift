/// Finds how often a body meets ("jaarlijks", "ten minste tweemaal per jaar", "in april van elk
/// jaar", "deux fois par an") in sentences about meeting, with the body named nearest.
struct CadenceFinder: Sendable {
    let matcher: TokenMatcher
    let units: [TextUnit]
    /// Names of the register's bodies (folded words), matched before generic meeting nouns.
    let knownBodies: PhraseIndex

    static let adjectives: [String: Double] = [
        "jaarlijks": 1, "jaarlijkse": 1, "halfjaarlijks": 2, "halfjaarlijkse": 2, "tweejaarlijks": 0.5, "tweejaarlijkse": 0.5,
        "driemaandelijks": 4, "driemaandelijkse": 4, "kwartaal": 4, "maandelijks": 12, "maandelijkse": 12, "wekelijks": 52, "wekelijkse": 52,
        "annuel": 1, "annuelle": 1, "annuellement": 1, "semestriel": 2, "semestrielle": 2, "semestriellement": 2, "trimestriel": 4,
        "trimestrielle": 4, "mensuel": 12, "mensuelle": 12, "biennal": 0.5, "biennale": 0.5, "yearly": 1, "annual": 1, "annually": 1,
    ]
    static let meetingWords: [String] = [
        "overleg", "top", "vergader", "bijeenkomst", "bijeenkom", "samenkom", "samen", "werkgroep", "commissie", "comité", "stuurgroep",
        "ontmoet", "ontmoeting", "topontmoeting", "conferentie", "raad", "platform", "beraad", "réuni", "rencontr", "sommet", "conférence",
        "consultation", "concertation", "meeting", "summit", "treffen", "overlegt", "bijeen", "tafel", "spreken", "spreekt",
    ]
    static let meetingNouns: [String] = [
        "overleg", "top", "werkgroep", "commissie", "comité", "stuurgroep", "bijeenkomst", "vergadering", "conferentie", "ontmoeting",
        "platform", "raad", "beraad", "réunion", "sommet", "conférence", "concertation", "groupe", "overlegplatform", "topontmoeting",
        "tafel", "rondetafel",
    ]
    static let stopwords: Set<String> = [
        "de", "het", "een", "van", "en", "in", "op", "tussen", "met", "voor", "dat", "die", "dit", "deze", "le", "la", "les", "du", "des",
        "un", "une", "et", "ten", "minste", "keer", "maal", "per", "jaar", "elk", "ieder", "wordt", "worden", "zal", "zullen", "komt", "komen",
    ]

    static let perQuarter = PhraseIndex([["per", "kwartaal"], ["elk", "kwartaal"], ["ieder", "kwartaal"], ["chaque", "trimestre"]])
    static let everyYear = PhraseIndex([["elk", "jaar"], ["ieder", "jaar"], ["elke", "jaar"], ["jaar", "na", "jaar"], ["chaque", "année"],
                                        ["tous", "les", "ans"], ["every", "year"], ["each", "year"]])
    static let everyTwoYears = PhraseIndex([["om", "de", "twee", "jaar"], ["om", "de", "2", "jaar"], ["tous", "les", "deux", "ans"], ["elke", "twee", "jaar"]])
    static let ofEveryYear = PhraseIndex([["van", "elk", "jaar"], ["van", "ieder", "jaar"], ["de", "chaque", "année"], ["van", "elke", "jaar"]])
    static let atLeast = PhraseIndex([["ten", "minste"], ["minstens"], ["minimaal"], ["au", "moins"], ["tenminste"]])
    static let perYear = PhraseIndex([["per", "jaar"], ["in", "het", "jaar"], ["par", "an"], ["par", "année"], ["a", "year"], ["per", "year"], ["jaarlijks"]])

    func find() -> [ExtractedCadence] {
        var found: [ExtractedCadence] = []
        for unit in units {
            // Phrases are rare and cheap to look up; whether the sentence is about meeting is read
            // only for sentences that have one.
            var aboutMeeting: Bool?
            var index = unit.firstToken
            while index < unit.endToken {
                if let (end, perYear, rule) = match(at: index, limit: unit.endToken) {
                    if aboutMeeting == nil { aboutMeeting = isAboutMeeting(unit) }
                    guard aboutMeeting == true else { break }
                    let tokens = matcher.tokens
                    found.append(ExtractedCadence(start: tokens[index].start, end: tokens[end - 1].end, text: matcher.text(index, end),
                                                  minPerYear: perYear, body: body(near: index, end: end, in: unit), rule: rule, confidence: 0.85))
                    index = end
                } else {
                    index += 1
                }
            }
        }
        return found
    }

    func isAboutMeeting(_ unit: TextUnit) -> Bool {
        for index in unit.firstToken..<unit.endToken {
            let word = matcher.tokens[index].folded
            if Self.meetingWords.contains(where: { word.hasPrefix($0) || (word.count > 6 && word.hasSuffix($0)) }) { return true }
        }
        return false
    }

    /// Every word a frequency phrase can start with (numbers start them too).
    static let starters: Set<Int> = wordKeys(
        Array(adjectives.keys) + ["per", "elk", "ieder", "elke", "jaar", "chaque", "tous", "every", "each", "om", "in", "en", "au", "ten", "minstens",
                                  "minimaal", "tenminste"]
            + NumberWords.values.keys.flatMap { [$0, $0 + "maal", $0 + "keer"] })

    /// A frequency phrase at `index`: (end, meetings per year, rule).
    func match(at index: Int, limit: Int) -> (Int, Double, String)? {
        guard let word = matcher.word(index), index < limit,
              matcher.tokens[index].kind == .number || Self.starters.contains(matcher.tokens[index].key) else { return nil }
        if let perYear = Self.adjectives[word], word != "kwartaal" { return (index + 1, perYear, "adjective") }
        if let end = matcher.longest(index, Self.perQuarter)?.end {
            return (end, 4, "per-quarter")
        }
        if let end = matcher.longest(index, Self.everyYear)?.end {
            return (end, 1, "every-year")
        }
        if let end = matcher.longest(index, Self.everyTwoYears)?.end {
            return (end, 0.5, "every-two-years")
        }
        // "in april van elk jaar", "in het voorjaar van elk jaar", "en avril de chaque année".
        if word == "in" || word == "en" || word == "au" {
            var cursor = index + 1
            while let w = matcher.word(cursor), ["het", "de", "la", "le"].contains(w) { cursor += 1 }
            if let w = matcher.word(cursor), DateFinder.months[w] != nil || DateFinder.seasons[w] != nil {
                if let end = matcher.longest(cursor + 1, Self.ofEveryYear)?.end {
                    return (end, 1, "month-of-every-year")
                }
            }
        }
        // "(ten minste|minstens|minimaal|au moins) twee(maal|keer) per jaar", "deux fois par an", "1 keer per jaar".
        var cursor = index
        var qualifier = false
        if let end = matcher.longest(cursor, Self.atLeast)?.end {
            cursor = end
            qualifier = true
        }
        guard let count = matcher.word(cursor) else { return nil }
        var times: Double?
        var next = cursor + 1
        for (suffix, _) in [("maal", 0), ("keer", 0)] where count.hasSuffix(suffix) && count.count > suffix.count {
            times = NumberWords.values[String(count.dropLast(suffix.count))]
        }
        if times == nil, let value = NumberWords.values[count] ?? Double(count),
           let unit = matcher.word(next), ["maal", "keer", "fois", "times", "x"].contains(unit) {
            times = value
            next += 1
        }
        guard let times, times > 0, times <= 52 else { return nil }
        if let end = matcher.longest(next, Self.perYear)?.end {
            return (end, times, qualifier ? "at-least-times-per-year" : "times-per-year")
        }
        return nil
    }

    /// The body or meeting named nearest to the phrase in the same unit, as written.
    func body(near first: Int, end: Int, in unit: TextUnit) -> String? {
        var best: (distance: Int, first: Int, end: Int)?
        func consider(_ a: Int, _ b: Int) {
            let distance = b <= first ? first - b : (a >= end ? a - end : 0)
            if best == nil || distance < best!.distance { best = (distance, a, b) }
        }
        // Only a window around the phrase is read, so a long sentence full of phrases stays linear.
        let window = max(unit.firstToken, first - 30)..<min(unit.endToken, end + 30)
        for index in window {
            if let (stop, _) = matcher.longest(index, knownBodies), stop <= unit.endToken { consider(index, stop) }
        }
        if let best { return matcher.text(best.first, best.end) }
        for index in window {
            let word = matcher.tokens[index].folded
            guard Self.meetingNouns.contains(where: { word == $0 || word.hasSuffix($0) && word.count > $0.count + 3 }) else { continue }
            // Up to two describing words before the noun ("politiek overleg", "Vlaams-Nederlandse top").
            var start = index
            while start > window.lowerBound, index - start < 3 {
                let previous = matcher.tokens[start - 1]
                guard previous.kind == .word || (previous.folded == "-" && matcher.adjacent(start - 1, start)),
                      !Self.stopwords.contains(previous.folded), Self.adjectives[previous.folded] == nil else { break }
                if previous.folded == "-" { start -= 1; continue }
                start -= 1
            }
            if start < index, matcher.tokens[start].folded == "-" { start += 1 }
            consider(start, index + 1)
        }
        guard let best else { return nil }
        return matcher.text(best.first, best.end)
    }
}
