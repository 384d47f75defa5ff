import DeltaDomain

/// A table written as CSV that spreadsheet programs open correctly (RFC 4180):
/// - UTF-8 with a byte-order mark, so Excel reads accents and "€" right;
/// - CRLF line ends; fields quoted when they hold the separator, a quote, CR or LF;
/// - a comma-separated variant (the standard) and, for Excel in nl/fr locales, a `;` variant
///   whose decimal numbers use a decimal comma;
/// - dates as ISO 8601.
public struct CSVTable: Sendable {
    /// Which spreadsheet convention the file follows.
    public enum Variant: String, Sendable, CaseIterable, Codable {
        /// `,` between fields, `.` in decimals (RFC 4180, for programs).
        case standard
        /// `;` between fields, `,` in decimals (Excel with a Dutch, Belgian or French locale).
        case excel

        public var separator: Unicode.Scalar { self == .excel ? ";" : "," }
        public var decimalSeparator: String { self == .excel ? "," : "." }
    }

    /// A field: text as is, or a number written in the variant's decimal style.
    public enum Field: Sendable, Hashable {
        case text(String)
        /// Euro cents, written as euros with two decimals ("130000000.00" / "130000000,00").
        case euros(cents: Int64)
        case integer(Int)
        case empty
    }

    public let header: [String]
    public private(set) var rows: [[Field]] = []

    /// A table with its column names.
    public init(header: [String]) { self.header = header }

    /// Adds a row; it must have one field per column.
    public mutating func append(_ row: [Field]) {
        precondition(row.count == header.count, "a CSV row has one field per column")
        rows.append(row)
    }

    /// The file's text, starting with the byte-order mark.
    public func text(_ variant: Variant) -> String {
        var out = "\u{FEFF}"
        out += header.map { Self.quoted($0, variant) }.joined(separator: String(Character(variant.separator))) + "\r\n"
        for row in rows {
            out += row.map { Self.written($0, variant) }.joined(separator: String(Character(variant.separator))) + "\r\n"
        }
        return out
    }

    static func written(_ field: Field, _ variant: Variant) -> String {
        switch field {
        case .text(let text): return quoted(text, variant)
        case .integer(let value): return String(value)
        case .empty: return ""
        case .euros(let cents):
            let sign = cents < 0 ? "-" : ""
            let magnitude = cents.magnitude
            let fraction = magnitude % 100
            return sign + String(magnitude / 100) + variant.decimalSeparator + (fraction < 10 ? "0" : "") + String(fraction)
        }
    }

    static func quoted(_ text: String, _ variant: Variant) -> String {
        // A leading =, +, - or @ makes a spreadsheet run the cell as a formula: prefix a quote
        // so a title from a document can never execute (CSV injection).
        var text = text
        if let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { text = "'" + text }
        // By scalar: "\r\n" is one Character, so a Character test would miss it.
        guard text.unicodeScalars.contains(where: { $0 == variant.separator || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        var out = "\""
        for character in text { out += character == "\"" ? "\"\"" : String(character) }
        return out + "\""
    }

    /// A document date as ISO 8601 at its precision: "2026-02-18", "2026-06" or "2026"; a
    /// quarter, half-year or season as its first and last day ("2026-06-01/2026-09-30").
    public static func isoDate(_ period: FuzzyPeriod?) -> Field {
        guard let period else { return .empty }
        switch period.precision {
        case .day: return .text(period.earliest.iso)
        case .month: return .text(String(period.earliest.iso.prefix(7)))
        case .year: return .text(String(period.earliest.year))
        case .quarter, .half, .season: return .text(period.earliest.iso + "/" + period.latest.iso)
        }
    }
}
