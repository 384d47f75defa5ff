/// Proposes the dossiers a passage is about: a dossier is linked when the passage names one of
/// its rail links ("Hamont–Weert" also as "Weert-Hamont"), its id when that is a code ("3RX"),
/// or its whole title. Matching ignores case and the kind of dash, and reads a link's two ends in
/// either order. A proposal for the reviewer, never applied by itself.
public struct DossierLinker: Sendable {
    /// What identifies one dossier: its id and its phrases, folded to words.
    struct Entry: Sendable { let id: String; let phrases: [[String]] }
    let entries: [Entry]

    /// A linker over dossiers given as (id, title, rail links).
    public init(dossiers: [(id: String, title: String, railLinks: [String])]) {
        entries = dossiers.map { dossier in
            var phrases: [[String]] = []
            for link in dossier.railLinks {
                let words = Self.words(link)
                phrases.append(words)
                // "Hamont–Weert" is also written "Weert-Hamont".
                if let dash = words.firstIndex(of: "-"), dash > 0, dash < words.count - 1 {
                    phrases.append(Array(words[(dash + 1)...]) + ["-"] + Array(words[..<dash]))
                }
            }
            // An id that is a code (letters and digits, no hyphen) is how texts name the dossier: "3RX".
            if !dossier.id.contains("-"), dossier.id.count <= 8 { phrases.append(Self.words(dossier.id)) }
            let title = Self.words(dossier.title)
            if title.count >= 2 { phrases.append(title) }
            return Entry(id: dossier.id, phrases: phrases.filter { !$0.isEmpty })
        }
    }

    /// The ids of the dossiers `text` names, in the order of the dossiers given.
    public func dossiers(in text: String) -> [String] {
        let words = Self.words(text)
        guard !words.isEmpty else { return [] }
        return entries.filter { entry in
            entry.phrases.contains { phrase in
                guard phrase.count <= words.count else { return false }
                return (0...(words.count - phrase.count)).contains { start in words[start..<(start + phrase.count)].elementsEqual(phrase) }
            }
        }.map(\.id)
    }

    /// A text as folded tokens; "3RX" is one word ("3rx") so it matches an id.
    static func words(_ text: String) -> [String] {
        let tokens = ExtractionTokenizer.tokens(Array(text.unicodeScalars))
        var words: [String] = []
        for (index, token) in tokens.enumerated() {
            // A number followed directly by letters ("3RX") is one word, as the id writes it.
            if index > 0, token.kind == .word, tokens[index - 1].kind == .number, tokens[index - 1].end == token.start, !words.isEmpty {
                words[words.count - 1] += token.folded
                continue
            }
            words.append(token.folded)
        }
        return words
    }
}
