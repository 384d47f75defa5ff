/// How a dossier is doing, judged from its milestones.
public enum Health: String, Codable, Sendable, CaseIterable {
    /// Nothing open is late, delayed or about to be missed.
    case onTrack = "on-track"
    /// One milestone is late, delayed, or due within 30 days and not yet started.
    case atRisk = "at-risk"
    /// Badly late: several milestones overdue, or one more than 90 days.
    case offTrack = "off-track"
    /// No (non-cancelled) milestones to judge by.
    case unknown
}
