import Foundation

/// Finds sums of money: a qualifier, a currency before or after, a number or a range, a scale
/// word. Conventions: docs/EXTRACTION.md.
struct AmountFinder: Sendable {
    let matcher: TokenMatcher
    /// For each token, whether its sentence speaks of money (needed when an amount has a scale
    /// word but no currency: "tot wel een miljard").
    let moneyContext: @Sendable (Int) -> Bool

    enum Kind: String { case exact, approximate, range, upTo = "up_to", atLeast = "at_least" }

    static let qualifiers: [([String], Kind)] = [
        (["circa"], .approximate), (["ca", "."], .approximate), (["ongeveer"], .approximate), (["ruim"], .approximate),
        (["bijna"], .approximate), (["zo", "'", "n"], .approximate), (["rond"], .approximate), (["rondom"], .approximate),
        (["omstreeks"], .approximate), (["environ"], .approximate), (["quelque"], .approximate), (["près", "de"], .approximate),
        (["tot", "wel"], .upTo), (["tot"], .upTo), (["maximaal"], .upTo), (["hooguit"], .upTo), (["ten", "hoogste"], .upTo),
        (["maximum"], .upTo), (["au", "maximum"], .upTo), (["jusqu", "'", "à"], .upTo), (["max", "."], .upTo), (["minder", "dan"], .upTo),
        (["ten", "minste"], .atLeast), (["minimaal"], .atLeast), (["minstens"], .atLeast), (["meer", "dan"], .atLeast),
        (["au", "moins"], .atLeast), (["plus", "de"], .atLeast), (["minimum"], .atLeast), (["min", "."], .atLeast),
    ]
    static let prefixCurrencies: [([String], String)] = [
        (["€"], "EUR"), (["eur"], "EUR"), (["euro"], "EUR"), (["ƒ"], "NLG"), (["fl", "."], "NLG"), (["nlg"], "NLG"), (["hfl", "."], "NLG"),
        (["bef"], "BEF"), (["bfr"], "BEF"), (["bfr", "."], "BEF"),
    ]
    static let suffixCurrencies: [([String], String)] = [
        (["euro"], "EUR"), (["eur"], "EUR"), (["€"], "EUR"), (["d", "'", "euros"], "EUR"), (["d", "'", "euro"], "EUR"), (["euros"], "EUR"),
        (["gulden"], "NLG"), (["nlg"], "NLG"), (["frank"], "BEF"), (["belgische", "frank"], "BEF"), (["bef"], "BEF"),
        (["francs", "belges"], "BEF"), (["francs"], "BEF"), (["bfr"], "BEF"),
    ]
    static let scales: [([String], Double)] = [
        (["miljoen"], 1e6), (["mln"], 1e6), (["mln", "."], 1e6), (["mio"], 1e6), (["mio", "."], 1e6), (["million"], 1e6), (["millions"], 1e6),
        (["miljard"], 1e9), (["mld"], 1e9), (["mld", "."], 1e9), (["mrd"], 1e9), (["milliard"], 1e9), (["milliards"], 1e9),
        (["duizend"], 1e3), (["mille"], 1e3), (["m"], 1e6), (["bn"], 1e9),
    ]

    static let qualifierIndex = PhraseIndex(qualifiers.map(\.0))
    static let qualifierKinds = Dictionary(qualifiers.map { ($0.0, $0.1) }, uniquingKeysWith: { first, _ in first })
    static let prefixIndex = PhraseIndex(prefixCurrencies.map(\.0))
    static let prefixCodes = Dictionary(prefixCurrencies.map { ($0.0, $0.1) }, uniquingKeysWith: { first, _ in first })
    static let suffixIndex = PhraseIndex(suffixCurrencies.map(\.0))
    static let suffixCodes = Dictionary(suffixCurrencies.map { ($0.0, $0.1) }, uniquingKeysWith: { first, _ in first })
    static let scaleIndex = PhraseIndex(scales.map(\.0))
    static let scaleValues = Dictionary(scales.map { ($0.0, $0.1) }, uniquingKeysWith: { first, _ in first })
    static let rangeJoiners = PhraseIndex([["-"], ["tot"], ["à"]])
    static let betweenJoiners = PhraseIndex([["en"], ["et"], ["-"]])

    func find() -> [ExtractedAmount] {
        var found: [ExtractedAmount] = []
        var index = 0
        while index < matcher.tokens.count {
            if let (amount, end) = match(at: index) {
                found.append(amount)
                index = end
            } else {
                index += 1
            }
        }
        return found
    }

    /// Every word an amount can start with (numbers start them too).
    static let starters: Set<Int> = wordKeys(qualifiers.map { $0.0[0] } + prefixCurrencies.map { $0.0[0] } + ["tussen", "entre"] + Array(NumberWords.values.keys))

    func match(at index: Int) -> (ExtractedAmount, Int)? {
        guard index < matcher.tokens.count, matcher.tokens[index].kind == .number || Self.starters.contains(matcher.tokens[index].key) else { return nil }
        var cursor = index
        var kind: Kind = .exact
        var qualified = false
        var between = false
        if let (end, words) = matcher.longest(cursor, Self.qualifierIndex), let qualifier = Self.qualifierKinds[words] {
            kind = qualifier
            qualified = true
            cursor = end
        } else if matcher.word(cursor) == "tussen" || matcher.word(cursor) == "entre" {
            between = true
            cursor += 1
        }
        var currency: String?
        if let (end, words) = matcher.longest(cursor, Self.prefixIndex) {
            currency = Self.prefixCodes[words]
            cursor = end
        }
        guard let (afterFirst, first) = number(at: cursor) else { return nil }
        cursor = afterFirst
        var second: Double?
        // A range: "200-250", "200 tot 250", "tussen 20 en 25", "entre 20 et 25", "de 20 à 25".
        if let (end, _) = matcher.longest(cursor, between ? Self.betweenJoiners : Self.rangeJoiners) {
            var next = end
            if currency != nil, let repeated = matcher.longest(next, Self.prefixIndex) { next = repeated.end }
            if let (afterSecond, value) = number(at: next) {
                second = value
                cursor = afterSecond
            }
        }
        if between, second == nil { return nil }
        var scale = 1.0
        var hasScale = false
        if let (end, words) = matcher.longest(cursor, Self.scaleIndex) {
            // "m" and "bn" only right after a number written with a currency sign ("€130m").
            let short = words == ["m"] || words == ["bn"]
            if !short || (currency != nil && matcher.adjacent(cursor - 1, cursor)) {
                scale = Self.scaleValues[words] ?? 1
                hasScale = true
                cursor = end
            }
        }
        if let (end, words) = matcher.longest(cursor, Self.suffixIndex), let suffix = Self.suffixCodes[words] {
            if currency == nil || currency == suffix {
                currency = suffix
                cursor = end
            }
        }
        // Without a currency, only a scaled amount in a sentence about money counts.
        if currency == nil {
            guard hasScale, moneyContext(index) else { return nil }
            // "740 meter", "5 miljoen reizigers": a unit or noun after the scale means not money.
            if let next = matcher.word(cursor), matcher.tokens[cursor].kind == .word, !["in", "aan", "voor", "extra", "euro", "per", "is", "wordt", "worden", "beschikbaar", "geïnvesteerd", "investeren", "uit", "van", "op", "bij", "om", "en"].contains(next) {
                return nil
            }
            currency = "EUR"
        }
        guard let currency else { return nil }
        let low = first * scale, high = (second ?? first) * scale
        if second != nil, high < low { return nil }
        // Beyond what the register can hold (a trillion) it is no amount but a stray number.
        guard low.isFinite, high.isFinite, high < 1e12 else { return nil }
        var amount = ExtractedAmount(start: matcher.tokens[index].start, end: matcher.tokens[cursor - 1].end, text: matcher.text(index, cursor),
                                     currency: currency, kind: kind.rawValue, min: low, max: high, rule: nil, confidence: 0.9)
        if second != nil || between {
            amount.kind = Kind.range.rawValue
        } else {
            switch kind {
            case .upTo: amount.min = nil
            case .atLeast: amount.max = nil
            default: break
            }
        }
        amount.rule = [qualified ? "qualifier" : nil, second != nil ? "range" : nil, hasScale ? "scale" : nil, "currency"].compactMap { $0 }.joined(separator: "+")
        if !hasScale, currency != "EUR" || (first < 1000 && second == nil) { amount.confidence = 0.75 }
        return (amount, cursor)
    }

    /// A number at `index`: digits with Dutch/French separators ("1.250.000", "2,5", "1 250 000")
    /// or a number word ("een", "twee", "deux") that a scale word follows.
    func number(at index: Int) -> (Int, Double)? {
        guard index < matcher.tokens.count else { return nil }
        let token = matcher.tokens[index]
        if token.kind == .word, let value = NumberWords.values[token.folded] {
            guard matcher.longest(index + 1, Self.scaleIndex) != nil else { return nil }
            return (index + 1, value)
        }
        guard token.kind == .number else { return nil }
        var digits = token.folded
        var end = index + 1
        // Groups of three digits separated by (no-break) spaces: "1 250 000".
        while end < matcher.tokens.count, matcher.tokens[end].kind == .number, matcher.tokens[end].folded.count == 3,
              matcher.tokens[end].breaksBefore == 0, matcher.tokens[end].start - matcher.tokens[end - 1].end == 1,
              !digits.contains(","), digits.count <= 3 || digits.contains(".") == false {
            let gap = matcher.scalars[matcher.tokens[end - 1].end]
            guard gap == "\u{A0}" || gap == "\u{202F}" || gap == " " || gap == "\u{2009}" else { break }
            digits += "." + matcher.tokens[end].folded
            end += 1
        }
        return Self.value(of: digits).map { (end, $0) }
    }

    /// "1.250.000" → 1250000, "2,5" → 2.5, "1.250.000,50" → 1250000.5, "1.5" → 1.5.
    static func value(of digits: String) -> Double? {
        let groups = digits.split(separator: ".", omittingEmptySubsequences: false)
        var text = digits
        if groups.count > 1, groups.dropFirst().allSatisfy({ $0.count == 3 || ($0.contains(",") && $0.split(separator: ",")[0].count == 3) }) {
            text = digits.replacingOccurrences(of: ".", with: "")
        }
        text = text.replacingOccurrences(of: ",", with: ".")
        guard text.split(separator: ".").count <= 2 else { return nil }
        return Double(text)
    }
}
