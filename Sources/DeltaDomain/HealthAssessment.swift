/// The health of a dossier on a given day, with the reasons as data and in Dutch.
public struct HealthAssessment: Hashable, Sendable, Codable {
    /// The overall judgement.
    public let health: Health
    /// Why, in Dutch, most serious first; never empty when made by `HealthRules.assess`
    /// (rendered from `reasonValues`).
    public let reasons: [String]
    /// Why, as data for rendering in any language, most serious first; never empty when made by
    /// `HealthRules.assess`.
    public let reasonValues: [HealthReason]
    /// Number of open milestones whose due period has passed.
    public let overdueCount: Int
    /// The open milestone to watch next (see `HealthRules.assess`), nil when nothing is open.
    public let nextMilestoneID: String?

    /// Creates an assessment (normally made by `HealthRules.assess`); the Dutch `reasons` are
    /// rendered from the values.
    public init(health: Health, reasonValues: [HealthReason], overdueCount: Int, nextMilestoneID: String?) {
        self.health = health
        self.reasons = reasonValues.map(DutchWording.healthReason)
        self.reasonValues = reasonValues
        self.overdueCount = overdueCount
        self.nextMilestoneID = nextMilestoneID
    }

    /// Creates an assessment from ready Dutch sentences. Kept for callers that have no values;
    /// `reasonValues` is then empty unless given.
    public init(health: Health, reasons: [String], overdueCount: Int, nextMilestoneID: String?,
                reasonValues: [HealthReason] = []) {
        self.health = health
        self.reasons = reasons
        self.reasonValues = reasonValues
        self.overdueCount = overdueCount
        self.nextMilestoneID = nextMilestoneID
    }
}
