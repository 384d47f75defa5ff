import DeltaDomain
import Testing

/// Money is never counted twice: a part counts only when its whole is not in the same total.
@Suite("Investment totals")
struct InvestmentTotalsTests {
    static func investment(_ id: String, euros: Int64, country: Country, dossier: String?, partOf: String? = nil) -> Investment {
        Investment(id: id, title: id, amount: .exact(cents: euros * 100), wording: "€ \(euros)", organisationID: "org", country: country,
                   dossierID: dossier, partOfID: partOf)
    }

    @Test("a part inside its whole's total is left out; a part whose whole is elsewhere counts")
    func partsAndWholes() {
        let whole = Self.investment("whole", euros: 100, country: .NL, dossier: "a")
        let part = Self.investment("part", euros: 40, country: .NL, dossier: "a", partOf: "whole")
        let partElsewhere = Self.investment("elsewhere", euros: 10, country: .BE, dossier: "b", partOf: "whole")
        let all = [whole, part, partElsewhere]
        #expect(InvestmentTotals.total([whole, part]).firmCents == 100_00, "the part is inside the whole")
        #expect(InvestmentTotals.total([part]).firmCents == 40_00, "without its whole the part counts")
        let byCountry = InvestmentTotals.totals(all) { $0.country.rawValue }
        #expect(byCountry["NL"]?.firmCents == 100_00)
        #expect(byCountry["BE"]?.firmCents == 10_00, "the whole is counted under another country")
        let byDossier = InvestmentTotals.totals(all) { $0.dossierID }
        #expect(byDossier["a"]?.firmCents == 100_00)
        #expect(byDossier["b"]?.firmCents == 10_00)
    }
}
