import DeltaDomain
import Testing

@Suite("Amounts and totals")
struct MoneyTests {
    static let million: Int64 = 100_000_000 // in cents

    @Test func upperBoundIsNeverFirm() {
        // The freight letter: "tot wel een miljard" next to €130 miljoen and €200–250 miljoen.
        var total = AmountTotal()
        total.add(.exact(cents: 130 * Self.million))
        total.add(.range(minimumCents: 200 * Self.million, maximumCents: 250 * Self.million)!)
        total.add(.upToAtMost(cents: 1_000 * Self.million))
        #expect(total.firmCents == 330 * Self.million)
        #expect(total.ceilingCents == 1_380 * Self.million)
        #expect(total.upperBoundCents == 1_000 * Self.million)
        #expect(total.count == 3)
        #expect(total.isApproximate)
        #expect(!total.isExact)
    }

    @Test func onlyAnUpperBound() {
        var total = AmountTotal()
        total.add(.upToAtMost(cents: 1_000 * Self.million))
        #expect(total.firmCents == 0)
        #expect(total.ceilingCents == 1_000 * Self.million)
        #expect(!total.isApproximate)
        #expect(!total.isExact)
    }

    @Test func exactAmountsStayExact() {
        var total = AmountTotal()
        #expect(total.isExact)
        total.add(.exact(cents: 39 * Self.million))
        total.add(.exact(cents: 30 * Self.million))
        #expect(total.firmCents == 69 * Self.million)
        #expect(total.ceilingCents == 69 * Self.million)
        #expect(total.isExact)
        total.add(.approximate(cents: 5 * Self.million))
        #expect(!total.isExact)
        #expect(total.upperBoundCents == 0)
        #expect(total.firmCents == 74 * Self.million)
    }

    @Test func range() throws {
        let amount = try #require(Amount.range(minimumCents: 200 * Self.million, maximumCents: 250 * Self.million))
        #expect(amount.kind == .range)
        #expect(amount.minimumCents == 200 * Self.million)
        #expect(amount.maximumCents == 250 * Self.million)
        #expect(Amount.range(minimumCents: 5, maximumCents: 5) != nil)
    }

    @Test func invalidRangeIsNil() {
        #expect(Amount.range(minimumCents: 250, maximumCents: 200) == nil)
        #expect(Amount(kind: .range, minimumCents: 250, maximumCents: 200) == nil)
        #expect(Amount(kind: .range, minimumCents: 200, maximumCents: nil) == nil)
        #expect(Amount(kind: .range, minimumCents: -1, maximumCents: 200) == nil)
    }

    @Test func partsInitialiser() {
        #expect(Amount(kind: .exact, minimumCents: nil, maximumCents: 500) == .exact(cents: 500))
        #expect(Amount(kind: .exact, minimumCents: -5, maximumCents: nil) == nil)
        #expect(Amount(kind: .exact, minimumCents: nil, maximumCents: nil) == nil)
        #expect(Amount(kind: .upToAtMost, minimumCents: 900, maximumCents: nil) == .upToAtMost(cents: 900))
        #expect(Amount(kind: .upToAtMost, minimumCents: nil, maximumCents: 900)?.minimumCents == 0)
        #expect(Amount(kind: .approximate, minimumCents: 700, maximumCents: nil)?.kind == .approximate)
    }
}
