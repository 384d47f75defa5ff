/// Scores extraction against gold annotations: per type, how many candidates were found, how
/// many gold items exist, how many matched (spans overlap, one to one, largest overlap first) and
/// how many matched candidates carry the right values. Conventions: docs/EXTRACTION.md.
public struct ExtractionEvaluation: Sendable {
    /// Counts for one type.
    public struct Tally: Sendable, Hashable {
        public var found = 0, gold = 0, matched = 0, correctValues = 0

        public init(found: Int = 0, gold: Int = 0, matched: Int = 0, correctValues: Int = 0) {
            self.found = found; self.gold = gold; self.matched = matched; self.correctValues = correctValues
        }
        public var precision: Double { found == 0 ? 1 : Double(matched) / Double(found) }
        public var recall: Double { gold == 0 ? 1 : Double(matched) / Double(gold) }
        /// The share of matched candidates whose values are right.
        public var valueAccuracy: Double { matched == 0 ? 1 : Double(correctValues) / Double(matched) }

        public static func + (a: Tally, b: Tally) -> Tally {
            Tally(found: a.found + b.found, gold: a.gold + b.gold, matched: a.matched + b.matched, correctValues: a.correctValues + b.correctValues)
        }
    }

    /// The types in their report order.
    public static let types = ["dates", "amounts", "cadences", "agreements"]

    /// Tallies by type for one document.
    public static func score(found: ExtractionResult, gold: ExtractionResult) -> [String: Tally] {
        [
            "dates": tally(found.dates, gold.dates, span: { ($0.start, $0.end) }) {
                $0.earliest == $1.earliest && $0.latest == $1.latest && $0.precision == $1.precision
            },
            "amounts": tally(found.amounts, gold.amounts, span: { ($0.start, $0.end) }) {
                $0.kind == $1.kind && $0.min == $1.min && $0.max == $1.max && $0.currency == $1.currency
            },
            "cadences": tally(found.cadences, gold.cadences, span: { ($0.start, $0.end) }) { $0.minPerYear == $1.minPerYear },
            "agreements": tally(found.agreements, gold.agreements, span: { ($0.start, $0.end) }) {
                Set($0.parties.map { $0.lowercased() }) == Set($1.parties.map { $0.lowercased() })
            },
        ]
    }

    /// The pairs (found index, gold index) that match, one to one, largest overlap first.
    public static func matches(_ found: [(Int, Int)], _ gold: [(Int, Int)]) -> [(Int, Int)] {
        var pairs: [(overlap: Int, f: Int, g: Int)] = []
        for (f, a) in found.enumerated() {
            for (g, b) in gold.enumerated() {
                let overlap = min(a.1, b.1) - max(a.0, b.0)
                if overlap > 0 { pairs.append((overlap, f, g)) }
            }
        }
        pairs.sort { ($0.overlap, -$0.f, -$0.g) > ($1.overlap, -$1.f, -$1.g) }
        var usedF = Set<Int>(), usedG = Set<Int>(), result: [(Int, Int)] = []
        for pair in pairs where !usedF.contains(pair.f) && !usedG.contains(pair.g) {
            usedF.insert(pair.f); usedG.insert(pair.g)
            result.append((pair.f, pair.g))
        }
        return result
    }

    static func tally<T>(_ found: [T], _ gold: [T], span: (T) -> (Int, Int), same: (T, T) -> Bool) -> Tally {
        let pairs = matches(found.map(span), gold.map(span))
        return Tally(found: found.count, gold: gold.count, matched: pairs.count,
                     correctValues: pairs.filter { same(found[$0.0], gold[$0.1]) }.count)
    }
}
