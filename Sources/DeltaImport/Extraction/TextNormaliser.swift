import Foundation

/// Cleans a document's text before it is stored: page furniture out, footnotes apart. Pure.
///
/// - Page furniture: "Pagina 1 van 2", "Page 3 of 7", "- 4 -", lone page numbers, and short lines
///   repeated three times or more (running headers and footers) are dropped.
/// - Footnotes: Word's plain-text export writes a marker `[footnoteRef:1]` where the note is
///   referred to and the note itself as `[1: …]` in the running text; the marker becomes `[1]`
///   and the note moves to the end, as a paragraph "[1] …".
/// - Soft hyphens are removed.
///
/// The extraction's spans stay in the text as given; what is stored is the cleaned text, and a
/// quote is cleaned the same way (`cleanedQuote`) so it is found in it.
public enum TextNormaliser {
    /// A footnote taken out of the running text.
    public struct Footnote: Sendable, Hashable {
        public let number: String
        public let text: String
    }

    /// The cleaned text and its footnotes (already appended to the text as "[n] …").
    public static func cleaned(_ text: String) -> (text: String, footnotes: [Footnote]) {
        var lines = text.replacingOccurrences(of: "\u{AD}", with: "").components(separatedBy: "\n")
        // Running headers and footers: the same short line three times or more.
        var counts: [String: Int] = [:]
        for line in lines {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if !trimmed.isEmpty, trimmed.count <= 80 { counts[trimmed, default: 0] += 1 }
        }
        lines = lines.filter { line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { return true }
            if isPageFurniture(trimmed) { return false }
            // A repeated line that is a list marker or a word like "Inleiding" used as a heading
            // twice is kept only if it is short of the repeat count.
            return (counts[trimmed] ?? 0) < 3 || trimmed.count < 4
        }
        var body = lines.joined(separator: "\n")
        // The notes: "[1: text]" (the text may not contain brackets).
        var footnotes: [Footnote] = []
        if let note = try? NSRegularExpression(pattern: #"\[(\d{1,3}):\s*([^\[\]]{1,4000})\]"#) {
            let ns = body as NSString
            var rebuilt = ""
            var last = 0
            for match in note.matches(in: body, range: NSRange(location: 0, length: ns.length)) {
                rebuilt += ns.substring(with: NSRange(location: last, length: match.range.location - last))
                let number = ns.substring(with: match.range(at: 1))
                let content = ns.substring(with: match.range(at: 2)).split(whereSeparator: \.isWhitespace).joined(separator: " ")
                footnotes.append(Footnote(number: number, text: content))
                last = match.range.location + match.range.length
            }
            rebuilt += ns.substring(from: last)
            body = rebuilt
        }
        body = markersReplaced(body)
        if !footnotes.isEmpty {
            body = body.trimmingCharacters(in: .whitespacesAndNewlines) + "\n\n" + footnotes.map { "[\($0.number)] \($0.text)" }.joined(separator: "\n\n") + "\n"
        }
        return (body, footnotes)
    }

    /// A quote as it reads in the cleaned text: markers as `[1]`, notes and soft hyphens out.
    public static func cleanedQuote(_ quote: String) -> String {
        var text = quote.replacingOccurrences(of: "\u{AD}", with: "")
        text = text.replacingOccurrences(of: #"\s*\[\d{1,3}:\s*[^\[\]]{1,4000}\]"#, with: "", options: .regularExpression)
        return markersReplaced(text).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `[footnoteRef:1]` → `[1]`.
    static func markersReplaced(_ text: String) -> String {
        text.replacingOccurrences(of: #"\[footnoteRef:\s*(\d{1,3})\]"#, with: "[$1]", options: .regularExpression)
    }

    /// "Pagina 1 van 2", "Page 3 of 7", "Page 2 sur 5", "Blz. 4", "- 4 -", "4", "4/12" (a lone
    /// number of at most three digits: a year on its own line is kept).
    static func isPageFurniture(_ line: String) -> Bool {
        line.range(of: #"^(?:(?:pagina|page|blz\.?|p\.)\s*\d{1,4}(?:\s*(?:van|of|sur|de|/)\s*\d{1,4})?|-\s*\d{1,3}\s*-|\d{1,3}(?:\s*/\s*\d{1,3})?)$"#,
                   options: [.regularExpression, .caseInsensitive]) != nil
    }
}
