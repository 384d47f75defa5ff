import Crypto
import Foundation

/// The moment a form was handed out, signed with a server secret (HMAC-SHA256), so that a
/// submission can show how long it took to fill in without the client being able to backdate it.
public enum FormStamp {
    /// The stamp for `now`: seconds since 1970 and their signature, "1767225600.3f9a…".
    public static func make(now: Date, key: String) -> String {
        let seconds = String(Int(now.timeIntervalSince1970))
        return seconds + "." + signature(seconds, key: key)
    }

    /// When the form was handed out; nil for a stamp this server did not sign.
    public static func issued(_ stamp: String?, key: String) -> Date? {
        guard let stamp, stamp.count <= 100 else { return nil }
        let parts = stamp.split(separator: ".", maxSplits: 1).map(String.init)
        guard parts.count == 2, let seconds = Int(parts[0]), Secrets.constantTimeEqual(parts[1], signature(parts[0], key: key)) else { return nil }
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    private static func signature(_ text: String, key: String) -> String {
        let code = HMAC<SHA256>.authenticationCode(for: Data(text.utf8), using: SymmetricKey(data: Data(key.utf8)))
        return Data(code).map { String(format: "%02x", $0) }.joined()
    }
}
