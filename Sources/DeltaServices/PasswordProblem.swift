import DeltaReports
import HummingbirdBcrypt
import NIOPosix

/// Why a password is refused; rendered per language by `Labels.passwordProblem(_:)`.
package enum PasswordProblem: Sendable, Equatable {
    case tooShort(minimum: Int)
    case tooSimple
    /// bcrypt reads only the first 72 bytes.
    case tooLong(maximumBytes: Int)
}
