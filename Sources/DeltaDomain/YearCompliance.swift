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
    /// The verdict explained in Dutch (rendered from `explanationValue`).
    public let explanation: String
    /// The verdict explained as data, for rendering in any language.
    public let explanationValue: CadenceExplanation

    /// Creates a year's compliance (normally made by `CadenceRules.compliance`); the Dutch
    /// `explanation` is rendered from the value.
    public init(year: Int, compliance: Compliance, held: Int, planned: Int, required: Int,
                explanationValue: CadenceExplanation) {
        self.year = year
        self.compliance = compliance
        self.held = held
        self.planned = planned
        self.required = required
        self.explanation = DutchWording.explanation(explanationValue)
        self.explanationValue = explanationValue
    }

    /// Creates a year's compliance from a ready sentence. Kept for callers that have no value;
    /// `explanationValue` then holds only the counts (`.counts`), as the rule is not known here.
    public init(year: Int, compliance: Compliance, held: Int, planned: Int, required: Int, explanation: String) {
        self.year = year
        self.compliance = compliance
        self.held = held
        self.planned = planned
        self.required = required
        self.explanation = explanation
        self.explanationValue = .counts(year: year, tally: CadenceExplanation.Tally(held: held, planned: planned,
                                                                                     required: required))
    }
}
