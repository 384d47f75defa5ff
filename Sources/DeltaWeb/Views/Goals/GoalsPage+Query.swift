import DeltaDomain
import DeltaReports
import DeltaStore

extension Register {
    /// Builds the goal tree page: the nodes, the indicators and the dossiers' milestones in three
    /// reads besides the lookup tables, however large the tree.
    func goalsPage(today: CalendarDate, labels: Labels) async throws -> GoalsPage {
        let index = try await lookupIndex(today: today, labels: labels)
        let goals = try await goals()
        let indicators = try await indicators()
        let milestones = Milestone.byDossier(try await milestones())
        let linked = Set(goals.flatMap(\.dossierIDs))
        let health = Dictionary(uniqueKeysWithValues: linked.map { ($0, HealthRules.assess(milestones: milestones[$0] ?? [], today: today).health) })
        let progress = GoalRollUp.progress(goals: goals, indicators: indicators, dossierHealth: health)
        let indicatorsByGoal = Dictionary(grouping: indicators, by: \.goalID)
        let children = Dictionary(grouping: goals, by: { $0.parentID ?? "" })
        var nodes: [GoalNodeView] = []
        func visit(_ goal: Goal, depth: Int) {
            guard depth < 8 else { return }
            nodes.append(GoalNodeView(
                id: goal.id, level: goal.level.rawValue, levelLabel: labels.goalLevel(goal.level), depth: depth, title: goal.title,
                description: goal.description, source: index.passage(goal.source), dossiers: goal.dossierIDs.compactMap(index.dossier),
                indicators: (indicatorsByGoal[goal.id] ?? []).map { indicatorView($0, labels: labels) },
                progress: progressView(progress[goal.id], labels: labels)))
            for child in (children[goal.id] ?? []).sorted(by: { $0.id < $1.id }) { visit(child, depth: depth + 1) }
        }
        // Roots: goals, and nodes whose parent the reader may not see.
        let ids = Set(goals.map(\.id))
        for root in goals.filter({ $0.parentID.map { !ids.contains($0) } ?? true }).sorted(by: { $0.id < $1.id }) { visit(root, depth: 0) }
        return GoalsPage(title: labels.text("app.title.goals"),
                         rule: [labels.text("app.goals.rule1"), labels.text("app.goals.rule2"), labels.text("app.goals.rule3"),
                                labels.text("app.goals.rule4")], nodes: nodes)
    }

    private func progressView(_ progress: GoalProgress?, labels: Labels) -> GoalProgressView {
        let progress = progress ?? GoalProgress(attainment: nil, withData: 0, withoutData: 1, health: nil, basis: .noData)
        let percent = progress.attainment.map { Int(($0 * 100).rounded()) }
        return GoalProgressView(
            attainmentPercent: percent,
            attainmentLabel: percent.map { labels.text("app.goals.percent", ["percent": labels.numbers.integer($0)]) } ?? labels.text("app.goals.noData"),
            health: progress.health?.rawValue, healthLabel: progress.health.map(labels.health),
            basis: progress.basis.rawValue, basisLabel: basisLabel(progress, labels: labels),
            withData: progress.withData, withoutData: progress.withoutData)
    }

    private func basisLabel(_ progress: GoalProgress, labels: Labels) -> String {
        let counts = ["with": labels.numbers.integer(progress.withData), "without": labels.numbers.integer(progress.withoutData)]
        return switch progress.basis {
        case .indicators: labels.text("app.goals.basis.indicators", counts)
        case .dossierHealth: labels.text("app.goals.basis.dossierHealth", counts)
        case .children: labels.text("app.goals.basis.children", counts)
        case .noData: labels.text("app.goals.basis.noData", counts)
        }
    }

    private func indicatorView(_ indicator: Indicator, labels: Labels) -> IndicatorView {
        func reading(_ reading: Indicator.Reading?) -> String? {
            reading.map { value in
                let number = labels.numbers.decimal(value.value, fractionDigits: value.value == value.value.rounded() ? 0 : 1)
                return value.date.map { labels.text("app.goals.valueOn", ["value": number, "unit": indicator.unit, "date": labels.date($0)]) }
                    ?? labels.text("app.goals.value", ["value": number, "unit": indicator.unit])
            }
        }
        let attainment = GoalRollUp.attainment(of: indicator).map { Int(($0 * 100).rounded()) }
        return IndicatorView(id: indicator.id, title: indicator.title, unit: indicator.unit, baselineLabel: reading(indicator.baseline),
                             targetLabel: reading(indicator.target), latestLabel: reading(indicator.latest), latestSource: indicator.latest?.source,
                             attainmentLabel: attainment.map { labels.text("app.goals.percent", ["percent": labels.numbers.integer($0)]) }
                                ?? labels.text("app.goals.noData"))
    }
}
