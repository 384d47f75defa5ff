/// Where a single milestone stands against its deadline on a given day.
public enum DueState: String, Codable, Sendable {
    /// Achieved.
    case done
    /// Open, and even the latest reading of its due period has passed.
    case overdue
    /// Open, not overdue, and its due period starts within `DeadlineRules.dueSoonDays` (or has started).
    case dueSoon = "due-soon"
    /// Open, and its due period starts later than that.
    case upcoming
    /// Cancelled; no longer expected.
    case cancelled
}
