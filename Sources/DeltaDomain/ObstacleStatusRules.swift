/// The rules of an obstacle's handling, in one place: which status may follow which, that every
/// step carries a reason, and that only an analysed obstacle is published.
///
/// - a new report is `reported`; analysis either takes it on (`analysed`) or finds it outside the
///   remit straight away;
/// - an analysed obstacle is worked on (`in-progress`), or found not solvable or outside the remit;
/// - work ends in `solved` or `not-solvable`, or goes back to analysis when it turns out otherwise;
/// - a closed obstacle can only be reopened, back to `analysed` (a new fact, a new law);
/// - every change of status needs a reason (for the reporter and the public), keeping the status
///   does not.
public enum ObstacleStatusRules {
    /// Why a step is refused: values, worded by the catalogues.
    public enum Problem: Hashable, Sendable {
        /// This status cannot follow that one.
        case notAllowed(from: ObstacleStatus, to: ObstacleStatus)
        /// The status changes but no reason was given.
        case reasonRequired
        /// A report that nobody analysed yet is not published (it is still in the reporter's words).
        case publishedBeforeAnalysis
    }

    /// The statuses that may follow `status` (not counting keeping it).
    public static func next(after status: ObstacleStatus) -> [ObstacleStatus] {
        switch status {
        case .reported: [.analysed, .outsideRemit]
        case .analysed: [.inProgress, .notSolvable, .outsideRemit]
        case .inProgress: [.solved, .notSolvable, .analysed]
        case .solved, .notSolvable, .outsideRemit: [.analysed]
        }
    }

    /// The statuses an editor may choose for an obstacle now at `status`: keeping it, or a next one.
    public static func choices(from status: ObstacleStatus) -> [ObstacleStatus] { [status] + next(after: status) }

    /// What is wrong with going from `old` (nil: a new record, which may start anywhere, as the
    /// obstacles that documents name are entered as far as those documents tell) to `new` with
    /// `reason`; nil when the step is allowed.
    public static func check(from old: ObstacleStatus?, to new: ObstacleStatus, reason: String?) -> Problem? {
        guard let old, old != new else { return nil }
        guard next(after: old).contains(new) else { return .notAllowed(from: old, to: new) }
        guard let reason, !reason.allSatisfy(\.isWhitespace) else { return .reasonRequired }
        return nil
    }

    /// What is wrong with an obstacle's visibility at `status`; nil when it may be so.
    public static func checkPublication(_ visibility: Visibility, status: ObstacleStatus) -> Problem? {
        visibility == .public && status == .reported ? .publishedBeforeAnalysis : nil
    }
}
