import Foundation

/// An Atom 1.0 feed (RFC 4287), written by hand because it is a handful of elements; every text
/// and attribute goes through `MarkupEscaping`, the one escaping rule of the markup renderers.
public struct AtomFeed: Sendable, Hashable {
    /// One entry: a change to a record.
    public struct Entry: Sendable, Hashable {
        /// A permanent IRI that names the change (not the record), so a reader shows each change once.
        public var id: String
        public var title: String
        /// ISO 8601 date-time of the change, in UTC.
        public var updated: String
        /// The page of the record (absolute).
        public var link: String
        public var summary: String
        /// Who made the change; nil where it is not told (the public feed names no official).
        public var author: String?
        /// The kind of record, as an Atom category term.
        public var category: String

        public init(id: String, title: String, updated: String, link: String, summary: String, author: String?, category: String) {
            self.id = id; self.title = title; self.updated = updated; self.link = link; self.summary = summary
            self.author = author; self.category = category
        }
    }

    public var id: String
    public var title: String
    /// The newest entry's time, or `fallbackUpdated` for an empty feed.
    public var updated: String
    /// The feed's own address (rel="self") and the page it follows (rel="alternate").
    public var selfLink: String
    public var alternateLink: String
    public var author: String
    /// The feed's language (`xml:lang`).
    public var language: String
    public var entries: [Entry]

    public init(id: String, title: String, updated: String, selfLink: String, alternateLink: String, author: String,
                language: String, entries: [Entry]) {
        self.id = id; self.title = title; self.updated = updated; self.selfLink = selfLink; self.alternateLink = alternateLink
        self.author = author; self.language = language; self.entries = entries
    }

    /// The feed as an XML document.
    public func xml() -> String {
        func e(_ text: String) -> String { MarkupEscaping.escape(Self.xmlCharacters(text)) }
        var out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        out += "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"\(e(language))\">\n"
        out += "  <id>\(e(id))</id>\n  <title>\(e(title))</title>\n  <updated>\(e(updated))</updated>\n"
        out += "  <link rel=\"self\" type=\"application/atom+xml\" href=\"\(e(selfLink))\"/>\n"
        out += "  <link rel=\"alternate\" type=\"text/html\" href=\"\(e(alternateLink))\"/>\n"
        out += "  <author><name>\(e(author))</name></author>\n"
        for entry in entries {
            out += "  <entry>\n    <id>\(e(entry.id))</id>\n    <title>\(e(entry.title))</title>\n"
            out += "    <updated>\(e(entry.updated))</updated>\n"
            out += "    <link rel=\"alternate\" type=\"text/html\" href=\"\(e(entry.link))\"/>\n"
            out += "    <category term=\"\(e(entry.category))\"/>\n"
            if let author = entry.author { out += "    <author><name>\(e(author))</name></author>\n" }
            out += "    <summary type=\"text\">\(e(entry.summary))</summary>\n  </entry>\n"
        }
        out += "</feed>\n"
        return out
    }

    /// A stable `urn:uuid:` IRI from a hex digest (the audit entry's hash): the same change keeps
    /// the same id on every server that holds the register.
    public static func uuidIRI(fromHex hex: String) -> String {
        var digits = Array(hex.lowercased().filter(\.isHexDigit).prefix(32))
        while digits.count < 32 { digits.append("0") }
        // Mark it as a name-based (version 5 layout), RFC 4122 variant UUID.
        digits[12] = "5"
        let variant = Int(String(digits[16]), radix: 16)! & 0x3 | 0x8
        digits[16] = Character(String(variant, radix: 16))
        let text = String(digits)
        let parts = [text.prefix(8), text.dropFirst(8).prefix(4), text.dropFirst(12).prefix(4), text.dropFirst(16).prefix(4), text.dropFirst(20)]
        return "urn:uuid:" + parts.joined(separator: "-")
    }

    /// Drops the characters XML 1.0 cannot carry (control characters other than tab and newlines).
    static func xmlCharacters(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { scalar in
            scalar == "\t" || scalar == "\n" || scalar == "\r" || (scalar.value >= 0x20 && scalar.value != 0xFFFE && scalar.value != 0xFFFF)
        }))
    }
}
