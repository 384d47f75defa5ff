/// Adds up investments without counting money twice. The one rule every page, chart, report
/// and export uses:
/// - an amount counts in each of its year buckets (`InvestmentYears`): a recurring amount once
///   per year, a non-recurring range of years once for the whole range;
/// - an investment that is part of another (`partOfID`) counts in a group only when its whole
///   does not count in that same group, so a part is never added next to the whole it is in.
public enum InvestmentTotals {
    /// Totals by a key computed from an investment and one of its year buckets; a nil key leaves
    /// that contribution out.
    public static func totals(_ investments: [Investment], key: (Investment, InvestmentYears) -> String?) -> [String: AmountTotal] {
        let byID = Dictionary(investments.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var totals: [String: AmountTotal] = [:]
        for investment in investments {
            let wholeGroups: Set<String> = investment.partOfID.flatMap { byID[$0] }.map { whole in
                Set(InvestmentYears.buckets(of: whole).compactMap { key(whole, $0) })
            } ?? []
            for bucket in InvestmentYears.buckets(of: investment) {
                guard let group = key(investment, bucket), !wholeGroups.contains(group) else { continue }
                totals[group, default: AmountTotal()].add(investment.amount)
            }
        }
        return totals
    }

    /// Totals by a key (a country, a dossier) over all years; investments without a key are left out.
    public static func totals(_ investments: [Investment], key: (Investment) -> String?) -> [String: AmountTotal] {
        totals(investments) { investment, _ in key(investment) }
    }

    /// One total of all the investments given.
    public static func total(_ investments: [Investment]) -> AmountTotal {
        totals(investments) { _ in "" }[""] ?? AmountTotal()
    }
}
