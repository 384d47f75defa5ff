import DeltaDomain
import Foundation
import SQLKit

/// An entry of the audit log.
public struct AuditEntry: Sendable, Hashable, Codable {
    public let sequence: Int
    /// ISO 8601 in UTC.
    public let at: String
    public let actor: String
    public let via: String
    public let address: String?
    public let recordKind: String
    public let recordID: String
    /// "create", "update", "import", "note", "correction", …
    public let action: String
    public let changes: [FieldChange]
    public let previousHash: String
    public let hash: String
}
