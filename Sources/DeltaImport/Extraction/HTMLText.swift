import Foundation

/// The text of an HTML page: markup removed, block elements as paragraph breaks, list items
/// with a bullet, character references decoded, scripts and styles left out.
enum HTMLText {
    static let blocks: Set<String> = ["p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "section", "article",
                                      "header", "footer", "blockquote", "ul", "ol", "li", "dd", "dt", "title", "hr"]
    static let entities: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}", "euro": "€", "ndash": "–", "mdash": "—",
        "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”", "laquo": "«", "raquo": "»", "eacute": "é", "egrave": "è",
        "euml": "ë", "iuml": "ï", "ouml": "ö", "uuml": "ü", "agrave": "à", "ccedil": "ç", "ecirc": "ê", "ocirc": "ô", "shy": "\u{AD}",
        "hellip": "…", "bull": "•", "middot": "·",
    ]

    static func text(of html: String) -> String {
        var out = ""
        var scalars = html.unicodeScalars[...]
        var skipping: String?
        while let scalar = scalars.first {
            if scalar == "<" {
                guard let close = scalars.firstIndex(of: ">") else { break }
                let tag = String(String.UnicodeScalarView(scalars[scalars.index(after: scalars.startIndex)..<close]))
                scalars = scalars[scalars.index(after: close)...]
                let name = tag.drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber }.lowercased()
                let closing = tag.hasPrefix("/")
                if let current = skipping {
                    if closing, name == current { skipping = nil }
                    continue
                }
                if !closing, name == "script" || name == "style" { skipping = name; continue }
                if blocks.contains(name) {
                    if !out.hasSuffix("\n\n") { out += out.hasSuffix("\n") ? "\n" : "\n\n" }
                    if name == "li", !closing { out += "- " }
                }
                continue
            }
            scalars = scalars.dropFirst()
            if skipping != nil { continue }
            if scalar == "&", let semicolon = scalars.prefix(10).firstIndex(of: ";") {
                let name = String(String.UnicodeScalarView(scalars[scalars.startIndex..<semicolon]))
                var decoded: String?
                if name.hasPrefix("#x") || name.hasPrefix("#X") {
                    decoded = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String($0) }
                } else if name.hasPrefix("#") {
                    decoded = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init).map { String($0) }
                } else {
                    decoded = entities[name]
                }
                if let decoded {
                    out += decoded
                    scalars = scalars[scalars.index(after: semicolon)...]
                    continue
                }
            }
            // Runs of spaces and line breaks in the source are one space.
            if scalar == "\n" || scalar == "\r" || scalar == "\t" || scalar == " " {
                if !(out.last == " " || out.last == "\n" || out.isEmpty) { out += " " }
                continue
            }
            out.unicodeScalars.append(scalar)
        }
        return out.split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            .joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
