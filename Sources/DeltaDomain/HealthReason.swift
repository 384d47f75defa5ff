/// One finding behind a dossier's `Health`, as data: which milestone, how late, by which date.
///
/// Why data and not a sentence: the same finding is shown in Dutch, French and English, so the
/// rules say *what* they found and each language says it in its own words (see `Labels` in
/// DeltaReports). Titles and due wordings are register content and stay as written.
public enum HealthReason: Hashable, Sendable, Codable {
    /// The dossier has no milestones at all.
    case noMilestones
    /// Every milestone of the dossier is cancelled.
    case allCancelled
    /// An open milestone is more than `HealthRules.badlyOverdueDays` past the last day of its due
    /// period: `days` after `latest`, the last day of the period written as `wording`.
    case badlyOverdue(title: String, days: Int, wording: String, latest: CalendarDate)
    /// Two or more open milestones are past their due period; their titles, earliest deadline first.
    case severalOverdue(titles: [String])
    /// The only overdue open milestone, not yet badly late: `days` after `latest`, the last day of
    /// the period written as `wording`.
    case overdue(title: String, days: Int, wording: String, latest: CalendarDate)
    /// An open milestone has the status `delayed`.
    case delayed(title: String)
    /// A milestone still `planned` must be finished by `latest`, within
    /// `HealthRules.notStartedWarningDays`.
    case notStarted(title: String, latest: CalendarDate)
    /// Every live milestone is achieved.
    case allAchieved
    /// Open milestones exist and none is late, delayed or close to its deadline without having started.
    case nothingAtRisk
}
