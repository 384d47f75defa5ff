import HummingbirdBcrypt
import NIOPosix

/// Password hashing with bcrypt, always on the thread pool: a hash takes a noticeable fraction of a
/// second on purpose and must never block the event loop.
public enum Passwords {
    /// The smallest length accepted; long passphrases beat complexity rules.
    public static let minimumLength = 12

    /// Why a password is refused, in Dutch, or nil when it is acceptable.
    public static func problem(with password: String) -> String? {
        if password.count < minimumLength { return "Een wachtwoord heeft minstens \(minimumLength) tekens." }
        if Set(password).count < 4 { return "Dit wachtwoord is te eenvoudig." }
        if password.utf8.count > 72 { return "Een wachtwoord is ten hoogste 72 bytes lang (grens van bcrypt)." }
        return nil
    }

    /// The bcrypt hash of a password.
    public static func hash(_ password: String, cost: UInt8 = 12) async throws -> String {
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    /// Whether a password matches a bcrypt hash.
    public static func verify(_ password: String, hash: String) async throws -> Bool {
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash) }
    }

    /// A hash to check against when the username is unknown, so both cases take as long.
    static let decoyHash = Bcrypt.hash("decoy password that never matches", cost: 12)
}
