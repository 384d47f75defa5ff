/// A sentence, a list item or a heading of a text, as a range of tokens and of scalars.
public struct TextUnit: Sendable, Hashable {
    /// What the unit is.
    public enum Kind: Sendable, Hashable { case sentence, listItem, heading }

    public let kind: Kind
    /// Tokens `firstToken..<endToken` (without a list item's bullet or number).
    public let firstToken: Int
    public let endToken: Int
    /// The list marker as written ("1.", "a)", "-"), for list items.
    public let marker: String?
    /// Whether the unit ends with a colon (it announces a list).
    public let announcesList: Bool
}

/// Splits tokens into sentences, list items and headings, across hard-wrapped lines.
///
/// Why not split at line breaks: documents arrive hard-wrapped (often with blank lines between
/// wrapped lines), so a break only ends a unit when the next line starts a list item, or when
/// the line before it is a short line without final punctuation followed by a capital (a
/// heading), or after a colon. Sentences end at `.`, `!` or `?` followed by a capital, digit,
/// quote or list marker, except after common abbreviations.
public enum TextUnits {
    static let abbreviations: Set<String> = [
        "nr", "o", "a", "bijv", "bv", "i", "e", "ca", "art", "blz", "jl", "mr", "dhr", "mevr", "drs", "ir", "prof", "dr", "st",
        "m", "mw", "resp", "incl", "excl", "min", "max", "vgl", "zgn", "evt", "etc", "mln", "mld", "fl", "no", "n", "cf", "p",
        "pag", "z", "w", "v", "ing", "ir", "jr", "sr", "mme", "mm", "art", "al", "par", "cie", "vz", "dd", "kamerstukken", "enz", "etc", "o.a", "bijv", "nl", "zie", "t", "a.s", "jl",
    ]

    static let functionWords: Set<String> = [
        "van", "de", "het", "een", "en", "of", "met", "voor", "tot", "op", "in", "tussen", "door", "om", "te", "dat", "die", "aan", "bij",
        "naar", "als", "over", "uit", "zijn", "is", "wordt", "worden", "zal", "zullen", "le", "la", "les", "du", "des", "et", "à", "pour",
        "the", "of", "and", "to", "their", "hun", "haar", "zijn", "deze", "dit", "onze", "ons",
    ]

    /// The most tokens in one unit.
    static let maximumTokens = 1_500

    public static func units(_ tokens: [ExtractionToken], scalars: [Unicode.Scalar]) -> [TextUnit] {
        var units: [TextUnit] = []
        var index = 0
        let count = tokens.count
        while index < count {
            // A list marker at the start of a line opens a list item.
            var first = index
            var marker: String?
            if let (markerEnd, text) = listMarker(tokens, at: index) {
                marker = text
                first = markerEnd
            }
            var end = first
            var announces = false
            var kind: TextUnit.Kind = marker == nil ? .sentence : .listItem
            while end < count {
                // A unit longer than any real sentence or list item is cut, so no rule reading a
                // unit can grow with the size of the text.
                if end - first >= maximumTokens { break }
                let token = tokens[end]
                // A line break before this token may end the unit.
                if end > first, token.breaksBefore > 0 {
                    if listMarker(tokens, at: end) != nil { break }
                    let previous = tokens[end - 1]
                    if previous.folded == ":" { break }
                    // A list item runs across its wrapped lines and sentences until the next
                    // marker, or until a line after its final punctuation starts with a capital.
                    if marker != nil {
                        if [".", ";", "!", "?"].contains(previous.folded), token.isCapitalised || token.breaksBefore > 1 && token.kind == .number { break }
                    } else if isHeadingLine(tokens, lineEnd: end, unitStart: first, scalars: scalars), token.isCapitalised || token.kind == .number {
                        kind = .heading
                        break
                    }
                }
                end += 1
                if marker != nil { continue }
                if token.kind == .punctuation, token.folded == "." || token.folded == "!" || token.folded == "?" {
                    if token.folded == ".", end - 2 >= first, isAbbreviation(tokens[end - 2], before: token) { continue }
                    // Closing quotes and brackets stay with their sentence.
                    while end < count, tokens[end].breaksBefore == 0, tokens[end].folded == "\"" || tokens[end].folded == ")" || tokens[end].folded == "'" {
                        end += 1
                    }
                    if end >= count { break }
                    let next = tokens[end]
                    if next.isCapitalised || next.kind == .number || next.folded == "\"" || next.folded == "(" || next.breaksBefore > 0
                        || listMarker(tokens, at: end) != nil {
                        break
                    }
                } else if token.folded == ":", end < count, tokens[end].breaksBefore > 0 {
                    announces = true
                    break
                }
            }
            if end > first {
                units.append(TextUnit(kind: kind, firstToken: first, endToken: end, marker: marker,
                                      announcesList: announces || tokens[end - 1].folded == ":"))
            }
            index = max(end, index + 1)
        }
        return units
    }

    /// A list marker at `index` when it starts a line: "-", "•", "·", "▪", "*", "–", "1.", "1)",
    /// "a)", "(a)", "i.", "Artikel 3" stays a heading, not a marker.
    static func listMarker(_ tokens: [ExtractionToken], at index: Int) -> (end: Int, text: String)? {
        guard index < tokens.count else { return nil }
        let token = tokens[index]
        guard index == 0 || token.breaksBefore > 0 else { return nil }
        if token.kind == .punctuation, ["-", "•", "·", "▪", "*", "◦", "\u{F0B7}", "►", "‣", "⁃"].contains(token.folded) {
            guard index + 1 < tokens.count, tokens[index + 1].breaksBefore == 0 else { return nil }
            return (index + 1, token.folded)
        }
        // "1." / "1)" / "a)" / "(a)" followed by text on the same line.
        var cursor = index
        var text = ""
        if token.folded == "(" { cursor += 1; text = "(" }
        guard cursor + 1 < tokens.count else { return nil }
        let label = tokens[cursor]
        let isLabel = (label.kind == .number && label.folded.count <= 2 && !label.folded.contains(".") && !label.folded.contains(","))
            || (label.kind == .word && label.folded.count == 1) || ["i", "ii", "iii", "iv", "v", "vi"].contains(label.folded)
        guard isLabel else { return nil }
        let closer = tokens[cursor + 1]
        guard closer.folded == ")" || (closer.folded == "." && label.kind == .number), closer.start == label.end else { return nil }
        guard cursor + 2 < tokens.count, tokens[cursor + 2].breaksBefore == 0 else { return nil }
        text += label.folded + closer.folded
        return (cursor + 2, text)
    }

    /// Whether the line that ends before `lineEnd` is a heading: short, without final punctuation.
    static func isHeadingLine(_ tokens: [ExtractionToken], lineEnd: Int, unitStart: Int, scalars: [Unicode.Scalar]) -> Bool {
        var lineStart = lineEnd - 1
        while lineStart > unitStart, tokens[lineStart].breaksBefore == 0 { lineStart -= 1 }
        // Only a unit that is one line so far can be a heading.
        guard lineStart == unitStart else { return false }
        let last = tokens[lineEnd - 1]
        if last.kind == .punctuation, [".", ",", ";", ":", "-", "("].contains(last.folded) { return false }
        // A wrapped line often ends on a function word; a heading never does.
        if functionWords.contains(last.folded) { return false }
        let length = last.end - tokens[lineStart].start
        return length <= 70 && (lineEnd - lineStart) <= 10
    }

    static func isAbbreviation(_ word: ExtractionToken, before period: ExtractionToken) -> Bool {
        guard word.end == period.start else { return false }
        if word.kind == .word, abbreviations.contains(word.folded) { return true }
        // Initials ("J. Janssen") and single letters.
        if word.kind == .word, word.folded.unicodeScalars.count == 1 { return true }
        return false
    }
}
