import DeltaDomain
import DeltaReports
import DeltaStore
import Hummingbird
import Foundation
import NIOCore

/// A signed-in account and how it proved itself.
public struct Identity: Sendable {
    public let account: Account
    /// The session (cookie) or nil when signed in with an API token.
    public let session: AccountStore.Session?
    /// The token id when signed in with an API token.
    public let tokenID: String?

    /// "session" or "token:ID", for the audit log.
    var via: String { tokenID.map { "token:\($0)" } ?? "session" }
}
