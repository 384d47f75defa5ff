import Foundation

/// How search reads text: lower case without diacritics, cut into words of letters and digits.
///
/// The same rule serves the index, the query and the highlighting, so "coordinatie" finds and
/// marks "Coördinatie" on both engines. Why in Swift and not in the database: PostgreSQL's
/// `unaccent` is an extension a stock server may not have, and SQLite's tokenizer folds a little
/// differently; folding before either sees the text makes them agree.
public enum SearchText {
    /// `text` in lower case without combining marks ("Coördinatie" → "coordinatie").
    public static func folded(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark: continue
            default: scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// Whether a character belongs to a word (letters and digits; everything else separates).
    static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber
    }

    /// A word folded, keeping only letters and digits (folding never adds others, but the query
    /// language of the engines must never see anything else).
    static func foldedWord(_ word: Substring) -> String {
        String(folded(String(word)).filter(isWordCharacter))
    }

    /// The words of `text`, folded, with their ranges in `text` (for highlighting).
    public static func words(in text: String) -> [(word: String, range: Range<String.Index>)] {
        asciiWords(in: text) ?? unicodeWords(in: text)
    }

    /// The words of a text that is all ASCII, or nil for any other text.
    ///
    /// Why: the rule above looks every character up in Unicode's tables, and an import spent a
    /// tenth of its time there. In ASCII a word character is a letter or a digit and folding is
    /// lowering, so the bytes say it all; the result is the same (`SearchTextTests` compares).
    package static func asciiWords(in text: String) -> [(word: String, range: Range<String.Index>)]? {
        let utf8 = text.utf8
        var result: [(String, Range<String.Index>)] = []
        var word: [UInt8] = []
        var start: String.Index?
        var index = utf8.startIndex
        while index != utf8.endIndex {
            let byte = utf8[index]
            guard byte < 0x80 else { return nil }
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                if start == nil { start = index }
                word.append(byte)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                if start == nil { start = index }
                word.append(byte + 32)
            default:
                if let begin = start {
                    result.append((String(decoding: word, as: UTF8.self), begin..<index))
                    word.removeAll(keepingCapacity: true)
                    start = nil
                }
            }
            index = utf8.index(after: index)
        }
        if let begin = start { result.append((String(decoding: word, as: UTF8.self), begin..<text.endIndex)) }
        return result
    }

    /// The words of any text, by the rule itself.
    package static func unicodeWords(in text: String) -> [(word: String, range: Range<String.Index>)] {
        var result: [(String, Range<String.Index>)] = []
        var start: String.Index?
        var index = text.startIndex
        while index < text.endIndex {
            if isWordCharacter(text[index]) {
                if start == nil { start = index }
            } else if let begin = start {
                result.append((foldedWord(text[begin..<index]), begin..<index))
                start = nil
            }
            index = text.index(after: index)
        }
        if let begin = start { result.append((foldedWord(text[begin...]), begin..<text.endIndex)) }
        return result
    }

    /// The text the engines index: the folded words separated by single spaces.
    public static func indexed(_ text: String) -> String {
        words(in: text).map(\.word).joined(separator: " ")
    }
}
