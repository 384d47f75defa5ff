import DeltaReports
import HummingbirdBcrypt
import NIOPosix

/// Password hashing with bcrypt, always on the thread pool: a hash takes a noticeable fraction of a
/// second on purpose and must never block the event loop.
package enum Passwords {
    /// The smallest length accepted; long passphrases beat complexity rules.
    package static let minimumLength = 12

    /// Why a password is refused, or nil when it is acceptable.
    package static func problem(with password: String) -> PasswordProblem? {
        if password.count < minimumLength { return .tooShort(minimum: minimumLength) }
        if Set(password).count < 4 { return .tooSimple }
        if password.utf8.count > 72 { return .tooLong(maximumBytes: 72) }
        return nil
    }

    /// The bcrypt hash of a password.
    package static func hash(_ password: String, cost: UInt8 = 12) async throws -> String {
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    /// Whether a password matches a bcrypt hash.
    package static func verify(_ password: String, hash: String) async throws -> Bool {
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash) }
    }

    /// A hash to check against when the username is unknown, so both cases take as long.
    package static let decoyHash = Bcrypt.hash("decoy password that never matches", cost: 12)
}

extension Labels {
    /// Why a password is refused, in this language.
    package func passwordProblem(_ problem: PasswordProblem) -> String {
        switch problem {
        case .tooShort(let minimum): text("password.tooShort", ["minimum": String(minimum)])
        case .tooSimple: text("password.tooSimple")
        case .tooLong(let maximum): text("password.tooLong", ["maximum": String(maximum)])
        }
    }
}
