import DeltaDomain
import Foundation
import SQLKit

/// Sign-in attempts counted before the password is checked, atomically, so that parallel
/// attempts cannot all read the same count and all be let through.
extension AccountStore {
    /// Counts this attempt as a failure for `key` in one statement (an upsert that forgets
    /// failures older than the throttle's window) and returns what the key had *before* it:
    /// the decision for this attempt rests on earlier attempts only. A success gives the attempt
    /// back with `forgiveAttempt`.
    public func countAttempt(key: String, now: Date, throttle: LoginThrottle) async throws -> (earlierFailures: Int, lockedUntil: Double?) {
        let seconds = Int(now.timeIntervalSince1970)
        let windowStart = seconds - throttle.windowMinutes * 60
        let row = try await db.raw("""
            INSERT INTO login_failures (throttle_key, failures, last_failure_at, locked_until) VALUES (\(bind: key), 1, \(bind: seconds), NULL)
            ON CONFLICT (throttle_key) DO UPDATE SET
                failures = CASE WHEN login_failures.last_failure_at < \(bind: windowStart)
                                 AND COALESCE(login_failures.locked_until, 0) <= \(bind: seconds)
                            THEN 1 ELSE login_failures.failures + 1 END,
                last_failure_at = \(bind: seconds)
            RETURNING failures, locked_until
            """).first()
        let failures = try row?.decode(column: "failures", as: Int.self) ?? 1
        var lockedUntil = try row?.decode(column: "locked_until", as: Int?.self).map(Double.init)
        if lockedUntil.map({ $0 <= now.timeIntervalSince1970 }) ?? false { lockedUntil = nil }
        // This attempt reaching the limit locks the key for the next ones.
        if lockedUntil == nil, let end = throttle.lockEnd(afterFailures: failures, now: now.timeIntervalSince1970) {
            try await db.update("login_failures").set("locked_until", to: SQLBind(Int(end))).where("throttle_key", .equal, key).run()
        }
        return (failures - 1, lockedUntil)
    }

    /// Gives back an attempt counted by `countAttempt` that turned out to be a success, with the
    /// lock that attempt may have set when it reached the limit.
    public func forgiveAttempt(key: String, throttle: LoginThrottle) async throws {
        try await db.raw("""
            UPDATE login_failures SET failures = failures - 1,
                locked_until = CASE WHEN failures - 1 < \(bind: throttle.lockAfter) THEN NULL ELSE locked_until END
            WHERE throttle_key = \(bind: key) AND failures > 0
            """).run()
    }
}
