/// The roll-up rule of the goal tree, shown on the tree page so anyone can reproduce a figure.
///
/// 1. An indicator's attainment is `(latest − baseline) / (target − baseline)`, limited to
///    0…1; it has none (no data) without a baseline, a target, a measured value, or when the
///    target equals the baseline. Falling targets work the same way (the fraction of the way
///    from baseline to target).
/// 2. A measure with indicators: the mean attainment of those with data. A measure without
///    indicators takes the health of its linked dossiers (the worst of those known) and has no
///    attainment.
/// 3. A priority or goal: the mean attainment of its children that have one, and the worst
///    health among its children.
/// 4. "No data" is never 0 %: parts without data are left out of the mean and counted apart.
public enum GoalRollUp {
    /// An indicator's attainment (rule 1).
    public static func attainment(of indicator: Indicator) -> Double? {
        guard let baseline = indicator.baseline?.value, let target = indicator.target?.value,
              let latest = indicator.latest?.value, target != baseline else { return nil }
        return min(1, max(0, (latest - baseline) / (target - baseline)))
    }

    /// Progress of every node of `goals`, by id.
    /// - Parameters:
    ///   - indicators: all indicators; those of unknown nodes are ignored.
    ///   - dossierHealth: the health of each dossier a measure may link to.
    public static func progress(goals: [Goal], indicators: [Indicator], dossierHealth: [String: Health]) -> [String: GoalProgress] {
        let indicatorsByGoal = Dictionary(grouping: indicators, by: \.goalID)
        let children = Dictionary(grouping: goals.filter { $0.parentID != nil }, by: { $0.parentID ?? "" })
        var result: [String: GoalProgress] = [:]

        func compute(_ goal: Goal, depth: Int) -> GoalProgress {
            if let known = result[goal.id] { return known }
            var progress: GoalProgress
            let own = indicatorsByGoal[goal.id] ?? []
            let kids = depth < 8 ? (children[goal.id] ?? []) : []
            if !own.isEmpty {
                let values = own.compactMap(attainment(of:))
                progress = GoalProgress(attainment: mean(values), withData: values.count, withoutData: own.count - values.count,
                                        health: nil, basis: values.isEmpty ? .noData : .indicators)
            } else if !kids.isEmpty {
                let parts = kids.map { compute($0, depth: depth + 1) }
                let values = parts.compactMap(\.attainment)
                let health = worst(parts.compactMap(\.health))
                let withoutData = parts.filter(\.hasNoData).count
                progress = GoalProgress(attainment: mean(values), withData: parts.count - withoutData, withoutData: withoutData,
                                        health: health, basis: values.isEmpty && health == nil ? .noData : .children)
            } else {
                let health = worst(goal.dossierIDs.compactMap { dossierHealth[$0] }.filter { $0 != .unknown })
                progress = GoalProgress(attainment: nil, withData: health == nil ? 0 : 1, withoutData: health == nil ? 1 : 0,
                                        health: health, basis: health == nil ? .noData : .dossierHealth)
            }
            result[goal.id] = progress
            return progress
        }

        for goal in goals { _ = compute(goal, depth: 0) }
        return result
    }

    private static func mean(_ values: [Double]) -> Double? {
        values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
    }

    /// The worst of several healths (off track before at risk before on track); nil for none.
    static func worst(_ healths: [Health]) -> Health? {
        let order: [Health] = [.offTrack, .atRisk, .onTrack]
        return order.first { healths.contains($0) }
    }
}
