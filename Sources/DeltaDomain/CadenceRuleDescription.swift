/// What a `CadenceRule` says, as data for its wording in any language ("ten minste tweemaal per
/// kalenderjaar", "au moins deux fois par année civile"). Made by `CadenceRules.ruleValue(_:)`.
///
/// Why not `CadenceRule` itself: the description is normalised for wording (a count of zero is
/// no rule, a blank season is no season), while the rule stays as recorded.
public enum CadenceRuleDescription: Hashable, Sendable, Codable {
    /// At least `count` meetings per calendar year (`count` > 0).
    case perYear(count: Int)
    /// At least `count` meetings per half-year (`count` > 0).
    case perHalfYear(count: Int)
    /// Once a year, expected around a season as the register writes it ("zomer", "de zomer",
    /// "rond de zomer"), trimmed; nil when no season is given.
    case yearly(around: String?)
    /// No fixed rule.
    /// At least one meeting in every `years` calendar years.
    case everyYears(years: Int)
    case none
}
