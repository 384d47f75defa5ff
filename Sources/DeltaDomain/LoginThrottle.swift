/// Slows down and then locks repeated failed sign-ins, per account and per address.
///
/// The first `freeFailures` failures cost nothing; each further failure adds `stepSeconds` of delay
/// (capped); at `lockAfter` failures the key is locked for `lockMinutes`, whatever the password.
/// Failures older than `windowMinutes` are forgotten.
public struct LoginThrottle: Sendable, Hashable {
    public var freeFailures = 3
    public var stepSeconds = 1.0
    public var maxDelaySeconds = 5.0
    public var lockAfter = 10
    public var lockMinutes = 15
    public var windowMinutes = 15

    public init() {}

    /// What to do before checking a password.
    public enum Decision: Hashable, Sendable {
        /// Check the password after waiting this many seconds.
        case proceed(delaySeconds: Double)
        /// Refuse without checking until the lock ends.
        case locked
    }

    /// The decision for a key with `failures` recent failures, locked until `lockedUntil` (seconds since 1970).
    public func decide(failures: Int, lockedUntil: Double?, now: Double) -> Decision {
        if let lockedUntil, lockedUntil > now { return .locked }
        let extra = failures - freeFailures
        guard extra > 0 else { return .proceed(delaySeconds: 0) }
        return .proceed(delaySeconds: min(maxDelaySeconds, Double(extra) * stepSeconds))
    }

    /// The rules for a client address: five times the allowance of one account, because many
    /// officials of a ministry reach us through the same proxy and one person's typos must not
    /// lock out a whole delegation.
    public var forAddresses: LoginThrottle {
        var rules = self
        rules.freeFailures *= 5
        rules.lockAfter *= 5
        return rules
    }

    /// The lock end after one more failure, when that failure reaches the limit.
    public func lockEnd(afterFailures failures: Int, now: Double) -> Double? {
        failures >= lockAfter ? now + Double(lockMinutes * 60) : nil
    }
}
