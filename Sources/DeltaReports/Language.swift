import Foundation

/// A language the application speaks: Dutch (the default), French and English.
///
/// The register's own texts (titles, quotes, decisions) stay in the language they were written
/// in; the language chooses the fixed texts, the labels of values and how dates and numbers look.
public enum Language: String, Sendable, CaseIterable, Codable {
    case nl, fr, en

    /// The language pages and reports fall back to.
    public static let standard: Language = .nl

    /// A language from a code such as `fr`, `FR` or `fr-BE`; nil for languages we do not speak.
    public init?(code: String) {
        let primary = code.split(separator: "-").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        self.init(rawValue: primary)
    }

    /// The best language for an `Accept-Language` header (RFC 9110 §12.5.4): the highest
    /// quality value among the languages we speak, earlier entries winning ties; nil when none fits.
    public static func negotiate(acceptLanguage header: String) -> Language? {
        var best: (language: Language, quality: Double)?
        for entry in header.split(separator: ",") {
            let parts = entry.split(separator: ";")
            guard let range = parts.first, let language = Language(code: String(range)) else { continue }
            var quality = 1.0
            for parameter in parts.dropFirst() {
                let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                if pair.count == 2, pair[0] == "q", let value = Double(pair[1]) { quality = value }
            }
            guard quality > 0 else { continue }
            if best == nil || quality > best!.quality { best = (language, quality) }
        }
        return best?.language
    }
}
