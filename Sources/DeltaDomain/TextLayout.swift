/// Recovers paragraphs from the plain text of the source documents, and finds quotes in them.
///
/// The source texts are extracted from PDF and Word files and arrive hard-wrapped in several
/// styles; `paragraphs(from:)` reads the layout statistically instead of trusting any one
/// convention. See its documentation for the rules.
public enum TextLayout {
    /// Joins hard-wrapped lines into real paragraphs; bullets stay list items; anchors p1, p2, … in order.
    ///
    /// The text is first classified as one of three layouts:
    /// - **unwrapped**: one paragraph per line (the typical line is far longer than anyone wraps,
    ///   95th percentile over 160 characters): every line break ends a paragraph;
    /// - **double-spaced**: a blank line after every wrapped line (most line breaks that are
    ///   clearly inside a sentence are followed by exactly one blank line): a single blank line is
    ///   a soft wrap, a run of two or more blank (or whitespace-only) lines is a hard break;
    /// - **single-spaced**: a blank line is a hard break.
    ///
    /// A hard break is ignored when the text obviously goes on (the line before it ends without
    /// terminal punctuation and the next one starts with a lowercase letter): that is a page
    /// break in the middle of a sentence. Between softly wrapped lines, a paragraph ends when a
    /// line ends in terminal punctuation (`.`, `!`, `?`, `:`, `;`, optionally followed by a
    /// closing quote or bracket) and the next starts with an uppercase letter or digit, unless
    /// the line is nearly full width: then the full stop just happened to fall at a wrap.
    /// The wrap width is the 95th percentile of line lengths. "Nearly full" means at least 80%
    /// of it in single-spaced text with blank lines between paragraphs (there the blank lines
    /// are the real signal); elsewhere at least 85% *and* the next line's first word would not
    /// have fitted within the widest ordinary line (a wrapper would have moved it up otherwise).
    /// Inside a list item the exception does not apply, because items are usually one sentence
    /// and the text after a list is a new paragraph.
    ///
    /// A line is a **heading** when it starts a paragraph (start of text, after a hard break or
    /// after terminal punctuation), starts with an uppercase letter, is short (at most 90
    /// characters, and at most 65% of the wrap width in wrapped text; at most 12 words), has no
    /// terminal punctuation and no trailing comma, and the next line starts with an uppercase
    /// letter and is substantial (a list item, at least half the wrap width long, ending in
    /// terminal punctuation, or itself a heading). Why "substantial": label/value lines in memos
    /// ("Onze referentie" / "IENW/BSK-2026/25751") are joined into one paragraph instead.
    /// The first paragraph of a text is its title, and a heading, when it is equally short and
    /// unpunctuated.
    ///
    /// Lines starting with `•`, `·`, `▪`, `◦`, `-`, `–`, `—`, `*` (followed by a space) or with a
    /// number such as `1.` or `2)` start list items; the marker is stripped from the text and
    /// following lines are joined to the item. A line that is only a URL, or only a page number
    /// ("Pagina 1 van 2"), stands alone. Lines without any letter or digit (signature dot
    /// leaders, rules) end the paragraph and are dropped.
    ///
    /// Hyphenation is not undone: a line that ends in a hyphen right after a letter or digit,
    /// with no space after it, is joined to the next line *without* a space
    /// ("geo-" + "economische" → "geo-economische"); a hyphen followed by a space on the line
    /// ("goederen- " + "als") keeps the space. Text is trimmed and whitespace (including
    /// no-break spaces) collapsed; empty paragraphs are dropped.
    public static func paragraphs(from text: String) -> [Paragraph] {
        LayoutReader(text: text).paragraphs()
    }

    /// Finds a quote in the paragraphs: whitespace differences (runs of spaces/newlines/tabs, NBSP) are ignored, nothing else. Returns the first paragraph containing it and the span in Unicode scalars of that paragraph's text. nil if not found inside a single paragraph.
    ///
    /// "Whitespace differences" means that any run of whitespace matches any other non-empty
    /// run, and whitespace at the ends of the quote is ignored; case, punctuation, hyphens and
    /// Unicode normalisation must match exactly. The span covers the matched text in the
    /// paragraph as stored (`start` and `length` count Unicode scalars, as `PassageReference`
    /// does). An empty or whitespace-only quote is never found.
    public static func locate(quote: String, in paragraphs: [Paragraph]) -> (anchor: String, start: Int, length: Int)? {
        QuoteFinder(paragraphs).locate(quote)
    }
}

/// Whether a scalar counts as whitespace for layout purposes (Unicode White_Space, which
/// includes NBSP and the line separators, plus the byte-order mark that some exports leave).
func isLayoutSpace(_ scalar: Unicode.Scalar) -> Bool {
    scalar.properties.isWhitespace || scalar == "\u{FEFF}"
}

/// A text with leading and trailing whitespace removed and each inner whitespace run folded to
/// one space, remembering for every kept scalar where it came from.
struct WhitespaceFolded: Sendable {
    var scalars: [Unicode.Scalar] = []
    /// For each scalar in `scalars`, its offset in the original text, in Unicode scalars.
    var offsets: [Int] = []

    init(_ text: String) {
        var pendingSpace: Int?
        for (offset, scalar) in text.unicodeScalars.enumerated() {
            if isLayoutSpace(scalar) {
                if !scalars.isEmpty, pendingSpace == nil { pendingSpace = offset }
                continue
            }
            if let space = pendingSpace {
                scalars.append(" ")
                offsets.append(space)
                pendingSpace = nil
            }
            scalars.append(scalar)
            offsets.append(offset)
        }
    }

    /// Index in `scalars` where `needle` first occurs.
    func firstIndex(of needle: [Unicode.Scalar]) -> Int? {
        guard !needle.isEmpty, needle.count <= scalars.count else { return nil }
        let first = needle[0]
        var index = 0
        let last = scalars.count - needle.count
        while index <= last {
            if scalars[index] == first {
                var matched = 1
                while matched < needle.count, scalars[index + matched] == needle[matched] { matched += 1 }
                if matched == needle.count { return index }
            }
            index += 1
        }
        return nil
    }
}

/// Trims a string and collapses its whitespace runs to single spaces.
private func collapsed(_ text: Substring.UnicodeScalarView) -> String {
    if let ascii = collapsedASCII(Substring(text)) { return ascii }
    var result = String.UnicodeScalarView()
    var pendingSpace = false
    for scalar in text {
        if isLayoutSpace(scalar) {
            pendingSpace = !result.isEmpty
            continue
        }
        if pendingSpace { result.append(" "); pendingSpace = false }
        result.append(scalar)
    }
    return String(result)
}

/// `collapsed` for a text that is all ASCII (nil for any other), on bytes: ASCII's whitespace
/// is tab to carriage return and the space. Why: a large import lays out thousands of documents,
/// and the scalar-by-scalar path was most of that (`TextLayoutTests` compare both paths).
private func collapsedASCII(_ text: Substring) -> String? {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count)
    var pendingSpace = false
    for byte in text.utf8 {
        guard byte < 0x80 else { return nil }
        if byte == 0x20 || (0x09...0x0D).contains(byte) {
            pendingSpace = !bytes.isEmpty
            continue
        }
        if pendingSpace { bytes.append(0x20); pendingSpace = false }
        bytes.append(byte)
    }
    return String(decoding: bytes, as: UTF8.self)
}

/// Whether an ASCII byte is a letter or a digit (what `Character.isLetter || isNumber` says of it).
private func isASCIILetterOrDigit(_ byte: UInt8) -> Bool {
    (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
}

/// One non-blank line of the source with what the layout rules need to know about it.
private struct SourceLine {
    /// The line collapsed, with a list marker removed.
    var text: String
    /// Length of the whole collapsed line in characters (marker included): its visual width.
    var length: Int
    /// Blank (whitespace-only) lines directly before this one.
    var gapBefore: Int
    var isListItem = false
    /// No letter or digit at all: dot leaders, rules. Breaks the paragraph and is dropped.
    var isNoise = false
    /// A bare URL or page number: a paragraph of its own.
    var standsAlone = false
    /// Ends in a hyphen glued to a letter or digit: join the next line without a space.
    var endsInGluedHyphen = false
    var endsInTerminalPunctuation = false
    var endsInComma = false
    var startsWithUppercaseLetter = false
    var startsWithUppercaseOrDigit = false
    var startsWithLowercaseLetter = false
    var wordCount = 0
    /// Length of the first word (up to a space or just after a hyphen): what a wrap would have moved.
    var firstWordLength = 0

    static let bullets: Set<Character> = ["•", "·", "▪", "◦", "‣", "●", "○", "■", "□", "\u{F0B7}", "-", "–", "—", "*"]
    /// ASCII markers also occur as ordinary characters, so they need a space after them.
    static let bulletsNeedingSpace: Set<Character> = ["-", "–", "—", "*", "·"]
    static let openers: Set<Character> = ["(", "[", "“", "‘", "„", "\"", "'", "«"]
    static let closers: Set<Character> = [")", "]", "”", "’", "\"", "'", "»"]
    static let terminal: Set<Character> = [".", "!", "?", ":", ";"]

    init(raw: Substring.UnicodeScalarView, gapBefore: Int) {
        self.gapBefore = gapBefore
        let full = collapsed(raw)
        // In ASCII every byte is a character, and a letter or digit is known from the byte.
        let isASCII = full.utf8.allSatisfy { $0 < 0x80 }
        length = isASCII ? full.utf8.count : full.count
        text = full
        isNoise = isASCII ? !full.utf8.contains(where: isASCIILetterOrDigit) : !full.contains(where: { $0.isLetter || $0.isNumber })
        if let last = raw.last, last == "-" || last == "\u{2010}" {
            let beforeLast = raw.index(before: raw.endIndex)
            if beforeLast > raw.startIndex {
                let previous = raw[raw.index(before: beforeLast)]
                endsInGluedHyphen = previous.properties.isAlphabetic || previous.properties.numericType != nil
            }
        }
        if let marker = Self.listMarkerLength(full) {
            isListItem = true
            text = String(full.dropFirst(marker).drop(while: { $0 == " " }))
        }
        standsAlone = !isListItem && (Self.isURL(full) || Self.isPageNumber(full, isASCII: isASCII))

        var end = text[...]
        while let last = end.last, Self.closers.contains(last) { end = end.dropLast() }
        endsInTerminalPunctuation = end.last.map { Self.terminal.contains($0) } ?? false
        endsInComma = text.last == ","
        let start = text.drop(while: { Self.openers.contains($0) })
        if let first = start.first {
            startsWithUppercaseLetter = first.isUppercase
            startsWithUppercaseOrDigit = first.isUppercase || first.isNumber
            startsWithLowercaseLetter = first.isLowercase
        }
        // The text is collapsed: in ASCII its words are its spaces plus one.
        wordCount = isASCII ? (text.isEmpty ? 0 : text.utf8.reduce(1) { $1 == 0x20 ? $0 + 1 : $0 }) : text.split(separator: " ").count
        var firstWord = 0
        for character in text {
            if character == " " { break }
            firstWord += 1
            if character == "-" { break }
        }
        firstWordLength = firstWord
    }

    /// Number of characters of the list marker at the start of a collapsed line, if any.
    private static func listMarkerLength(_ line: String) -> Int? {
        guard let first = line.first else { return nil }
        if bullets.contains(first) {
            let rest = line.dropFirst()
            if bulletsNeedingSpace.contains(first) {
                guard rest.first == " " else { return nil }
            }
            guard rest.contains(where: { $0 != " " }) else { return nil }
            return 1
        }
        // "1. " / "12) ": at most three digits, so years ("2024 werken …") never qualify.
        let digits = line.prefix(while: { $0.isASCII && $0.isNumber })
        guard (1...3).contains(digits.count) else { return nil }
        let afterDigits = line.dropFirst(digits.count)
        guard let mark = afterDigits.first, mark == "." || mark == ")" else { return nil }
        let rest = afterDigits.dropFirst()
        guard rest.first == " ", rest.contains(where: { $0 != " " }) else { return nil }
        return digits.count + 1
    }

    private static func isURL(_ line: String) -> Bool {
        guard !line.contains(" ") else { return false }
        let lower = line.lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("www.")
    }

    /// "Pagina 1 van 2", "blz. 3", "Page 2 of 5": running footers that must not glue paragraphs together.
    private static func isPageNumber(_ line: String, isASCII: Bool) -> Bool {
        // Two or four words: in a collapsed ASCII line, one or three spaces (most lines have more).
        if isASCII {
            let spaces = line.utf8.reduce(0) { $1 == 0x20 ? $0 + 1 : $0 }
            guard spaces == 1 || spaces == 3 else { return false }
        }
        let words = line.lowercased().split(separator: " ")
        guard words.count == 2 || words.count == 4,
              ["pagina", "page", "blz.", "blz", "blad"].contains(words[0]),
              words[1].allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
        if words.count == 2 { return true }
        return ["van", "of", "/"].contains(words[2]) && words[3].allSatisfy({ $0.isASCII && $0.isNumber })
    }
}

/// The stateful part of `TextLayout.paragraphs(from:)`.
private struct LayoutReader {
    var lines: [SourceLine] = []

    init(text: String) {
        let scalars = text.unicodeScalars
        var gap = 0
        var lineStart = scalars.startIndex
        var index = scalars.startIndex
        func take(_ end: String.UnicodeScalarView.Index) {
            let raw = scalars[lineStart..<end]
            if raw.allSatisfy(isLayoutSpace) {
                gap += 1
            } else {
                lines.append(SourceLine(raw: raw, gapBefore: gap))
                gap = 0
            }
        }
        while index < scalars.endIndex {
            let scalar = scalars[index]
            switch scalar {
            case "\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}":
                take(index)
                var next = scalars.index(after: index)
                if scalar == "\r", next < scalars.endIndex, scalars[next] == "\n" { next = scalars.index(after: next) }
                index = next
                lineStart = next
            default:
                index = scalars.index(after: index)
            }
        }
        take(scalars.endIndex)
    }

    func paragraphs() -> [Paragraph] {
        let measured = lines.filter { !$0.isNoise }.map(\.length).sorted()
        guard !measured.isEmpty else { return [] }
        // The wrap width: the 95th percentile, so one overlong line does not set it.
        let width = measured[(measured.count - 1) * 95 / 100]
        let unwrapped = width > 160
        // The widest ordinary line (outliers such as long URLs excluded): a word that would have
        // fitted within it was not moved by the wrapper, so a line break before it is deliberate.
        let widest = measured.last(where: { $0 * 100 <= width * 115 }) ?? width
        let doubleSpaced = !unwrapped && isDoubleSpaced()
        // Single-spaced text whose paragraphs are set apart by blank lines: those blank lines
        // are the real signal, so a full stop on a long line inside a block is taken as a wrap
        // even when the next word would seemingly have fitted (proportional fonts).
        let blankSeparated = !unwrapped && !doubleSpaced && lines.dropFirst().contains(where: { $0.gapBefore >= 1 })

        let count = lines.count
        var hard = [Bool](repeating: true, count: count)
        for i in 1..<max(count, 1) {
            let previous = lines[i - 1], line = lines[i]
            var isHard = unwrapped || (doubleSpaced ? line.gapBefore >= 2 : line.gapBefore >= 1)
            if isHard, continues(previous, line) { isHard = false }
            hard[i] = isHard
        }

        // Headings, from the bottom up: a heading may be followed by another heading.
        let maxHeading = unwrapped ? 90 : min(90, width * 65 / 100)
        var heading = [Bool](repeating: false, count: count)
        if count >= 2 {
            for i in stride(from: count - 2, through: 0, by: -1) {
                let line = lines[i], next = lines[i + 1]
                let startsParagraph = i == 0 || hard[i] || lines[i - 1].endsInTerminalPunctuation
                    || lines[i - 1].isNoise || lines[i - 1].standsAlone
                guard startsParagraph, !line.isListItem, !line.isNoise, !line.standsAlone,
                      line.startsWithUppercaseLetter, !line.endsInTerminalPunctuation, !line.endsInComma,
                      line.length <= maxHeading, line.wordCount <= 12,
                      !next.isNoise, !next.standsAlone,
                      next.startsWithUppercaseLetter || next.isListItem else { continue }
                let substantial = next.isListItem || next.endsInTerminalPunctuation
                    || (unwrapped ? next.length >= 90 : next.length * 2 >= width)
                heading[i] = substantial || heading[i + 1]
            }
        }

        var built: [(kind: ParagraphKind, text: String)] = []
        var current: (kind: ParagraphKind, text: String)?
        var previous: SourceLine?
        func close() {
            if let paragraph = current, !paragraph.text.isEmpty { built.append(paragraph) }
            current = nil
        }
        for (i, line) in lines.enumerated() {
            if line.isNoise {
                close()
                previous = nil
                continue
            }
            var startsNew = current == nil || hard[i] || heading[i] || line.isListItem || line.standsAlone
            if !startsNew, i > 0, heading[i - 1] || lines[i - 1].standsAlone { startsNew = true }
            if !startsNew, let before = previous, let paragraph = current,
               before.endsInTerminalPunctuation, line.startsWithUppercaseOrDigit {
                let fullWidth = blankSeparated
                    ? before.length * 100 >= width * 80
                    : !unwrapped && before.length * 100 >= width * 85
                        && before.length + 1 + line.firstWordLength > widest
                if !fullWidth || paragraph.kind == .listItem { startsNew = true }
            }
            if startsNew {
                close()
                let kind: ParagraphKind = heading[i] ? .heading : (line.isListItem ? .listItem : .paragraph)
                current = (kind, line.text)
            } else if var paragraph = current {
                let glue = (previous?.endsInGluedHyphen ?? false)
                    && (line.text.first.map { $0.isLetter || $0.isNumber } ?? false)
                paragraph.text += (glue ? "" : " ") + line.text
                current = paragraph
            }
            previous = line
        }
        close()

        // The title rule: a short unpunctuated first paragraph is the document's title.
        if built.count >= 2, built[0].kind == .paragraph {
            let title = SourceLine(raw: Substring(built[0].text).unicodeScalars, gapBefore: 0)
            if title.length <= 90, title.wordCount <= 12, title.startsWithUppercaseLetter,
               !title.endsInTerminalPunctuation, !title.endsInComma, !title.standsAlone {
                built[0].kind = .heading
            }
        }

        return built.enumerated().map { index, paragraph in
            Paragraph(anchor: "p\(index + 1)", kind: paragraph.kind, text: paragraph.text)
        }
    }

    /// The text obviously runs on across the break: no terminal punctuation before, lowercase after.
    private func continues(_ previous: SourceLine, _ line: SourceLine) -> Bool {
        !previous.endsInTerminalPunctuation && !previous.isNoise && !previous.standsAlone
            && line.startsWithLowercaseLetter && !line.isListItem && !line.isNoise && !line.standsAlone
    }

    /// Whether wrapped lines are separated by one blank line each. Decided on line breaks that
    /// are certainly inside a sentence (no terminal punctuation before, lowercase after), because
    /// in ordinary text those never have a blank line, while paragraph breaks always may.
    private func isDoubleSpaced() -> Bool {
        var inSentence = 0
        var withOneBlank = 0
        for i in lines.indices.dropFirst() {
            let previous = lines[i - 1], line = lines[i]
            guard !previous.endsInTerminalPunctuation, line.startsWithLowercaseLetter else { continue }
            inSentence += 1
            if line.gapBefore == 1 { withOneBlank += 1 }
        }
        return withOneBlank >= 2 && withOneBlank * 10 >= inSentence * 6
    }
}
