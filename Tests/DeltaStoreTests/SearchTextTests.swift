import DeltaImport
import DeltaStore
import Testing

@Suite("How search reads text")
struct SearchTextTests {
    /// The words and their places, as plain values that compare.
    static func shape(_ words: [(word: String, range: Range<String.Index>)], in text: String) -> [String] {
        words.map { "\($0.word)@\(text.utf8.distance(from: text.startIndex, to: $0.range.lowerBound))+\(text[$0.range].utf8.count)" }
    }

    @Test("the ASCII path reads every ASCII text as the Unicode rule does, and leaves every other text to it")
    func asciiPathAgrees() throws {
        var generator = SplitMix64(seed: 14)
        // Every ASCII character, often in runs, so words, separators, CR LF and edges all occur.
        let alphabet = (0..<128).map { Character(Unicode.Scalar(UInt8($0))) } + Array("aZ9 \r\n")
        for _ in 0..<2_000 {
            let length = Int(generator.next() % 40)
            let text = String((0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
            let fast = try #require(SearchText.asciiWords(in: text))
            let rule = SearchText.unicodeWords(in: text)
            #expect(Self.shape(fast, in: text) == Self.shape(rule, in: text), "\(text.debugDescription)")
        }
        let written = "Spoorlijn 3RX: Antwerpen–Roermond (2026), fase_2; ‘IJzeren Rijn’"
        #expect(SearchText.asciiWords(in: written) == nil)
        #expect(SearchText.asciiWords(in: "Coördinatie") == nil)
        let folded = SearchText.words(in: "Coördinatie Hamont-Weert").map(\.word)
        #expect(folded == ["coordinatie", "hamont", "weert"])
        #expect(SearchText.indexed("  De TRAM,  Hasselt-Maastricht 2. ") == "de tram hasselt maastricht 2")
    }
}
