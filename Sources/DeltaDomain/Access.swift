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

/// The kinds of record a person can edit; also the `record_kind` of audit entries and notes.
public enum RecordKind: String, Sendable, Codable, CaseIterable, Hashable {
    case organisation, document, body, dossier, agreement, milestone, meeting, investment
}

/// A person who signs in: an official of a delegation or an invited partner.
public struct Account: Hashable, Sendable, Codable, Identifiable {
    /// The username in lower case; stable.
    public var id: String
    public var displayName: String
    /// The organisation the person works for, if registered.
    public var organisationID: String?
    /// The delegation the person belongs to: "NL", "BE", or another code such as "DE" or "sector".
    /// Delegation-private notes are shared within a delegation only.
    public var delegation: String
    public var role: Role
    /// Bodies an editor may edit (with their meetings, and the dossiers they carry).
    public var editsBodyIDs: [String]
    /// Dossiers an editor may edit (with their milestones, agreements and investments).
    public var editsDossierIDs: [String]
    public var disabled: Bool

    public init(id: String, displayName: String, organisationID: String? = nil, delegation: String, role: Role,
                editsBodyIDs: [String] = [], editsDossierIDs: [String] = [], disabled: Bool = false) {
        self.id = id; self.displayName = displayName; self.organisationID = organisationID; self.delegation = delegation
        self.role = role; self.editsBodyIDs = editsBodyIDs; self.editsDossierIDs = editsDossierIDs; self.disabled = disabled
    }

    /// Usernames: 2–40 characters of a–z, 0–9, dot, dash and underscore, starting with a letter.
    public static func isValidUsername(_ text: String) -> Bool {
        guard (2...40).contains(text.count), let first = text.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "." || $0 == "-" || $0 == "_" }
    }

    /// Delegation codes: 2–12 letters, dash allowed ("NL", "BE", "DE", "sector").
    public static func isValidDelegation(_ text: String) -> Bool {
        (2...12).contains(text.count) && text.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) || ("a"..."z").contains($0) || $0 == "-" }
    }
}

/// Where a record sits, as far as editing rights are concerned: the dossiers and bodies it belongs to.
public struct RecordPlacement: Hashable, Sendable {
    public var kind: RecordKind
    public var dossierIDs: [String]
    public var bodyIDs: [String]

    public init(kind: RecordKind, dossierIDs: [String] = [], bodyIDs: [String] = []) {
        self.kind = kind; self.dossierIDs = dossierIDs; self.bodyIDs = bodyIDs
    }
}

/// The editing rules, in one place.
///
/// - admins edit everything;
/// - editors edit records placed in one of their bodies or dossiers (a dossier is in a body's scope
///   when that body carries it; the caller lists such bodies in the placement);
/// - organisations and documents are shared reference material: every editor may add and correct them;
/// - readers and disabled accounts edit nothing.
public enum AccessRules {
    /// Whether `account` may create or change a record with this placement.
    public static func mayEdit(_ account: Account?, _ placement: RecordPlacement) -> Bool {
        guard let account, !account.disabled else { return false }
        switch account.role {
        case .admin: return true
        case .reader: return false
        case .editor:
            if placement.kind == .organisation || placement.kind == .document { return true }
            if placement.dossierIDs.contains(where: account.editsDossierIDs.contains) { return true }
            return placement.bodyIDs.contains(where: account.editsBodyIDs.contains)
        }
    }

    /// Whether `account` may edit anything at all (to show or hide edit links).
    public static func mayEditSomething(_ account: Account?) -> Bool {
        guard let account, !account.disabled else { return false }
        return account.role != .reader
    }

    /// The visibilities a reader sees: anonymous visitors only public records; signed-in accounts
    /// public and internal ones. Delegation-private content is never a record visibility for a
    /// whole delegation to read through this rule; it is shown by delegation (see notes).
    public static func visibleRecords(for account: Account?) -> Set<Visibility> {
        guard let account, !account.disabled else { return [.public] }
        return account.role == .admin ? Set(Visibility.allCases) : [.public, .internal]
    }
}

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

/// A note on a dossier or agreement that only the author's delegation can read: the place for a
/// delegation's negotiating position, never shown to the other side, in exports, feeds or the portal.
public struct PrivateNote: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    public var recordKind: RecordKind
    public var recordID: String
    public var delegation: String
    public var authorID: String
    public var authorName: String
    public var text: String
    /// When it was written, ISO 8601 in UTC.
    public var createdAt: String

    public init(id: String, recordKind: RecordKind, recordID: String, delegation: String, authorID: String,
                authorName: String, text: String, createdAt: String) {
        self.id = id; self.recordKind = recordKind; self.recordID = recordID; self.delegation = delegation
        self.authorID = authorID; self.authorName = authorName; self.text = text; self.createdAt = createdAt
    }
}
