/// Progress of one goal-tree node, as the roll-up rule computes it (`GoalRollUp`).
public struct GoalProgress: Hashable, Sendable, Codable {
    /// Mean attainment (0…1) over the parts that have data; nil when none has.
    public var attainment: Double?
    /// Parts that gave an attainment, and parts that gave none ("no data"): for an indicator
    /// node 1 or 0; for a measure its indicators; above that, the children.
    public var withData: Int
    public var withoutData: Int
    /// The worst health of the linked dossiers of measures without indicators, rolled up; nil
    /// when no such dossier has one.
    public var health: Health?
    /// How the figure was made, so anyone can reproduce it.
    public var basis: Basis

    /// Where a node's figure comes from.
    public enum Basis: String, Hashable, Sendable, Codable {
        /// From indicator values.
        case indicators
        /// From the health of linked dossiers (a measure without indicators).
        case dossierHealth = "dossier-health"
        /// From the node's children.
        case children
        /// Nothing to go on.
        case noData = "no-data"
    }

    public init(attainment: Double?, withData: Int, withoutData: Int, health: Health?, basis: Basis) {
        self.attainment = attainment; self.withData = withData; self.withoutData = withoutData
        self.health = health; self.basis = basis
    }

    /// Whether nothing at all is known.
    public var hasNoData: Bool { attainment == nil && health == nil }
}
