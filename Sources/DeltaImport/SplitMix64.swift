import DeltaDomain

/// SplitMix64: a small, fast, well-mixed generator whose sequence depends only on the seed, on
/// every platform and Swift version (the standard library's generator promises neither).
/// Also the fuzz tests' generator, so a failing case can be replayed from its seed.
package struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    package init(seed: UInt64) { state = seed }

    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in 0..<bound (bound > 0); the modulo bias is irrelevant for synthetic data.
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    mutating func year(_ years: ClosedRange<Int>) -> Int { years.lowerBound + below(years.count) }

    mutating func day(in years: ClosedRange<Int>) -> CalendarDate {
        let year = year(years), month = 1 + below(12)
        return CalendarDate(year: year, month: month, day: 1 + below(28)) ?? CalendarDate.startOf(month: month, year: year)
    }

    private static let nouns = ["de grensoverschrijdende dienstregeling", "de capaciteit op het goederennet", "een gezamenlijke studie",
                                "de aansluiting van de havens", "een nieuwe treinverbinding", "de beveiliging van het spoor",
                                "het onderhoud van de brug", "de financiering van de werken", "de afstemming van de planning"]
    private static let verbs = ["onderzoeken", "verbeteren", "uitwerken", "versnellen", "evalueren", "voorbereiden", "afronden"]

    mutating func phrase() -> String { Self.nouns[below(Self.nouns.count)] }
    mutating func verb() -> String { Self.verbs[below(Self.verbs.count)] }
}
