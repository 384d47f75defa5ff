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

extension Health {
    /// How bad a state is, for taking the worst of several (a rail link is as healthy as its
    /// least healthy dossier).
    public var severity: Int {
        switch self {
        case .unknown: 0
        case .onTrack: 1
        case .atRisk: 2
        case .offTrack: 3
        }
    }

    /// The worst of several states; `unknown` when there are none.
    public static func worst<S: Sequence>(_ states: S) -> Health where S.Element == Health {
        states.max { $0.severity < $1.severity } ?? .unknown
    }
}
