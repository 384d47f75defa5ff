/// Matching helpers over a token array: fixed word sequences, alternatives, and slices of the
/// original text by token span.
struct TokenMatcher: Sendable {
    let tokens: [ExtractionToken]
    let scalars: [Unicode.Scalar]

    /// The folded token at `index`, or nil past the end.
    @inline(__always) func word(_ index: Int) -> String? { index >= 0 && index < tokens.count ? tokens[index].folded : nil }

    /// The end index when the tokens from `index` spell `words` (within one sentence: no blank
    /// line inside, apostrophes written adjacent).
    func sequence(_ index: Int, _ words: [String]) -> Int? {
        guard index + words.count <= tokens.count else { return nil }
        for (offset, expected) in words.enumerated() {
            let token = tokens[index + offset]
            guard token.folded == expected else { return nil }
            if offset > 0, token.breaksBefore > 1 { return nil }
        }
        return index + words.count
    }

    /// The longest phrase of `phrases` that starts at `index`: one dictionary lookup on the
    /// token, then only the phrases that start with it (hot loops run this at every token).
    func longest(_ index: Int, _ phrases: PhraseIndex) -> (end: Int, words: [String])? {
        guard index >= 0, index < tokens.count, phrases.firstKeys.contains(tokens[index].key),
              let options = phrases.byFirst[tokens[index].folded] else { return nil }
        for option in options { if let end = sequence(index, option) { return (end, option) } }
        return nil
    }

    /// The original text of tokens `first..<end`.
    func text(_ first: Int, _ end: Int) -> String {
        guard first < end else { return "" }
        return String(String.UnicodeScalarView(scalars[tokens[first].start..<tokens[end - 1].end]))
    }

    /// Whether the token at `index` is a four-digit year between 1800 and 2200.
    func year(_ index: Int) -> Int? {
        guard index >= 0, index < tokens.count, tokens[index].kind == .number, tokens[index].folded.utf8.count == 4,
              let value = Int(tokens[index].folded), (1800...2200).contains(value) else { return nil }
        return value
    }

    /// Whether two tokens touch (no space between them).
    func adjacent(_ left: Int, _ right: Int) -> Bool { tokens[left].end == tokens[right].start }
}

/// The keys (`ExtractionToken.key`) of words, for a quick "can something start here" test.
func wordKeys(_ words: some Sequence<String>) -> Set<Int> { Set(words.map(\.hashValue)) }

/// Word sequences indexed by their first word, longest first, for `TokenMatcher.longest`.
struct PhraseIndex: Sendable {
    let byFirst: [String: [[String]]]
    /// The keys of the first words, to skip the string lookup for every other token.
    let firstKeys: Set<Int>

    init(_ phrases: [[String]]) {
        var byFirst: [String: [[String]]] = [:]
        for phrase in phrases where !phrase.isEmpty { byFirst[phrase[0], default: []].append(phrase) }
        self.byFirst = byFirst.mapValues { $0.sorted { $0.count > $1.count } }
        firstKeys = wordKeys(byFirst.keys)
    }
}

/// Number words that extraction reads: Dutch and French, as counts.
enum NumberWords {
    static let values: [String: Double] = [
        "een": 1, "één": 1, "eén": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8, "negen": 9,
        "tien": 10, "twaalf": 12, "twintig": 20, "dertig": 30, "veertig": 40, "vijftig": 50, "honderd": 100, "anderhalf": 1.5,
        "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8, "neuf": 9, "dix": 10,
        "douze": 12, "vingt": 20, "trente": 30, "cent": 100,
    ]
}
