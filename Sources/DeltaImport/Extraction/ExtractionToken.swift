/// A word, number or punctuation mark of a text being extracted, with its span in Unicode
/// scalars (code points) of the text as given.
public struct ExtractionToken: Sendable, Hashable {
    /// What the token is.
    public enum Kind: Sendable, Hashable { case word, number, punctuation }

    public let kind: Kind
    /// First scalar (inclusive) and end (exclusive) in the original text.
    public let start: Int
    public let end: Int
    /// The token folded for matching: lower case, soft hyphens removed.
    public let folded: String
    /// Line breaks between the previous token and this one (2 or more: a blank line).
    public let breaksBefore: Int
    /// Whether the token starts with an upper-case letter.
    public let isCapitalised: Bool
    /// `folded.hashValue`, computed once: the finders test it against sets of the words that can
    /// start one of their phrases, so most tokens cost one integer lookup per finder.
    let key: Int

    /// The token's number when it is a plain run of digits.
    public var integer: Int? { kind == .number ? Int(folded) : nil }
}

/// Splits a text into tokens in one pass over its scalars.
///
/// Words are runs of letters and digits that start with a letter ("Q2", "3RX" starts with a
/// digit and is a number-then-word, which matching tolerates); numbers are runs of digits with
/// single `.` or `,` between digit groups ("1.250.000", "2,5", "18.02.2026"); every other
/// visible scalar is a punctuation token of its own. Spaces of any kind, tabs and line breaks
/// separate tokens; soft hyphens (U+00AD) vanish inside words.
public enum ExtractionTokenizer {
    public static func tokens(_ scalars: [Unicode.Scalar]) -> [ExtractionToken] {
        var tokens: [ExtractionToken] = []
        tokens.reserveCapacity(scalars.count / 5)
        var index = 0
        var breaks = 0
        let count = scalars.count
        while index < count {
            let scalar = scalars[index]
            if scalar == "\n" { breaks += 1; index += 1; continue }
            if scalar == "\r" { if index + 1 < count, scalars[index + 1] == "\n" { index += 1 }; breaks += 1; index += 1; continue }
            if isSpace(scalar) {
                if scalar == "\u{2028}" || scalar == "\u{2029}" { breaks += 1 }
                index += 1
                continue
            }
            let start = index
            var folded = ""
            let kind: ExtractionToken.Kind
            if isDigit(scalar) {
                kind = .number
                while index < count {
                    let s = scalars[index]
                    if isDigit(s) { folded.unicodeScalars.append(s); index += 1; continue }
                    // A single separator between digits stays inside the number.
                    if (s == "." || s == ","), index + 1 < count, isDigit(scalars[index + 1]), !folded.isEmpty {
                        folded.unicodeScalars.append(s); index += 1; continue
                    }
                    break
                }
            } else if isLetter(scalar) {
                kind = .word
                while index < count {
                    let s = scalars[index]
                    if s == "\u{AD}" { index += 1; continue }
                    guard isLetter(s) || isDigit(s) else { break }
                    // ASCII folds by arithmetic; other letters ask Unicode.
                    if s.value < 0x80 {
                        folded.unicodeScalars.append(s.value >= 65 && s.value <= 90 ? Unicode.Scalar(s.value + 32)! : s)
                    } else {
                        for lower in s.properties.lowercaseMapping.unicodeScalars { folded.unicodeScalars.append(lower) }
                    }
                    index += 1
                }
            } else {
                kind = .punctuation
                folded.unicodeScalars.append(normalisedPunctuation(scalar))
                index += 1
            }
            let capitalised = scalar.value < 0x80 ? (scalar.value >= 65 && scalar.value <= 90) : scalar.properties.isUppercase
            tokens.append(ExtractionToken(kind: kind, start: start, end: index, folded: folded, breaksBefore: breaks, isCapitalised: capitalised,
                                          key: folded.hashValue))
            breaks = 0
        }
        return tokens
    }

    @inline(__always) static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 48 && scalar.value <= 57 }

    /// A letter: ASCII by its range (most of any text, and fast), anything else by Unicode.
    @inline(__always) static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x80 { return (v >= 65 && v <= 90) || (v >= 97 && v <= 122) }
        return scalar.properties.isAlphabetic
    }

    /// Spaces of any kind, control characters, soft hyphens and zero-width marks separate tokens.
    @inline(__always) static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x80 { return v <= 0x20 || v == 0x7F }
        return scalar == "\u{AD}" || scalar == "\u{200B}" || scalar == "\u{FEFF}" || scalar.properties.isWhitespace
    }

    /// Dashes fold to "-", typographic apostrophes and quotes to their plain forms.
    static func normalisedPunctuation(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar {
        case "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2212}": "-"
        case "\u{2018}", "\u{2019}", "\u{02BC}", "`", "\u{00B4}": "'"
        case "\u{201C}", "\u{201D}", "\u{201E}", "\u{00AB}", "\u{00BB}": "\""
        default: scalar
        }
    }
}
