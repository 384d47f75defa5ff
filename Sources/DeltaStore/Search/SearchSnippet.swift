/// A short stretch of a result's text around the first word the query matched, cut into plain
/// and matched parts. The parts are text, never markup: whoever shows them escapes them.
public struct SearchSnippet: Sendable, Hashable, Codable {
    /// A piece of the snippet; `marked` when it is a word the query matched.
    public struct Part: Sendable, Hashable, Codable {
        public let text: String
        public let marked: Bool

        public init(text: String, marked: Bool) {
            self.text = text
            self.marked = marked
        }
    }

    /// How many characters a snippet shows at most (besides the ellipses), and how many of them
    /// come before the first match.
    public static let length = 240
    static let lead = 60
    /// The shortest common beginning that lets a word stand for another form of a query word
    /// ("afspraak" for "afspraken"), so the engines' stemming is marked too.
    static let shortestStem = 4

    public let parts: [Part]

    /// The snippet of `text` for `query`.
    public init(text: String, query: SearchQuery) {
        let words = SearchText.words(in: text)
        guard !words.isEmpty else {
            parts = []
            return
        }
        let matched = words.map { Self.matches($0.word, query: query) }
        let first = matched.firstIndex(of: true) ?? 0
        // Start a few words before the first match, at a word's beginning; end at a word's end.
        var startWord = first
        while startWord > 0, text.distance(from: words[startWord - 1].range.lowerBound, to: words[first].range.lowerBound) <= Self.lead {
            startWord -= 1
        }
        var endWord = startWord
        while endWord + 1 < words.count,
              text.distance(from: words[startWord].range.lowerBound, to: words[endWord + 1].range.upperBound) <= Self.length {
            endWord += 1
        }
        let start = startWord == 0 ? text.startIndex : words[startWord].range.lowerBound
        let end = endWord == words.count - 1 ? text.endIndex : words[endWord].range.upperBound
        var parts: [Part] = []
        func plain(_ piece: Substring) {
            guard !piece.isEmpty else { return }
            if let last = parts.last, !last.marked {
                parts[parts.count - 1] = Part(text: last.text + piece, marked: false)
            } else {
                parts.append(Part(text: String(piece), marked: false))
            }
        }
        if start > text.startIndex { plain("… ") }
        var position = start
        for index in startWord...endWord where matched[index] {
            let range = words[index].range
            plain(text[position..<range.lowerBound])
            parts.append(Part(text: String(text[range]), marked: true))
            position = range.upperBound
        }
        plain(text[position..<end])
        if end < text.endIndex { plain(" …") }
        self.parts = parts
    }

    /// Whether a folded word of the text is one the query asked for: the same word, the beginning
    /// of a longer one for the last query word, or a form sharing all but its last two letters.
    static func matches(_ word: String, query: SearchQuery) -> Bool {
        for (index, asked) in query.words.enumerated() {
            if word == asked { return true }
            if index == query.words.count - 1, query.lastWordIsPrefix, word.hasPrefix(asked) { return true }
            let common = zip(word, asked).prefix { $0 == $1 }.count
            if common >= max(Self.shortestStem, min(word.count, asked.count) - 2) { return true }
        }
        return false
    }

    /// The snippet's text without marks.
    public var text: String { parts.map(\.text).joined() }
}
