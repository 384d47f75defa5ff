/// What an account may do. Roles are few on purpose: the register is kept by a handful of
/// officials per delegation.
public enum Role: String, Sendable, Codable, CaseIterable, Hashable {
    /// Manages accounts and may edit everything.
    case admin
    /// Edits the records of the bodies and dossiers named on the account.
    case editor
    /// Reads every record that is not delegation-private.
    case reader
}
