import DeltaDomain
import DeltaReports
import DeltaServices
import DeltaStore
import Hummingbird

/// The signed-in reader as the layout shows them.
struct Viewer: Codable, Sendable {
    let username: String
    let displayName: String
    let delegation: String
    /// The session's CSRF token for the forms on the page (empty for API tokens).
    let csrfToken: String
    let isAdmin: Bool
    let mayEdit: Bool

    init(_ identity: Identity) {
        username = identity.account.id
        displayName = identity.account.displayName
        delegation = identity.account.delegation
        csrfToken = identity.session?.csrfToken ?? ""
        isAdmin = identity.account.role == .admin
        mayEdit = AccessRules.mayEditSomething(identity.account)
    }
}
