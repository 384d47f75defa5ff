import DeltaDomain
import Foundation
import SQLKit

/// Who made a change and through what: a signed-in session, an API token, the command line or an import.
public struct AuditActor: Sendable, Hashable, Codable {
    /// The account id, or a name for the command line ("cli:root").
    public var name: String
    /// "session", "token:ID", "cli" or "import".
    public var via: String
    /// The client's address, when the change came over HTTP.
    public var address: String?

    public init(name: String, via: String, address: String? = nil) {
        self.name = name; self.via = via; self.address = address
    }

    /// The actor of `deltaberaad import` runs.
    public static func importer(_ user: String = ProcessInfo.processInfo.environment["USER"] ?? "unknown") -> AuditActor {
        AuditActor(name: "cli:\(user)", via: "import")
    }
}
