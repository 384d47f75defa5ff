import DeltaDomain
import Foundation

/// Proposes the register's documents that a new text refers to: by their whole title (spaces and
/// case aside) or by a parliamentary reference ("29 984, nr. 1265"). A mention shortly after
/// "addendum" proposes "addendum to" (planned when the text says it may or will be one), after
/// "bijlage"/"bijgevoegd" "attachment of"; anything else "cites". For the reviewer to confirm.
public enum RelatedDocuments {
    /// A proposed relation, with the words that show it.
    public struct Proposal: Sendable, Hashable {
        public let documentID: String
        public let title: String
        public let kind: DocumentRelation.Kind
        public let planned: Bool
        public let evidence: String
    }

    /// A document the text may refer to.
    public struct Candidate: Sendable {
        public let id: String, title: String, reference: String?
        public init(id: String, title: String, reference: String?) { self.id = id; self.title = title; self.reference = reference }
    }

    public static func proposals(in text: String, documents: [Candidate]) -> [Proposal] {
        let folded = fold(text)
        let references = parliamentaryReferences(in: text)
        var found: [Proposal] = []
        for document in documents {
            let title = fold(document.title)
            var at: String.Index?
            if title.split(separator: " ").count >= 4, let range = folded.range(of: title) { at = range.lowerBound }
            let keys = parliamentaryReferences(in: (document.reference ?? "") + " " + document.title)
            let byReference = !keys.isEmpty && !keys.isDisjoint(with: references)
            guard at != nil || byReference else { continue }
            var kind = DocumentRelation.Kind.cites
            var planned = false
            var evidence = document.reference ?? document.title
            if let at {
                let before = String(folded[folded.index(at, offsetBy: -min(300, folded.distance(from: folded.startIndex, to: at)))..<at])
                evidence = String(before.suffix(120)) + document.title
                if before.contains("addendum") {
                    kind = .addendumTo
                    planned = ["mogelijk", "zal", "zullen", "kan", "could", "pourrait", "basis"].contains { before.contains($0) }
                } else if before.contains("bijlage") || before.contains("bijgevoegd") || before.contains("annexe") {
                    kind = .attachmentOf
                }
            }
            found.append(Proposal(documentID: document.id, title: document.title, kind: kind, planned: planned, evidence: evidence))
        }
        return found
    }

    /// Lower case, whitespace runs as one space, typographic quotes plain.
    static func fold(_ text: String) -> String {
        text.lowercased().replacingOccurrences(of: "\u{AD}", with: "")
            .split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// "29 984, nr. 1265" → "29984-1265".
    static func parliamentaryReferences(in text: String) -> Set<String> {
        guard let regex = try? NSRegularExpression(pattern: #"(\d{2})\s?(\d{3}),?\s*nr\.?\s*(\d{1,5})"#) else { return [] }
        let ns = text as NSString
        return Set(regex.matches(in: text, range: NSRange(location: 0, length: ns.length)).map {
            ns.substring(with: $0.range(at: 1)) + ns.substring(with: $0.range(at: 2)) + "-" + ns.substring(with: $0.range(at: 3))
        })
    }

    /// An earlier document the text builds on or cites that the register does not hold: proposed
    /// as a stub (a document known by its title only), so the relation can be recorded now.
    public struct Mention: Sendable, Hashable {
        /// As the text names it ("afspraken van de Thalassa Top 2022", "Kamerstuk 29 984, nr. 1265").
        public let title: String
        /// A parliamentary reference, when that is how it is named.
        public let reference: String?
        /// The year the name gives, if any.
        public let year: Int?
        public let kind: DocumentRelation.Kind
        public let planned: Bool
        public let evidence: String
    }

    /// The most mentions proposed for one text.
    public static let maximumMentions = 20

    /// Earlier documents the text names that are not among `documents`: a named agreement,
    /// declaration, treaty or letter with a year after words that say the text builds on it
    /// ("addendum bij de afspraken van de Thalassa Top 2022", "in lijn met de afspraken van het
    /// pentagonale ministersoverleg van juni 2023"), and parliamentary references no document has.
    public static func mentions(in text: String, documents: [Candidate]) -> [Mention] {
        let known = documents.map { stems($0.title) }
        let knownReferences = Set(documents.flatMap { parliamentaryReferences(in: ($0.reference ?? "") + " " + $0.title) })
        var found: [Mention] = []
        var seen = Set<String>()
        let ns = text as NSString
        let pattern = #"(?i)\b(addendum (?:bij|op)|in aanvulling op|voortbouwend op|bouwt voort op|voort te bouwen op|in lijn met|in het verlengde van|conform|op basis van|ter uitvoering van)\s+(?:de|het)\s+(?:(?:eerdere|eerder|gemaakte|bestaande|vorige|recente)\s+)?((?:gezamenlijke\s+|finale\s+|politieke\s+)?(?:afspraken|verklaring|intentieverklaring|slotverklaring|verdrag|kamerbrief|brief|memorandum|akkoord|overeenkomst|protocol)\b[^.;:]{0,90}?\b((?:19|20)\d{2}))"#
        if let regex = try? NSRegularExpression(pattern: pattern) {
            for match in regex.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
                let lead = ns.substring(with: match.range(at: 1)).lowercased()
                let title = ns.substring(with: match.range(at: 2)).split(whereSeparator: \.isWhitespace).joined(separator: " ")
                let words = stems(title)
                // A document of the register whose title has most of these words is that document.
                guard seen.insert(fold(title)).inserted,
                      !known.contains(where: { Double($0.intersection(words).count) >= 0.6 * Double(max(1, words.count)) }) else { continue }
                let before = ns.substring(with: NSRange(location: max(0, match.range.location - 120), length: min(120, match.range.location))).lowercased()
                let kind: DocumentRelation.Kind = lead.hasPrefix("addendum") ? .addendumTo : .buildsOn
                let planned = kind == .addendumTo && ["mogelijk", "zal", "zullen", "kan", "basis"].contains { before.contains($0) || lead.contains($0) }
                found.append(Mention(title: title, reference: nil, year: Int(ns.substring(with: match.range(at: 3))), kind: kind, planned: planned,
                                     evidence: ns.substring(with: match.range).split(whereSeparator: \.isWhitespace).joined(separator: " ")))
            }
        }
        if let regex = try? NSRegularExpression(pattern: #"(\d{2})\s?(\d{3}),?\s*nr\.?\s*(\d{1,5})"#) {
            for match in regex.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
                let key = ns.substring(with: match.range(at: 1)) + ns.substring(with: match.range(at: 2)) + "-" + ns.substring(with: match.range(at: 3))
                guard !knownReferences.contains(key), seen.insert(key).inserted else { continue }
                let written = ns.substring(with: match.range)
                found.append(Mention(title: "Kamerstuk \(written)", reference: written, year: nil, kind: .cites, planned: false, evidence: written))
            }
        }
        return Array(found.prefix(maximumMentions))
    }

    /// The telling words of a name, by their first six letters ("pentagonale" and "pentagonaal"
    /// agree), without the small words of Dutch, French and English.
    static func stems(_ text: String) -> Set<String> {
        let small: Set<String> = ["van", "het", "de", "der", "den", "bij", "tijdens", "met", "voor", "over", "en", "een", "in", "op", "te",
                                  "des", "du", "la", "le", "les", "et", "of", "the", "and", "afspraken"]
        let words = text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        return Set(words.filter { !small.contains($0) && ($0.count >= 3 || $0.allSatisfy(\.isNumber)) }.map { String($0.prefix(6)) })
    }
}
