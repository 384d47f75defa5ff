/// Finds commitments: sentences and list items in which parties commit to something, with the
/// parties named as their subject. Conventions: docs/EXTRACTION.md.
struct AgreementFinder: Sendable {
    let matcher: TokenMatcher
    let units: [TextUnit]
    /// Party names as folded word sequences (register organisations and the built-in list).
    let parties: PhraseIndex

    static let phraseIndex = PhraseIndex(phrases)
    static let partyPhraseIndex = PhraseIndex(partyPhrases)
    static let futureMarkerIndex = PhraseIndex(futureMarkers)

    /// Commitment phrases: contiguous word sequences.
    static let phrases: [[String]] = [
        ["komen", "overeen"], ["kwamen", "overeen"], ["komt", "overeen"], ["verbinden", "zich"], ["verbindt", "zich"], ["verplichten", "zich"],
        ["verplicht", "zich"], ["wordt", "afgesproken"], ["werd", "afgesproken"], ["is", "afgesproken"], ["zijn", "afgesproken"],
        ["worden", "afgesproken"], ["afgesproken", "dat"], ["spreken", "af"], ["spraken", "af"], ["spreekt", "af"], ["draagt", "zorg"],
        ["dragen", "zorg"], ["is", "bereid"], ["zijn", "bereid"], ["verklaren", "zich", "bereid"], ["stemmen", "in", "met"],
        ["engagent"], ["s", "'", "engagent"], ["s", "'", "engage"], ["conviennent"], ["sont", "convenus"], ["décident"], ["s", "'", "accordent"],
        ["nemen", "het", "initiatief"], ["gaan", "over", "tot"], ["committeren", "zich"], ["zeggen", "toe"], ["zegt", "toe"],
        ["hebben", "besloten"], ["heeft", "besloten"], ["hebben", "afgesproken"], ["heeft", "afgesproken"], ["intentie", "uitgesproken"],
        ["afspraken", "gemaakt"], ["verbinden", "ons"], ["verbinden", "we", "ons"], ["verbinden", "wij", "ons"],
        ["zorgen", "we", "voor"], ["zetten", "we", "in"], ["zetten", "wij", "in"], ["overeengekomen"], ["overeen", "te", "komen"],
    ]
    /// Commitment phrases that need a party as their subject ("Het zorgt voor …" commits nobody).
    static let partyPhrases: [[String]] = [
        ["zorgen", "voor"], ["zorgt", "voor"], ["sluiten", "een"], ["sluit", "een"], ["herbevestigen"], ["bevestigen", "opnieuw"],
        ["zetten", "zich"], ["zet", "zich"], ["spannen", "zich"], ["spant", "zich"],
    ]
    /// Separable verbs: the verb, then its particle later in the same unit ("spreken … af").
    static let separable: [(verb: Set<String>, particle: Set<String>)] = [
        (["spreken", "spraken", "spreekt"], ["af", "uit"]), (["komen", "kwamen"], ["overeen"]),
        (["zetten", "zet"], ["in"]), (["nemen", "neemt"], ["op"]), (["zeggen", "zegt"], ["toe"]), (["trekken", "trekt"], ["uit"]),
        (["spannen", "spant"], ["in"]),
    ]
    /// Verbs that commit only with a party as subject before them.
    static let partyVerbs: Set<String> = [
        "zullen", "zal", "gunt", "betaalt", "betalen", "financieren", "financiert", "blijven", "blijft", "gaan", "gaat",
        "organiseren", "organiseert", "starten", "continueren", "bestendigen", "investeren", "investeert", "verlengen",
        "stellen", "stelt", "richten", "richt", "installeren", "installeert", "engageren",
    ]
    /// Present-tense verbs that commit when the sentence names a time to come ("bespreken de
    /// komende jaren …", "investeert de komende jaren …").
    static let futureMarkers: [[String]] = [
        ["de", "komende"], ["komend", "jaar"], ["volgend", "jaar"], ["dit", "jaar"], ["vanaf"], ["uiterlijk"], ["voor", "de", "zomer"],
        ["in", "de", "loop", "van"], ["tegen"], ["na", "deze", "top"], ["binnenkort"], ["op", "korte", "termijn"],
    ]
    /// Words that mark a sentence as reporting, not committing.
    static let reportingOpeners: Set<String> = ["vandaag", "gisteren", "eerder", "in", "sinds"]

    func find() -> [ExtractedAgreement] {
        var found: [ExtractedAgreement] = []
        var announcing: (parties: [String], unit: TextUnit)?
        for unit in units where unit.kind != .heading {
            if unit.kind == .listItem, let announcing {
                // An item commits for the parties of its announcing sentence, unless it names its own subject.
                let own = trigger(in: unit).map { subject(first: unit.firstToken, verb: $0.1, end: unit.endToken) } ?? []
                found.append(agreement(unit, parties: own.isEmpty ? announcing.parties : own, rule: "list-item", confidence: 0.8))
                continue
            }
            announcing = nil
            guard let (rule, verbIndex) = trigger(in: unit) else {
                if unit.announcesList, mentionsCommitmentList(unit) { announcing = (partiesIn(unit.firstToken, unit.endToken), unit) }
                continue
            }
            let subjectParties = subject(first: unit.firstToken, verb: verbIndex, end: unit.endToken)
            let parties = subjectParties.isEmpty ? partiesIn(unit.firstToken, verbIndex) : subjectParties
            if unit.announcesList {
                announcing = (parties, unit)
                // "… spreken het volgende af:" is only an announcement; its items are the agreements.
                if unit.endToken - unit.firstToken < 14 { continue }
            }
            found.append(agreement(unit, parties: parties, rule: rule, confidence: rule == "party-verb" ? 0.7 : 0.9))
        }
        return found
    }

    func agreement(_ unit: TextUnit, parties: [String], rule: String, confidence: Double) -> ExtractedAgreement {
        let tokens = matcher.tokens
        return ExtractedAgreement(start: tokens[unit.firstToken].start, end: tokens[unit.endToken - 1].end,
                                  text: matcher.text(unit.firstToken, unit.endToken), parties: parties, rule: rule, confidence: confidence)
    }

    /// Every word a commitment can start with.
    static let starters: Set<Int> = wordKeys(phrases.map { $0[0] } + partyPhrases.map { $0[0] } + separable.flatMap(\.verb) + Array(partyVerbs))

    /// The commitment in a unit: the rule and the index of its verb.
    func trigger(in unit: TextUnit) -> (String, Int)? {
        let first = unit.firstToken, end = unit.endToken
        // The minister writing in the first person plans; the letter commits nobody else.
        let firstPerson = (first..<min(end, first + 3)).contains { matcher.tokens[$0].folded == "ik" }
        for index in first..<end where Self.starters.contains(matcher.tokens[index].key) {
            if let stop = matcher.longest(index, Self.phraseIndex)?.end, stop <= end, !firstPerson { return ("phrase", index) }
            if let stop = matcher.longest(index, Self.partyPhraseIndex)?.end, stop <= end, !firstPerson,
               hasSubject(first: first, verb: index, end: end) {
                return ("party-phrase", index)
            }
            let word = matcher.tokens[index].folded
            for pair in Self.separable where pair.verb.contains(word) {
                var cursor = index + 1
                // The particle follows within a clause: a bounded window keeps long texts linear.
                while cursor < min(end, index + 40) {
                    if pair.particle.contains(matcher.tokens[cursor].folded) {
                        // "spreken … uit" commits only as an intention ("spreken de intentie uit"), not an aim ("het streven").
                        if matcher.tokens[cursor].folded == "uit", word.hasPrefix("spr"),
                           !(index..<cursor).contains(where: { matcher.tokens[$0].folded == "intentie" }) { break }
                        // "zetten in op/voor" and "werken samen" commit when a party is the subject.
                        if (word.hasPrefix("zet") || word.hasPrefix("nem") || word.hasPrefix("trek")) && !hasSubject(first: first, verb: index, end: end) { break }
                        if firstPerson { break }
                        return ("separable-verb", index)
                    }
                    if matcher.tokens[cursor].folded == "," || matcher.tokens[cursor].folded == ";" { break }
                    cursor += 1
                }
            }
            if Self.partyVerbs.contains(word), !firstPerson, index - first <= 14, hasSubject(first: first, verb: index, end: end) {
                // "zullen"/"zal" in a clause after "als", "indien" is a condition, not a commitment.
                let clause = (first..<index).contains { ["als", "indien", "wanneer", "zodra", "omdat", "hoewel"].contains(matcher.tokens[$0].folded) }
                if !clause { return ("party-verb", index) }
            }
        }
        // A party as subject and a time to come: "De komende jaren investeert de Rijksoverheid …".
        if !firstPerson, (first..<end).contains(where: { matcher.longest($0, Self.futureMarkerIndex) != nil }),
           let verb = (first..<min(end, first + 12)).first(where: { hasSubject(first: first, verb: $0, end: end) && isFiniteVerbCandidate($0) }) {
            return ("future-present", verb)
        }
        return nil
    }

    /// Whether the verb at `verb` has a party as subject: before it, or right after it when the
    /// sentence opens with an adverbial ("Daarnaast zullen Vlaanderen en Nederland …").
    func hasSubject(first: Int, verb: Int, end: Int) -> Bool { !subject(first: first, verb: verb, end: end).isEmpty }

    /// The parties that are the verb's subject: named just before it (the last words before the
    /// verb), or just after it when the sentence opens with an adverbial ("Daarnaast zullen
    /// Vlaanderen en Nederland …"), or a capitalised name that opens the sentence ("De Brakke
    /// Grond zal …", "VDAB en UWV hebben besloten …").
    func subject(first: Int, verb: Int, end: Int) -> [String] {
        let before = partiesIn(max(first, verb - 8), verb)
        if !before.isEmpty { return before }
        if verb > first, verb + 1 < end, matcher.tokens[verb + 1].folded != "met" {
            let after = partiesIn(verb + 1, min(end, verb + 5))
            if !after.isEmpty { return after }
        }
        // A sentence that opens with a name: capitalised words (with "en", "van", "voor", "de" between) up to the verb.
        guard verb > first, verb - first <= 10, matcher.tokens[first].isCapitalised else { return [] }
        let joiners: Set<String> = ["en", "van", "voor", "de", "het", "-", ",", "der"]
        var names: [String] = []
        var start = first
        for index in first..<verb {
            let token = matcher.tokens[index]
            if token.isCapitalised || token.kind == .number { continue }
            guard joiners.contains(token.folded) else { return [] }
            if token.folded == "en" || token.folded == "," {
                if start < index { names.append(matcher.text(start, index)) }
                start = index + 1
            }
        }
        if start < verb { names.append(matcher.text(start, verb)) }
        // A name has two capitalised words ("De Brakke Grond", "Minister Slob") or is an acronym
        // ("VDAB"); one capitalised word opening a sentence is usually an adverb ("Daarnaast").
        return names.filter { name in
            let words = name.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\u{A0}" })
            let capitalised = words.filter { $0.first?.isUppercase == true }
            let acronym = words.contains { $0.count >= 2 && $0.allSatisfy { $0.isUppercase || $0.isNumber } }
            return capitalised.count >= 2 || acronym
        }
    }

    /// A word that may be the finite verb: lower case, not a function word.
    func isFiniteVerbCandidate(_ index: Int) -> Bool {
        let token = matcher.tokens[index]
        return token.kind == .word && !token.isCapitalised && token.folded.count > 3 && (token.folded.hasSuffix("en") || token.folded.hasSuffix("t"))
            && !TextUnits.functionWords.contains(token.folded) && !["komende", "volgende", "samen", "beiden", "regeringen", "partijen"].contains(token.folded)
    }

    /// Whether an announcing sentence introduces commitments ("omvat in ieder geval de volgende dossiers:").
    func mentionsCommitmentList(_ unit: TextUnit) -> Bool {
        (unit.firstToken..<unit.endToken).contains { index in
            let word = matcher.tokens[index].folded
            return word == "volgende" || word == "onder" && matcher.word(index + 1) == "meer" || word == "suivants" || word == "suivantes"
                || word == "afspraken" || word == "omvat"
        }
    }

    /// The parties named in tokens `first..<end`, as written, in order, without repeats.
    func partiesIn(_ first: Int, _ end: Int) -> [String] {
        var names: [String] = []
        var index = first
        while index < end {
            var matched: Int?
            if let (stop, _) = matcher.longest(index, parties), stop <= end { matched = stop }
            // "de Minister van Infrastructuur en Waterstaat", "het Ministerie van …": capitalised words after "van".
            if matched == nil, ["minister", "ministerie", "staatssecretaris", "provincie", "gemeente", "ministre", "province"].contains(matcher.tokens[index].folded),
               matcher.tokens[index].isCapitalised || index > first {
                var stop = index + 1
                if matcher.word(stop) == "van" || matcher.word(stop) == "de" { stop += 1 }
                let before = stop
                while stop < end, matcher.tokens[stop].isCapitalised || (matcher.tokens[stop].folded == "en" && stop + 1 < end && matcher.tokens[stop + 1].isCapitalised) {
                    stop += 1
                }
                if stop > before { matched = stop }
            }
            if let stop = matched {
                let name = matcher.text(index, stop)
                if !names.contains(name) { names.append(name) }
                index = stop
            } else {
                index += 1
            }
        }
        return names
    }

    /// Parties every text may name, folded; the register's organisations are added by the caller.
    static let builtInParties: [String] = [
        "Nederland", "België", "Vlaanderen", "Wallonië", "Brussel", "Duitsland", "Noordrijn-Westfalen", "Luxemburg", "Frankrijk",
        "het Vlaamse Gewest", "het Waalse Gewest", "de Vlaamse Regering", "de Vlaamse overheid", "de Nederlandse regering", "de Belgische regering",
        "de federale regering", "het kabinet", "het Rijk", "de Staat", "beide landen", "beide regeringen", "beide overheden", "beide partijen",
        "de ondertekenaars", "ondertekenaars", "de partijen", "partijen", "de ministers", "de bewindspersonen", "de minister-presidenten",
        "de Minister-presidenten", "de regeringsleiders", "de regeringen", "Infrabel", "ProRail", "NMBS", "NS", "De Lijn", "Lineas",
        "North Sea Port", "Port of Antwerp-Bruges", "Havenbedrijf Rotterdam", "de provincies", "de betrokken partijen", "de deelnemers",
        "we", "wij", "beiden", "de Nederlandse en Vlaamse regeringen", "de Vlaamse en Nederlandse regeringen", "beide regeringen",
        "de Nederlandse regering", "de Vlaamse regering", "de Rijksoverheid", "de Taalunie", "de Nederlandse Taalunie", "de gouverneurs",
        "beide bewindslieden", "de bewindslieden", "beide ministers",
        "les parties", "la Belgique", "les Pays-Bas", "la Flandre", "les ministres", "les signataires", "les deux pays",
    ]
}
