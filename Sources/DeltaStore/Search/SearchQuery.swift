import Foundation
import DeltaDomain

/// A reader's search: the words asked for, the filters and the page of results.
///
/// The words are read, never passed on: the text is folded and cut into words of letters and
/// digits (`SearchText`), so nothing a reader types reaches FTS5 `MATCH` or `to_tsquery` but
/// quoted words. Every word must occur (in any form the engine's stemming allows); the last
/// word also matches as the beginning of a longer word ("uitr" finds "uitrol"), so results follow
/// the typing.
public struct SearchQuery: Sendable, Hashable {
    /// The longest query text read.
    public static let maximumLength = 200
    /// The most words a query may have.
    public static let maximumWords = 10
    /// The most results on one page, and the default.
    public static let maximumLimit = 50
    public static let defaultLimit = 20
    /// How far results can be paged: ranking beyond this is noise, and deep pages are costly.
    public static let maximumOffset = 1000
    /// The shortest last word that also matches as a prefix (one letter would match half the register).
    static let shortestPrefix = 2

    /// Why a query was refused.
    public enum Problem: Error, Equatable, Sendable {
        case tooLong(limit: Int)
        case tooManyWords(limit: Int)
        case badLimit(limit: Int)
        case badOffset(limit: Int)
    }

    /// The text as typed, trimmed.
    public let text: String
    /// The folded words, each once, in the order typed.
    public let words: [String]
    /// Whether the last word also matches longer words it begins.
    public let lastWordIsPrefix: Bool
    /// Only these kinds (all when empty).
    public var kinds: Set<SearchKind> = []
    public var bodyID: String?
    public var year: Int?
    public var country: Country?
    public var limit: Int = SearchQuery.defaultLimit
    public var offset: Int = 0

    /// Reads a query; refuses one that is too long or has too many words.
    public init(_ text: String) throws(Problem) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.count <= Self.maximumLength else { throw .tooLong(limit: Self.maximumLength) }
        var words: [String] = []
        for word in SearchText.words(in: trimmed).map(\.word) where !words.contains(word) { words.append(word) }
        guard words.count <= Self.maximumWords else { throw .tooManyWords(limit: Self.maximumWords) }
        self.text = trimmed
        self.words = words
        lastWordIsPrefix = (words.last?.count ?? 0) >= Self.shortestPrefix
    }

    /// Sets the page: `limit` 1…`maximumLimit`, `offset` 0…`maximumOffset`.
    public mutating func page(limit: Int?, offset: Int?) throws(Problem) {
        if let limit {
            guard (1...Self.maximumLimit).contains(limit) else { throw .badLimit(limit: Self.maximumLimit) }
            self.limit = limit
        }
        if let offset {
            guard (0...Self.maximumOffset).contains(offset) else { throw .badOffset(limit: Self.maximumOffset) }
            self.offset = offset
        }
    }

    /// Whether there is anything to look for.
    public var isEmpty: Bool { words.isEmpty }

    /// The FTS5 `MATCH` expression: every word quoted (so no word is read as an operator), the
    /// last one also as a prefix.
    var fts5Expression: String {
        words.enumerated().map { index, word in
            "\"\(word)\"" + (index == words.count - 1 && lastWordIsPrefix ? "*" : "")
        }.joined(separator: " ")
    }

    /// The `to_tsquery` text: words of letters and digits only, joined by `&`, the last one with `:*`.
    var tsqueryExpression: String {
        words.enumerated().map { index, word in
            // Folded words hold letters and digits only; quoting keeps tsquery syntax out all the same.
            "'\(word)'" + (index == words.count - 1 && lastWordIsPrefix ? ":*" : "")
        }.joined(separator: " & ")
    }
}
