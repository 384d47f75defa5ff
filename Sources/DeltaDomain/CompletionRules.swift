/// When an agreement's completion may be claimed.
public enum CompletionRules {
    /// Why a completion cannot be recorded, if it cannot: `complete` needs at least one piece of
    /// evidence shown beside it, so a reader can check the claim.
    public static func problem(completion: Completion, evidence: [Evidence]) -> CompletionProblem? {
        completion == .complete && evidence.isEmpty ? .completeWithoutEvidence : nil
    }
}

/// A completion claim the register refuses.
public enum CompletionProblem: String, Hashable, Sendable, Codable {
    /// `complete` without any evidence.
    case completeWithoutEvidence = "complete-without-evidence"
}
