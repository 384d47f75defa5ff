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
}
