/// Cadence compliance of one body in one calendar year.
public struct YearCompliance: Hashable, Sendable, Codable {
    /// The calendar year.
    public let year: Int
    /// The verdict.
    public let compliance: Compliance
    /// Meetings held that count for the year (for half-year rules: in the halves that apply).
    public let held: Int
    /// Meetings still planned (not before today) that would count.
    public let planned: Int
    /// Meetings the rule requires in the year (for half-year rules: in the halves that apply).
    public let required: Int
    /// The verdict explained as a value (worded per language by `Labels.cadenceExplanation`).
    public let explanation: CadenceExplanation

    /// Creates a year's compliance (normally made by `CadenceRules.compliance`).
    public init(year: Int, compliance: Compliance, held: Int, planned: Int, required: Int, explanation: CadenceExplanation) {
        self.year = year
        self.compliance = compliance
        self.held = held
        self.planned = planned
        self.required = required
        self.explanation = explanation
    }
}
