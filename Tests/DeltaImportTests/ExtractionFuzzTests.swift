import DeltaDomain
import DeltaImport
import Foundation
import Testing

/// Random and mutated inputs for the extractor: no crash, no hang, every span inside the text.
/// A few thousand cases by default; `scripts/test --long` sets DELTABERAAD_LONG_TESTS=1 for 100 000.
@Suite("Extraction fuzzing")
struct ExtractionFuzzTests {
    static var cases: Int { ProcessInfo.processInfo.environment["DELTABERAAD_LONG_TESTS"] == "1" ? 100_000 : 3_000 }

    /// Pieces that exercise the rules: dates, amounts, list markers, quotes, odd scalars.
    static let pieces = [
        "uiterlijk", "30", "juni", "2026", "tot", "en", "met", "-", "–", "€", "miljoen", "circa", "tot wel", "een", "miljard", ",", ".",
        "\n", "\n\n", "• ", "1.", "a)", "(", ")", ":", ";", "Nederland", "Vlaanderen", "spreken", "af", "zullen", "jaarlijks", "overleg",
        "ten minste", "tweemaal", "per jaar", "binnen", "drie", "maanden", "na", "de", "eerste", "dag", "van", "tweede", "maand",
        "volgend op", "Q2", "eind", "rond", "zomer", "\u{AD}", "\u{A0}", "\u{202F}", "'", "’", "d'euros", "jusqu'à", "1.250.000,50",
        "2026-2030", "18-02-2026", "2026/27", "\u{0}", "\u{FEFF}", "é", "\u{1F600}", "\r\n", "\t", "e\u{301}", "ﬁ", "İ", "ß",
    ]

    static func check(_ text: String, seed: UInt64) {
        let result = Extractor(organisationNames: ["Infrabel", "ProRail"], bodyNames: ["Politiek Overleg"])
            .extract(text, document: "fuzz", documentDate: CalendarDate(year: 2026, month: 2, day: 18))
        let count = text.unicodeScalars.count
        let spans = result.dates.map { ($0.start, $0.end) } + result.amounts.map { ($0.start, $0.end) }
            + result.cadences.map { ($0.start, $0.end) } + result.agreements.map { ($0.start, $0.end) }
        for (start, end) in spans where !(0 <= start && start < end && end <= count) {
            Issue.record("seed \(seed): span \(start)..<\(end) outside 0..<\(count)")
        }
        for amount in result.amounts {
            if let min = amount.min, let max = amount.max, min > max { Issue.record("seed \(seed): amount min > max in \(amount.text)") }
        }
    }

    @Test("random sequences of rule words and odd characters")
    func randomPieces() {
        for seed in 0..<UInt64(Self.cases) {
            var random = SplitMix64(seed: seed)
            let length = Int.random(in: 0...60, using: &random)
            let text = (0..<length).map { _ in Self.pieces.randomElement(using: &random)! }
                .joined(separator: Bool.random(using: &random) ? " " : "")
            Self.check(text, seed: seed)
        }
    }

    @Test("mutated seed texts: characters deleted, doubled and replaced")
    func mutatedSeeds() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("data/demo/texts")
        let texts = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            .map { Array(try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8).unicodeScalars) }
        #expect(texts.count == 5)
        for seed in 0..<UInt64(Self.cases / 10) {
            var random = SplitMix64(seed: seed &+ 1_000_000)
            var scalars = texts[Int(seed) % texts.count]
            let start = Int.random(in: 0..<max(1, scalars.count - 2000), using: &random)
            scalars = Array(scalars[start..<min(scalars.count, start + 2000)])
            for _ in 0..<Int.random(in: 1...40, using: &random) where !scalars.isEmpty {
                let at = Int.random(in: 0..<scalars.count, using: &random)
                switch Int.random(in: 0..<3, using: &random) {
                case 0: scalars.remove(at: at)
                case 1: scalars.insert(scalars[at], at: at)
                default: scalars[at] = Self.pieces.randomElement(using: &random)!.unicodeScalars.first ?? " "
                }
            }
            Self.check(String(String.UnicodeScalarView(scalars)), seed: seed)
        }
    }
}
