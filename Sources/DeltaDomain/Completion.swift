/// Completion of an agreement on the Open Government Partnership scale, plus `withdrawn`.
public enum Completion: String, Codable, Sendable, CaseIterable {
    case notStarted = "not-started", limited, substantial, complete, withdrawn
}
