import DeltaDomain
import Testing

/// The pivot over dossier × country × funding source × year × status keeps amount kinds honest
/// and never counts money twice, in cells and in every total.
/// One euro in cents.
private let euro: Int64 = 100

@Suite("Investment pivot")
struct InvestmentPivotTests {
    static func investment(_ id: String, _ amount: Amount, country: Country = .NL, dossier: String? = nil, source: FundingSource? = nil,
                           years: (Int, Int)? = nil, recurring: Bool = false, status: InvestmentStatus? = nil, partOf: String? = nil) -> Investment {
        Investment(id: id, title: id, amount: amount, wording: id, organisationID: "org", country: country, fundingSource: source,
                   firstYear: years?.0, lastYear: years?.1, recurring: recurring, status: status, dossierID: dossier, partOfID: partOf)
    }

    @Test("a recurring amount counts in each year and in totals once per year; a plain range of years stays one undivided column")
    func years() {
        let recurring = Self.investment("yearly", .exact(cents: 10 * euro), years: (2026, 2028), recurring: true)
        let range = Self.investment("range", .exact(cents: 90 * euro), years: (2026, 2030))
        let single = Self.investment("single", .exact(cents: 5 * euro), country: .BE, years: (2027, 2027))
        let unknown = Self.investment("unknown", .exact(cents: 1 * euro))
        let pivot = InvestmentPivot([recurring, range, single, unknown], rows: .year, columns: .country)
        #expect(pivot.rowKeys == ["2026", "2026-2030", "2027", "2028", "unknown"])
        #expect(pivot.cell("2026", "NL").firmCents == 10 * euro)
        #expect(pivot.cell("2027", "NL").firmCents == 10 * euro)
        #expect(pivot.cell("2027", "BE").firmCents == 5 * euro)
        #expect(pivot.cell("2026-2030", "NL").firmCents == 90 * euro, "never divided by guess")
        #expect(pivot.columnTotals["NL"]?.firmCents == 121 * euro, "three years of 10, the range once, the unknown year")
        #expect(pivot.grandTotal.firmCents == 126 * euro)
        #expect(pivot.investmentCount == 4)
        #expect(InvestmentTotals.total([recurring]).firmCents == 30 * euro, "a recurring amount is per year")
    }

    @Test("a year filter keeps that year and ranges that include it, and drops unknown years")
    func yearFilter() {
        let recurring = Self.investment("yearly", .exact(cents: 10 * euro), years: (2026, 2028), recurring: true)
        let range = Self.investment("range", .exact(cents: 90 * euro), years: (2026, 2030))
        let other = Self.investment("other", .exact(cents: 7 * euro), years: (2031, 2031))
        let unknown = Self.investment("unknown", .exact(cents: 1 * euro))
        let pivot = InvestmentPivot([recurring, range, other, unknown], rows: .year, columns: .country, filter: .init(year: 2027))
        #expect(pivot.rowKeys == ["2026-2030", "2027"])
        #expect(pivot.grandTotal.firmCents == 100 * euro)
        #expect(pivot.investmentCount == 2)
    }

    @Test("ranges stay bands and 'up to' stays a ceiling in cells, row totals and the grand total")
    func kinds() throws {
        let upTo = Self.investment("up-to", .upToAtMost(cents: 1_000 * euro), dossier: "a", source: .nlMobiliteitsfonds)
        let range = Self.investment("range", try #require(Amount.range(minimumCents: 200 * euro, maximumCents: 250 * euro)), dossier: "a", source: .euCEF)
        let approx = Self.investment("approx", .approximate(cents: 50 * euro), country: .BE, dossier: "b", source: .flemishBudget)
        let pivot = InvestmentPivot([upTo, range, approx], rows: .dossier, columns: .fundingSource)
        #expect(pivot.columnKeys == ["nl-mobiliteitsfonds", "flemish-budget", "eu-cef"], "funding sources in their fixed order")
        let a = try #require(pivot.rowTotals["a"])
        #expect(a.firmCents == 200 * euro && a.ceilingCents == 1_250 * euro && a.upperBoundCents == 1_000 * euro)
        #expect(!a.isExact)
        #expect(pivot.cell("a", "nl-mobiliteitsfonds").firmCents == 0, "an upper bound is never firm money")
        #expect(pivot.cell("b", "flemish-budget").isApproximate)
        #expect(pivot.grandTotal.firmCents == 250 * euro && pivot.grandTotal.ceilingCents == 1_300 * euro)
    }

    @Test("a part is not counted next to its whole in the same cell or total, and counts alone where its whole is not")
    func parts() {
        let whole = Self.investment("whole", .exact(cents: 100 * euro), status: .committed)
        let part = Self.investment("part", .exact(cents: 40 * euro), dossier: "a", status: .committed, partOf: "whole")
        let pivot = InvestmentPivot([whole, part], rows: .dossier, columns: .status)
        #expect(pivot.cell(InvestmentPivot.noValue, "committed").firmCents == 100 * euro)
        #expect(pivot.cell("a", "committed").firmCents == 40 * euro, "its whole is in another row")
        #expect(pivot.columnTotals["committed"]?.firmCents == 100 * euro, "the column total holds the whole once, not whole + part")
        #expect(pivot.grandTotal.firmCents == 100 * euro)
        #expect(pivot.rowKeys.last == InvestmentPivot.noValue, "'no dossier' comes last")

        let onlyPart = InvestmentPivot([whole, part], rows: .dossier, columns: .status, filter: .init(dossierIDs: ["a"]))
        #expect(onlyPart.grandTotal.firmCents == 40 * euro, "a whole the filter leaves out no longer hides its part")
    }

    @Test("filters by country, funding source and status; empty filter sets mean all")
    func filters() {
        let nl = Self.investment("nl", .exact(cents: 1 * euro), country: .NL, source: .nlMobiliteitsfonds, status: .spent)
        let be = Self.investment("be", .exact(cents: 2 * euro), country: .BE, source: .beFederalInvestmentPlan, status: .announced)
        let none = Self.investment("none", .exact(cents: 4 * euro), country: .BE)
        let all = [nl, be, none]
        #expect(InvestmentPivot(all, rows: .country, columns: .year).grandTotal.firmCents == 7 * euro)
        #expect(InvestmentPivot(all, rows: .country, columns: .year, filter: .init(countries: [.BE])).grandTotal.firmCents == 6 * euro)
        #expect(InvestmentPivot(all, rows: .country, columns: .year, filter: .init(fundingSources: [.beFederalInvestmentPlan])).grandTotal.firmCents == 2 * euro)
        #expect(InvestmentPivot(all, rows: .country, columns: .year, filter: .init(statuses: [.spent])).grandTotal.firmCents == 1 * euro)
        #expect(InvestmentPivot(all, rows: .status, columns: .year).rowKeys == ["announced", "spent", InvestmentPivot.noValue])
    }
}
