import Crypto
import Foundation

/// Random secrets and their one-way hashes (session ids, API tokens, CSRF tokens).
///
/// Why hashes: a copy of the database must not let anyone sign in as someone else, so only the
/// SHA-256 of a session id or token is stored.
public enum Secrets {
    /// A fresh random secret: 32 bytes from the system's generator, base64url without padding.
    public static func random(prefix: String = "") -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return prefix + Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// The SHA-256 of a text, as lower-case hex.
    public static func sha256(_ text: String) -> String {
        // Hex by table: `String(format:)` per byte was a tenth of an import's time (a hash per audit entry).
        var hex = [UInt8]()
        hex.reserveCapacity(64)
        for byte in SHA256.hash(data: Data(text.utf8)) {
            hex.append(hexDigits[Int(byte >> 4)])
            hex.append(hexDigits[Int(byte & 0x0F)])
        }
        return String(decoding: hex, as: UTF8.self)
    }

    /// Compares two secrets in time that does not depend on where they differ.
    public static func constantTimeEqual(_ left: String, _ right: String) -> Bool {
        let a = Array(left.utf8), b = Array(right.utf8)
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }
}
