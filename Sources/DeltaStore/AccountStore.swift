import DeltaDomain
import Foundation
import SQLKit

/// Accounts, their sessions, API tokens and sign-in throttling.
///
/// Passwords arrive here already hashed (bcrypt happens in the web layer, off the event loop);
/// session ids and tokens are stored only as SHA-256 hashes.
public struct AccountStore: Sendable {
    let db: any SQLDatabase

    /// A store over a connection (inside a transaction for writes).
    public init(db: any SQLDatabase) { self.db = db }

    // MARK: Accounts

    /// Adds an account; fails with `StoreError.duplicate` when the username is taken.
    public func create(_ account: Account, passwordHash: String, now: Date = Date()) async throws {
        if try await self.account(id: account.id) != nil { throw StoreError.duplicate(kind: "account", id: account.id) }
        try await db.insert(into: "accounts")
            .columns("id", "display_name", "organisation_id", "delegation", "role", "edits_body_ids_json",
                     "edits_dossier_ids_json", "password_hash", "disabled", "created_at")
            .values(SQLBind(account.id), SQLBind(account.displayName), SQLBind(account.organisationID), SQLBind(account.delegation),
                    SQLBind(account.role.rawValue), SQLBind(JSONColumn.encode(account.editsBodyIDs)),
                    SQLBind(JSONColumn.encode(account.editsDossierIDs)), SQLBind(passwordHash),
                    SQLBind(account.disabled ? 1 : 0), SQLBind(now.formatted(.iso8601)))
            .run()
    }

    /// Changes name, organisation, delegation, role, scopes and the disabled flag of an account.
    /// Disabling an account ends its sessions.
    public func update(_ account: Account) async throws {
        guard try await self.account(id: account.id) != nil else { throw StoreError.notFound(kind: "account", id: account.id) }
        try await db.update("accounts")
            .set("display_name", to: account.displayName).set("organisation_id", to: account.organisationID)
            .set("delegation", to: account.delegation).set("role", to: account.role.rawValue)
            .set("edits_body_ids_json", to: JSONColumn.encode(account.editsBodyIDs))
            .set("edits_dossier_ids_json", to: JSONColumn.encode(account.editsDossierIDs))
            .set("disabled", to: account.disabled ? 1 : 0)
            .where("id", .equal, account.id).run()
        if account.disabled { try await endSessions(accountID: account.id) }
    }

    /// Sets a new password hash and ends every session of the account.
    public func setPasswordHash(accountID: String, _ hash: String) async throws {
        guard try await account(id: accountID) != nil else { throw StoreError.notFound(kind: "account", id: accountID) }
        try await db.update("accounts").set("password_hash", to: hash).where("id", .equal, accountID).run()
        try await endSessions(accountID: accountID)
    }

    /// One account.
    public func account(id: String) async throws -> Account? {
        try await db.select().column("*").from("accounts").where("id", .equal, id).first().map(Self.account(from:))
    }

    /// An account with its password hash, for signing in.
    public func credentials(id: String) async throws -> (account: Account, passwordHash: String)? {
        guard let row = try await db.select().column("*").from("accounts").where("id", .equal, id).first() else { return nil }
        return (try Self.account(from: row), try row.decode(column: "password_hash", as: String.self))
    }

    /// All accounts by username.
    public func accounts() async throws -> [Account] {
        try await db.select().column("*").from("accounts").orderBy("id").all().map(Self.account(from:))
    }

    /// The columns `account(from:)` reads (not the password hash), for statements that join accounts.
    static let accountColumns = ["id", "display_name", "organisation_id", "delegation", "role", "edits_body_ids_json",
                                 "edits_dossier_ids_json", "disabled"]

    static func account(from row: any SQLRow) throws -> Account {
        Account(id: try row.decode(column: "id", as: String.self),
                displayName: try row.decode(column: "display_name", as: String.self),
                organisationID: try row.decode(column: "organisation_id", as: String?.self),
                delegation: try row.decode(column: "delegation", as: String.self),
                role: try storedEnum(Role.self, try row.decode(column: "role", as: String.self), column: "role"),
                editsBodyIDs: try JSONColumn.decodeList(String.self, try row.decode(column: "edits_body_ids_json", as: String.self), column: "edits_body_ids_json"),
                editsDossierIDs: try JSONColumn.decodeList(String.self, try row.decode(column: "edits_dossier_ids_json", as: String.self), column: "edits_dossier_ids_json"),
                disabled: try row.decode(column: "disabled", as: Int.self) != 0)
    }

    // MARK: Sessions

    /// A signed-in session as the application sees it.
    public struct Session: Sendable, Hashable {
        public let account: Account
        /// The token forms of this session must carry.
        public let csrfToken: String
        /// The stored hash of the session id (to end it).
        public let idHash: String
        /// When the session was last recorded as used (seconds since 1970).
        public let lastSeenAt: Int

        /// Whether a use at `now` should be written down (extending the session): at most once a
        /// minute, so that reading a page is a read and only now and then a short write.
        public func isDueForRenewal(at now: Date) -> Bool {
            Int(now.timeIntervalSince1970) - lastSeenAt >= AccountStore.renewalInterval
        }
    }

    /// How often, at most, a session's or token's use is written (seconds).
    public static let renewalInterval = 60

    /// Starts a session; returns the secret session id for the cookie (only its hash is stored).
    public func startSession(accountID: String, now: Date, idleSeconds: Int) async throws -> (id: String, csrfToken: String) {
        let id = Secrets.random(), csrf = Secrets.random()
        let seconds = Int(now.timeIntervalSince1970)
        try await db.insert(into: "sessions").columns("id_hash", "account_id", "csrf_token", "created_at", "last_seen_at", "expires_at")
            .values(SQLBind(Secrets.sha256(id)), SQLBind(accountID), SQLBind(csrf), SQLBind(seconds), SQLBind(seconds),
                    SQLBind(seconds + idleSeconds))
            .run()
        return (id, csrf)
    }

    /// The live session for a session id, or nil when unknown, expired or its account disabled.
    ///
    /// Only reads (one statement, session and account together), so it runs in `DatabaseEngine.read`
    /// and a page view never takes SQLite's write lock; when `Session.isDueForRenewal(at:)`, the
    /// caller records the use with `renew(_:now:idleSeconds:)` in a transaction of its own.
    public func session(id: String, now: Date) async throws -> Session? {
        let hash = Secrets.sha256(id)
        var query = db.select()
        for column in Self.accountColumns { query = query.column(SQLColumn(column, table: "a")) }
        guard let row = try await query
            .column(SQLColumn("csrf_token", table: "s")).column(SQLColumn("last_seen_at", table: "s")).column(SQLColumn("expires_at", table: "s"))
            .from(SQLAlias(SQLIdentifier("sessions"), as: SQLIdentifier("s")))
            .join(SQLAlias(SQLIdentifier("accounts"), as: SQLIdentifier("a")), method: SQLJoinMethod.inner,
                  on: SQLBinaryExpression(SQLColumn("id", table: "a"), .equal, SQLColumn("account_id", table: "s")))
            .where(SQLColumn("id_hash", table: "s"), .equal, SQLBind(hash))
            .first()
        else { return nil }
        let account = try Self.account(from: row)
        guard try row.decode(column: "expires_at", as: Int.self) > Int(now.timeIntervalSince1970), !account.disabled else { return nil }
        return Session(account: account, csrfToken: try row.decode(column: "csrf_token", as: String.self), idHash: hash,
                       lastSeenAt: try row.decode(column: "last_seen_at", as: Int.self))
    }

    /// Records a use of a session at `now`, extending it to `now + idleSeconds`. Writes only when
    /// the stored use is a minute old or more (checked again in the statement, so two requests
    /// that both saw an old time write once) and never revives an expired session.
    public func renew(_ session: Session, now: Date, idleSeconds: Int) async throws {
        let seconds = Int(now.timeIntervalSince1970)
        try await db.update("sessions").set("last_seen_at", to: seconds).set("expires_at", to: seconds + idleSeconds)
            .where("id_hash", .equal, session.idHash)
            .where("last_seen_at", .lessThanOrEqual, seconds - Self.renewalInterval)
            .where("expires_at", .greaterThan, seconds)
            .run()
    }

    /// Ends one session (sign-out).
    public func endSession(idHash: String) async throws {
        try await db.delete(from: "sessions").where("id_hash", .equal, idHash).run()
    }

    /// Ends every session of an account (password reset, disabling).
    public func endSessions(accountID: String) async throws {
        try await db.delete(from: "sessions").where("account_id", .equal, accountID).run()
    }

    /// Removes sessions that expired before `now`.
    public func purgeExpiredSessions(now: Date) async throws {
        try await db.delete(from: "sessions").where("expires_at", .lessThanOrEqual, Int(now.timeIntervalSince1970)).run()
    }

    // MARK: API tokens

    /// A personal API token as listed to its owner (never its secret).
    public struct TokenInfo: Sendable, Hashable, Codable {
        public let id: String
        public let name: String
        public let createdAt: String
        public let lastUsedAt: String?
        public let revokedAt: String?
    }

    /// Creates a token; the secret is returned once and stored only as a hash.
    public func createToken(accountID: String, name: String, now: Date) async throws -> (info: TokenInfo, secret: String) {
        let secret = Secrets.random(prefix: "dbt_")
        let id = String(Secrets.random().prefix(12))
        let created = now.formatted(.iso8601)
        try await db.insert(into: "api_tokens").columns("id", "account_id", "name", "secret_hash", "created_at")
            .values(SQLBind(id), SQLBind(accountID), SQLBind(name), SQLBind(Secrets.sha256(secret)), SQLBind(created)).run()
        return (TokenInfo(id: id, name: name, createdAt: created, lastUsedAt: nil, revokedAt: nil), secret)
    }

    /// An account's tokens, newest first.
    public func tokens(accountID: String) async throws -> [TokenInfo] {
        try await db.select().columns("id", "name", "created_at", "last_used_at", "revoked_at").from("api_tokens")
            .where("account_id", .equal, accountID).orderBy("created_at", .descending).orderBy("id").all()
            .map { row in
                TokenInfo(id: try row.decode(column: "id", as: String.self), name: try row.decode(column: "name", as: String.self),
                          createdAt: try row.decode(column: "created_at", as: String.self),
                          lastUsedAt: try row.decode(column: "last_used_at", as: String?.self),
                          revokedAt: try row.decode(column: "revoked_at", as: String?.self))
            }
    }

    /// Revokes one of the account's own tokens; false when it has no such live token.
    public func revokeToken(id: String, accountID: String, now: Date) async throws -> Bool {
        let live = try await db.select().column("id").from("api_tokens").where("id", .equal, id)
            .where("account_id", .equal, accountID).where("revoked_at", .is, SQLLiteral.null).first()
        guard live != nil else { return false }
        try await db.update("api_tokens").set("revoked_at", to: now.formatted(.iso8601)).where("id", .equal, id).run()
        return true
    }

    /// The account behind a live token secret, the token's id and when it was last used, in one
    /// statement.
    public func account(forToken secret: String) async throws -> (account: Account, tokenID: String, lastUsedAt: Date?)? {
        var query = db.select()
        for column in Self.accountColumns { query = query.column(SQLColumn(column, table: "a")) }
        guard let row = try await query
            .column(SQLAlias(SQLColumn("id", table: "t"), as: SQLIdentifier("token_id"))).column(SQLColumn("last_used_at", table: "t"))
            .from(SQLAlias(SQLIdentifier("api_tokens"), as: SQLIdentifier("t")))
            .join(SQLAlias(SQLIdentifier("accounts"), as: SQLIdentifier("a")), method: SQLJoinMethod.inner,
                  on: SQLBinaryExpression(SQLColumn("id", table: "a"), .equal, SQLColumn("account_id", table: "t")))
            .where(SQLColumn("secret_hash", table: "t"), .equal, SQLBind(Secrets.sha256(secret)))
            .where(SQLColumn("revoked_at", table: "t"), .is, SQLLiteral.null)
            .first()
        else { return nil }
        let account = try Self.account(from: row)
        guard !account.disabled else { return nil }
        let lastUsed = try row.decode(column: "last_used_at", as: String?.self).flatMap { try? Date($0, strategy: .iso8601) }
        return (account, try row.decode(column: "token_id", as: String.self), lastUsed)
    }

    /// Whether a use of a token last used at `lastUsedAt` should be written at `now` (at most once a minute).
    public static func isTokenUseDue(lastUsedAt: Date?, now: Date) -> Bool {
        guard let lastUsedAt else { return true }
        return now.timeIntervalSince(lastUsedAt) >= Double(renewalInterval)
    }

    /// Records when a token was last used; writes only when the stored time is a minute old or more
    /// (ISO 8601 UTC times of one format compare as text).
    public func touchToken(id: String, now: Date) async throws {
        let due = now.addingTimeInterval(-Double(Self.renewalInterval)).formatted(.iso8601)
        try await db.update("api_tokens").set("last_used_at", to: now.formatted(.iso8601)).where("id", .equal, id)
            .where(group: { $0.where("last_used_at", .is, SQLLiteral.null).orWhere("last_used_at", .lessThanOrEqual, due) })
            .run()
    }

    // MARK: Sign-in throttling

    /// Recent failures and lock of a throttle key ("account:NAME" or "address:IP").
    public func failures(key: String, now: Date, throttle: LoginThrottle) async throws -> (count: Int, lockedUntil: Double?) {
        guard let row = try await db.select().column("*").from("login_failures").where("throttle_key", .equal, key).first() else { return (0, nil) }
        let last = Double(try row.decode(column: "last_failure_at", as: Int.self))
        let locked = try row.decode(column: "locked_until", as: Int?.self).map(Double.init)
        if now.timeIntervalSince1970 - last > Double(throttle.windowMinutes * 60), (locked ?? 0) <= now.timeIntervalSince1970 { return (0, nil) }
        return (try row.decode(column: "failures", as: Int.self), locked)
    }

    /// Counts one more failure for a key and locks it when the limit is reached.
    public func recordFailure(key: String, now: Date, throttle: LoginThrottle) async throws {
        let current = try await failures(key: key, now: now, throttle: throttle)
        let count = current.count + 1
        let lockedUntil = throttle.lockEnd(afterFailures: count, now: now.timeIntervalSince1970).map { Int($0) }
        try await db.delete(from: "login_failures").where("throttle_key", .equal, key).run()
        try await db.insert(into: "login_failures").columns("throttle_key", "failures", "last_failure_at", "locked_until")
            .values(SQLBind(key), SQLBind(count), SQLBind(Int(now.timeIntervalSince1970)), SQLBind(lockedUntil)).run()
    }

    /// Forgets a key's failures after a successful sign-in.
    public func clearFailures(key: String) async throws {
        try await db.delete(from: "login_failures").where("throttle_key", .equal, key).run()
    }
}

extension AccountStore {
    /// Makes a new secret calendar feed for an account, revoking any earlier one; returns the secret.
    public func renewFeed(accountID: String, now: Date) async throws -> String {
        try await revokeFeeds(accountID: accountID, now: now)
        let secret = Secrets.random()
        try await db.insert(into: "calendar_feeds").columns("id", "account_id", "secret_hash", "created_at")
            .values(SQLBind(String(Secrets.random().prefix(12))), SQLBind(accountID), SQLBind(Secrets.sha256(secret)),
                    SQLBind(now.formatted(.iso8601))).run()
        return secret
    }

    /// Ends an account's feeds: their URLs answer 404 from now on.
    public func revokeFeeds(accountID: String, now: Date) async throws {
        try await db.update("calendar_feeds").set("revoked_at", to: now.formatted(.iso8601))
            .where("account_id", .equal, accountID).where("revoked_at", .is, SQLLiteral.null).run()
    }

    /// Whether the account has a live feed (its URL is shown only when made).
    public func hasFeed(accountID: String) async throws -> Bool {
        try await db.select().column("id").from("calendar_feeds").where("account_id", .equal, accountID)
            .where("revoked_at", .is, SQLLiteral.null).first() != nil
    }

    /// The enabled account behind a live feed secret, in one statement.
    public func account(forFeed secret: String) async throws -> Account? {
        var query = db.select()
        for column in Self.accountColumns { query = query.column(SQLColumn(column, table: "a")) }
        guard let row = try await query
            .from(SQLAlias(SQLIdentifier("calendar_feeds"), as: SQLIdentifier("f")))
            .join(SQLAlias(SQLIdentifier("accounts"), as: SQLIdentifier("a")), method: SQLJoinMethod.inner,
                  on: SQLBinaryExpression(SQLColumn("id", table: "a"), .equal, SQLColumn("account_id", table: "f")))
            .where(SQLColumn("secret_hash", table: "f"), .equal, SQLBind(Secrets.sha256(secret)))
            .where(SQLColumn("revoked_at", table: "f"), .is, SQLLiteral.null)
            .first()
        else { return nil }
        let account = try Self.account(from: row)
        return account.disabled ? nil : account
    }
}
