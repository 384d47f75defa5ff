/// Where an obstacle is in its handling: reported → analysed → in progress → solved, or closed as
/// not solvable or outside the register's remit. `ObstacleStatusRules` says which steps are allowed.
public enum ObstacleStatus: String, Codable, Sendable, CaseIterable, Hashable {
    case reported
    case analysed
    case inProgress = "in-progress"
    case solved
    case notSolvable = "not-solvable"
    case outsideRemit = "outside-remit"

    /// Whether the handling has ended (it can still be reopened, see `ObstacleStatusRules`).
    public var isClosed: Bool { self == .solved || self == .notSolvable || self == .outsideRemit }
}
