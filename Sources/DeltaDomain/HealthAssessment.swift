/// The health of a dossier on a given day, with the reasons as values (worded per language by
/// `Labels.healthReason` in DeltaReports).
public struct HealthAssessment: Hashable, Sendable, Codable {
    /// The overall judgement.
    public let health: Health
    /// Why, most serious first; never empty when made by `HealthRules.assess`.
    public let reasons: [HealthReason]
    /// Number of open milestones whose due period has passed.
    public let overdueCount: Int
    /// The open milestone to watch next (see `HealthRules.assess`), nil when nothing is open.
    public let nextMilestoneID: String?

    /// Creates an assessment (normally made by `HealthRules.assess`).
    public init(health: Health, reasons: [HealthReason], overdueCount: Int, nextMilestoneID: String?) {
        self.health = health
        self.reasons = reasons
        self.overdueCount = overdueCount
        self.nextMilestoneID = nextMilestoneID
    }
}
