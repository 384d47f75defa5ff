import DeltaDomain
import Foundation

/// Proposals for a new document's own fields, read from its text: a title, its kind and its
/// language (its date is `Extractor.proposedDate`). Each is a starting value the editor checks.
public enum DocumentMetadata {
    /// The first non-empty line, as a title to start from.
    public static func proposedTitle(_ text: String) -> String {
        let line = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.first { !$0.isEmpty } ?? ""
        return String(line.prefix(300))
    }

    /// The kind a document's opening words suggest.
    public static func proposedKind(_ text: String) -> DocumentKind {
        let opening = String(text.prefix(1500)).lowercased()
        if opening.contains("slotverklaring") || opening.contains("déclaration finale") { return .finalDeclaration }
        if opening.contains("gezamenlijke verklaring") || opening.contains("déclaration commune") { return .jointDeclaration }
        if opening.contains("intentieverklaring") || opening.contains("déclaration d'intention") { return .declarationOfIntent }
        if opening.contains("voorzitter van de tweede kamer") || opening.contains("kamerbrief") { return .letterToParliament }
        if opening.contains("beslisnota") || opening.contains("nota aan") { return .decisionMemo }
        if opening.contains("verdrag") || opening.contains("traité") || opening.contains("notawisseling") { return .treaty }
        if opening.contains("verslag") || opening.contains("notulen") || opening.contains("procès-verbal") { return .minutes }
        return .other
    }

    /// "fr" when French function words outnumber Dutch ones, else "nl".
    public static func proposedLanguage(_ text: String) -> String {
        let words = text.prefix(20_000).lowercased().split(whereSeparator: { !$0.isLetter })
        let french = words.filter { ["le", "la", "les", "des", "et", "du", "est", "pour", "une"].contains($0) }.count
        let dutch = words.filter { ["de", "het", "een", "en", "van", "voor", "is", "dat", "zijn"].contains($0) }.count
        return french > dutch ? "fr" : "nl"
    }

    /// The lines of a text, trimmed, without empty ones.
    static func lines(_ text: String) -> [String] {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// The place a document was signed or held, from its heading or closing line:
    /// "18 februari 2026 te Antwerpen", "1 april 2025 – Gent", "Antwerpen, 18 februari 2026",
    /// "Fait à Bruxelles, le …".
    public static func proposedPlace(_ text: String) -> String? {
        let all = lines(text)
        let candidates = Array(all.prefix(30)) + Array(all.suffix(30))
        let month = "(januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)"
        let patterns = [
            "^\\d{1,2}(?:er)? \(month) \\d{4} (?:te|in|à) (?<place>\\p{Lu}[\\p{L}-]+(?: [\\p{Lu}][\\p{L}-]+)?)$",
            "^\\d{1,2}(?:er)? \(month) \\d{4} [–-] (?<place>\\p{Lu}[\\p{L}-]+(?: [\\p{Lu}][\\p{L}-]+)?)$",
            "^(?<place>\\p{Lu}[\\p{L}-]+), (?:le )?\\d{1,2}(?:er)? \(month) \\d{4}$",
            "^(?:Fait|Gedaan) (?:à|te) (?<place>\\p{Lu}[\\p{L}-]+)",
        ]
        for line in candidates {
            for pattern in patterns {
                guard let regex = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive]) else { continue }
                let range = NSRange(line.startIndex..., in: line)
                if let match = regex.firstMatch(in: line, range: range), let place = Range(match.range(withName: "place"), in: line) {
                    return String(line[place])
                }
            }
        }
        return nil
    }

    /// A reference number from a label in the heading: "Onze referentie", "Ons kenmerk",
    /// "Kenmerk", "Referentie", "Notre référence", "Réf." (the value on the same line or the next).
    public static func proposedReference(_ text: String) -> String? {
        let all = Array(lines(text).prefix(40))
        let labels = ["onze referentie", "ons kenmerk", "uw kenmerk", "kenmerk", "referentie", "notre référence", "notre réf", "réf.", "référence"]
        for (index, line) in all.enumerated() {
            let lower = line.lowercased()
            guard let label = labels.first(where: { lower.hasPrefix($0) }), !lower.hasPrefix("uw kenmerk") else { continue }
            let rest = line.dropFirst(label.count).trimmingCharacters(in: CharacterSet(charactersIn: " :\t"))
            let value = rest.isEmpty ? (index + 1 < all.count ? all[index + 1] : "") : rest
            // A reference is one token-like string with digits ("IENW/BSK-2026/25751").
            if !value.isEmpty, value.count <= 80, value.contains(where: \.isNumber), !value.contains("  ") { return value }
        }
        return nil
    }

    /// Signatories from the closing block: an office ("De Minister van …", "De Staatssecretaris
    /// van …", "Le Ministre …", possibly over several lines ending in a comma) followed by a name.
    public static func proposedSignatories(_ text: String) -> [(name: String, office: String)] {
        let all = Array(lines(text).suffix(40))
        let openers = ["de minister", "de staatssecretaris", "de minister-president", "le ministre", "la ministre", "le secrétaire", "la secrétaire",
                       "le premier ministre", "de vlaamse minister", "de minister-president van"]
        var found: [(String, String)] = []
        var index = 0
        // A name: a few words, each capitalised, an initial ("A.A.") or in brackets ("(Thierry)").
        func isName(_ line: String) -> Bool {
            let words = line.split(separator: " ")
            guard (1...5).contains(words.count), !line.hasSuffix(",") else { return false }
            return words.allSatisfy { word in word.first.map { $0.isUppercase || $0 == "(" } ?? false }
        }
        while index < all.count {
            let lower = all[index].lowercased()
            guard openers.contains(where: { lower.hasPrefix($0) }) else { index += 1; continue }
            var office = all[index]
            var cursor = index + 1
            // The office runs over its lines until, after a line ending in a comma, a name follows.
            while cursor < all.count, cursor - index <= 8, !(office.hasSuffix(",") && isName(all[cursor])) {
                office += " " + all[cursor]
                cursor += 1
            }
            guard cursor < all.count, cursor - index <= 8, isName(all[cursor]) else { index += 1; continue }
            found.append((all[cursor], office.trimmingCharacters(in: CharacterSet(charactersIn: ", "))))
            index = cursor + 1
        }
        return found
    }

    /// An office as a signatory's role: without its leading article ("De Minister van …" →
    /// "Minister van …"), as the register writes roles.
    public static func role(office: String) -> String {
        for article in ["De ", "de ", "Le ", "La ", "L’", "L'"] where office.hasPrefix(article) && office.count > article.count {
            return String(office.dropFirst(article.count))
        }
        return office
    }

    /// The organisation of the register an office belongs to, only when exactly one matches:
    /// an organisation named like the office itself, or a ministry of the office's portfolio
    /// ("Staatssecretaris van Infrastructuur en Waterstaat" → "Ministerie van Infrastructuur en
    /// Waterstaat"). Anything else gives nil: a wrong organisation is worse than none.
    public static func organisationID(office: String, organisations: [(id: String, name: String)]) -> String? {
        func normal(_ text: String) -> String { text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        let role = normal(role(office: office))
        let portfolio = role.range(of: " van ").map { String(role[$0.upperBound...]) }
        let matches = Set(organisations.filter { organisation in
            let name = normal(organisation.name)
            return name == role || (portfolio.map { "ministerie van \($0)" == name } ?? false)
        }.map(\.id))
        return matches.count == 1 ? matches.first : nil
    }
}
