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
}
