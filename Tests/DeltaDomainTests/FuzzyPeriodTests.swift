import DeltaDomain
import Foundation
import Testing

/// One phrase and the interval it must mean.
struct PeriodCase: Sendable, CustomTestStringConvertible {
    let wording: String
    let referenceYear: Int?
    let earliest: String
    let latest: String
    let precision: PeriodPrecision

    init(_ wording: String, ref referenceYear: Int? = nil, _ earliest: String, _ latest: String, _ precision: PeriodPrecision) {
        self.wording = wording
        self.referenceYear = referenceYear
        self.earliest = earliest
        self.latest = latest
        self.precision = precision
    }

    var testDescription: String { "“\(wording)”" + (referenceYear.map { " (ref \($0))" } ?? "") }
}

@Suite("FuzzyPeriod and the Dutch period parser")
struct FuzzyPeriodTests {
    static let cases: [PeriodCase] = [
        // Days.
        PeriodCase("2026-02-18", "2026-02-18", "2026-02-18", .day),
        PeriodCase("18 februari 2026", "2026-02-18", "2026-02-18", .day),
        PeriodCase("18-02-2026", "2026-02-18", "2026-02-18", .day),
        PeriodCase("uiterlijk 18 februari 2026", "2026-02-18", "2026-02-18", .day),
        PeriodCase("29 februari 2024", "2024-02-29", "2024-02-29", .day),
        PeriodCase("18 februari", ref: 2026, "2026-02-18", "2026-02-18", .day),
        // Months.
        PeriodCase("februari 2026", "2026-02-01", "2026-02-28", .month),
        PeriodCase("februari 2024", "2024-02-01", "2024-02-29", .month),
        PeriodCase("begin maart 2026", "2026-03-01", "2026-03-10", .month),
        PeriodCase("eind maart 2026", "2026-03-21", "2026-03-31", .month),
        PeriodCase("voor maart 2026", "2026-01-01", "2026-02-28", .month),
        PeriodCase("na maart 2026", "2026-04-01", "2026-12-31", .month),
        // Quarters.
        PeriodCase("tweede kwartaal 2026", "2026-04-01", "2026-06-30", .quarter),
        PeriodCase("Q2 2026", "2026-04-01", "2026-06-30", .quarter),
        PeriodCase("eind tweede kwartaal 2026", "2026-06-01", "2026-06-30", .quarter),
        PeriodCase("Eind tweede kwartaal 2026", "2026-06-01", "2026-06-30", .quarter),
        PeriodCase("begin derde kwartaal 2026", "2026-07-01", "2026-07-31", .quarter),
        PeriodCase("in het vierde kwartaal van 2025", "2025-10-01", "2025-12-31", .quarter),
        // Half-years.
        PeriodCase("eerste semester van 2025", "2025-01-01", "2025-06-30", .half),
        PeriodCase("eerste helft 2025", "2025-01-01", "2025-06-30", .half),
        PeriodCase("tweede halfjaar 2026", "2026-07-01", "2026-12-31", .half),
        PeriodCase("eind eerste semester 2025", "2025-05-01", "2025-06-30", .half),
        // Seasons.
        PeriodCase("zomer 2026", "2026-06-01", "2026-08-31", .season),
        PeriodCase("rond de zomer van 2026", "2026-06-01", "2026-09-30", .season),
        PeriodCase("rond zomer 2026", "2026-06-01", "2026-09-30", .season),
        PeriodCase("voor de zomer", ref: 2026, "2026-01-01", "2026-06-30", .season),
        PeriodCase("voor het zomerreces", ref: 2026, "2026-01-01", "2026-06-30", .season),
        PeriodCase("na de zomer van 2026", "2026-09-01", "2026-12-31", .season),
        PeriodCase("voorjaar 2026", "2026-03-01", "2026-05-31", .season),
        PeriodCase("lente 2026", "2026-03-01", "2026-05-31", .season),
        PeriodCase("najaar 2026", "2026-09-01", "2026-11-30", .season),
        PeriodCase("herfst 2026", "2026-09-01", "2026-11-30", .season),
        PeriodCase("winter 2024", "2024-01-01", "2024-02-29", .season),
        PeriodCase("voor de winter van 2026", "2026-01-01", "2026-11-30", .season),
        // Parts of a year and years.
        PeriodCase("begin 2027", "2027-01-01", "2027-03-31", .year),
        PeriodCase("medio 2026", "2026-05-01", "2026-08-31", .year),
        PeriodCase("eind 2026", "2026-10-01", "2026-12-31", .year),
        PeriodCase("in 2019", "2019-01-01", "2019-12-31", .year),
        PeriodCase("2019", "2019-01-01", "2019-12-31", .year),
        // An explicit year wins over the reference year.
        PeriodCase("zomer 2025", ref: 2030, "2025-06-01", "2025-08-31", .season),
    ]

    @Test("documented phrases", arguments: cases)
    func parsesPhrase(_ example: PeriodCase) throws {
        let parsed = try #require(FuzzyPeriod.parse(example.wording, referenceYear: example.referenceYear))
        #expect(parsed.earliest == day(example.earliest))
        #expect(parsed.latest == day(example.latest))
        #expect(parsed.precision == example.precision)
        #expect(parsed.wording == example.wording)
    }

    @Test("not understood → nil", arguments: [
        "", "   ", "binnenkort", "zo snel mogelijk", "zomer", "voor de zomer", "18 februari",
        "31 februari 2026", "29 februari 2025", "vijfde kwartaal 2026", "Q5 2026", "derde semester 2026",
        "2026-13-01", "2026-02-30", "rond 2026", "voor 2027", "dertien maart 2026", "voor januari 2026",
        "na december 2026", "kwartaal 2026", "eerste 2026",
    ])
    func rejects(text: String) {
        #expect(FuzzyPeriod.parse(text) == nil)
    }

    @Test func yearlessPhraseNeedsReferenceYear() {
        #expect(FuzzyPeriod.parse("voor de zomer") == nil)
        #expect(FuzzyPeriod.parse("voor de zomer", referenceYear: 2027)?.latest == day("2027-06-30"))
    }

    @Test func wordingIsKeptTrimmed() {
        let parsed = FuzzyPeriod.parse("  rond de zomer van 2026 \n")
        #expect(parsed?.wording == "rond de zomer van 2026")
        #expect(parsed?.description == "rond de zomer van 2026")
    }

    @Test func containsIsInclusive() throws {
        let summer = try #require(FuzzyPeriod.parse("rond de zomer van 2026"))
        #expect(summer.contains(day("2026-06-01")))
        #expect(summer.contains(day("2026-09-30")))
        #expect(!summer.contains(day("2026-05-31")))
        #expect(!summer.contains(day("2026-10-01")))
    }

    @Test func singleDayPeriod() {
        let signing = FuzzyPeriod(day: day("2026-02-18"))
        #expect(signing.wording == "2026-02-18")
        #expect(signing.earliest == signing.latest)
        #expect(signing.precision == .day)
        #expect(FuzzyPeriod(day: day("2026-02-18"), wording: "18 februari 2026").wording == "18 februari 2026")
    }

    @Test func codableKeepsWordingAndInterval() throws {
        let original = try #require(FuzzyPeriod.parse("eind tweede kwartaal 2026"))
        let data = try JSONEncoder().encode(original)
        let decoded = try JSONDecoder().decode(FuzzyPeriod.self, from: data)
        #expect(decoded == original)
        let json = String(decoding: data, as: UTF8.self)
        #expect(json.contains("\"2026-06-30\""))
        #expect(json.contains("eind tweede kwartaal 2026"))
    }
}
