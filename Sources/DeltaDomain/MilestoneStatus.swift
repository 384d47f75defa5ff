/// Where a milestone stands.
public enum MilestoneStatus: String, Codable, Sendable, CaseIterable {
    case planned, inProgress = "in-progress", achieved, delayed, cancelled

    /// Whether the milestone still has to be reached.
    public var isOpen: Bool { self == .planned || self == .inProgress || self == .delayed }
}
