import DeltaDomain
import SQLKit

/// What a write did, per record kind.
public struct WriteSummary: Sendable, Hashable, CustomStringConvertible {
    /// Records that did not exist.
    public var inserted = 0
    /// Records that existed and changed (their version went up).
    public var updated = 0
    /// Records that existed unchanged.
    public var unchanged = 0

    public init() {}

    /// Adds what another write did.
    public static func += (summary: inout WriteSummary, other: WriteSummary) {
        summary.inserted += other.inserted
        summary.updated += other.updated
        summary.unchanged += other.unchanged
    }

    public var description: String { "\(inserted) new, \(updated) changed, \(unchanged) unchanged" }
}
