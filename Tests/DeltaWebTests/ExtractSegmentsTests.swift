@testable import DeltaWeb
import Testing

/// The marked text of the extraction review: cut where marks start and end, each piece with
/// the classes of the marks that cover it.
@Suite("Extraction review: the marked text")
struct ExtractSegmentsTests {
    /// The rule written out directly: a piece carries every mark that starts at or before it
    /// and ends at or after it.
    static func direct(_ count: Int, marks: [(Int, Int, String)]) -> [String?] {
        var cuts = Set([0, count])
        for (start, end, _) in marks { cuts.insert(start); cuts.insert(end) }
        let points = cuts.filter { $0 >= 0 && $0 <= count }.sorted()
        return zip(points, points.dropFirst()).map { from, to in
            let classes = Set(marks.filter { $0.0 <= from && $0.1 >= to }.map(\.2))
            return classes.isEmpty ? nil : classes.sorted().joined(separator: " ")
        }
    }

    @Test("overlapping, nested, touching, empty and out-of-range marks give the pieces the direct rule gives")
    func sweepMatchesTheRule() {
        var generator = SystemRandomNumberGenerator()
        let scalars = Array("Nederland en Vlaanderen spreken af de studie uiterlijk 30 juni 2026 af te ronden.".unicodeScalars)
        let names = ["date", "amount", "party", "cadence"]
        for _ in 0..<300 {
            let marks: [(Int, Int, String)] = (0..<Int.random(in: 0...12, using: &generator)).map { _ in
                (Int.random(in: -3...scalars.count + 3, using: &generator), Int.random(in: -3...scalars.count + 3, using: &generator),
                 names.randomElement(using: &generator)!)
            }
            let segments = ExtractReviewBuilder.segments(scalars, marks: marks, anchors: [:])
            #expect(segments.map(\.classes) == Self.direct(scalars.count, marks: marks), "marks \(marks)")
            #expect(segments.map(\.text).joined() == String(String.UnicodeScalarView(scalars)))
        }
    }
}
