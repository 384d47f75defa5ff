/// Adds up investments without counting money twice: an investment that is part of another
/// (`partOfID`) counts only when its whole is not counted in the same total.
public enum InvestmentTotals {
    /// Totals by a key (a country, a dossier); investments without a key are left out.
    public static func totals(_ investments: [Investment], key: (Investment) -> String?) -> [String: AmountTotal] {
        let byID = Dictionary(investments.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var totals: [String: AmountTotal] = [:]
        for investment in investments {
            guard let group = key(investment) else { continue }
            if let whole = investment.partOfID.flatMap({ byID[$0] }), key(whole) == group { continue }
            totals[group, default: AmountTotal()].add(investment.amount)
        }
        return totals
    }

    /// One total of all the investments given.
    public static func total(_ investments: [Investment]) -> AmountTotal {
        totals(investments) { _ in "" }[""] ?? AmountTotal()
    }
}
