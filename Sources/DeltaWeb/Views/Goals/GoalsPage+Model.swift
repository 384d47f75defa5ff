import DeltaDomain
import DeltaReports

/// The goal tree (doelenboom): every node with its progress and how it was computed.
struct GoalsPage: Codable, Sendable {
    let title: String
    /// The roll-up rule in words, so anyone can reproduce a figure.
    let rule: [String]
    /// The nodes depth first: each goal, its priorities, their measures.
    let nodes: [GoalNodeView]
}

/// One node of the goal tree.
struct GoalNodeView: Codable, Sendable {
    let id: String
    let level: String
    let levelLabel: String
    /// 0 for a goal, 1 for a priority, 2 for a measure.
    let depth: Int
    let title: String
    let description: String?
    let source: PassageView?
    let dossiers: [LinkView]
    let indicators: [IndicatorView]
    let progress: GoalProgressView
}

/// A node's progress as the roll-up rule computed it.
struct GoalProgressView: Codable, Sendable {
    /// Attainment in whole percent; absent when there is no data (never 0 for "no data").
    let attainmentPercent: Int?
    let attainmentLabel: String
    let health: String?
    let healthLabel: String?
    let basis: String
    let basisLabel: String
    let withData: Int
    let withoutData: Int
}

/// An indicator with its baseline, target and latest value.
struct IndicatorView: Codable, Sendable {
    let id: String
    let title: String
    let unit: String
    let baselineLabel: String?
    let targetLabel: String?
    let latestLabel: String?
    let latestSource: String?
    let attainmentLabel: String
}
