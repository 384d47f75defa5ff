/// Whether a body kept its meeting rule in a year.
public enum Compliance: String, Codable, Sendable {
    /// Enough meetings were held.
    case met
    /// Not yet enough held, but enough are planned for the rest of the period.
    case scheduled
    /// The period is still running and even with the planned meetings there are too few.
    case atRisk = "at-risk"
    /// The period is over and too few meetings were held.
    case missed
    /// The rule does not apply: no rule, the body did not exist yet, or the year has not begun.
    case notApplicable = "not-applicable"
}
