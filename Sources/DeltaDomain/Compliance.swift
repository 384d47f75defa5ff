/// Whether a body kept its meeting rule in a year.
public enum Compliance: String, Codable, Sendable, CaseIterable {
    /// Enough meetings were held.
    case met
    /// Not yet enough held, but enough are planned for the rest of the period.
    case scheduled
    /// The period is still running and even with the planned meetings there are too few.
    case atRisk = "at-risk"
    /// The period is over and too few meetings were held, in a period whose meetings the
    /// register keeps.
    case missed
    /// The period is over with too few meetings *recorded*, but the register did not keep this
    /// body's meetings then: whether they took place is not known.
    case unknown
    /// The rule does not apply: no rule, the body did not exist yet, or the year has not begun.
    case notApplicable = "not-applicable"
}
