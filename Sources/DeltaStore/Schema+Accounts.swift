extension Schema {
    /// Accounts, sessions, API tokens, sign-in throttling, delegation-private notes and the audit log.
    ///
    /// Times that are compared (expiry, locks) are seconds since 1970 as BIGINT; times that are shown
    /// are ISO 8601 text in UTC.
    static let v2 = Migration(version: 2, name: "accounts-and-audit", statements: [
        """
        CREATE TABLE accounts (
            id TEXT PRIMARY KEY, display_name TEXT NOT NULL, organisation_id TEXT REFERENCES organisations(id),
            delegation TEXT NOT NULL, role TEXT NOT NULL, edits_body_ids_json TEXT NOT NULL,
            edits_dossier_ids_json TEXT NOT NULL, password_hash TEXT NOT NULL, disabled BIGINT NOT NULL,
            created_at TEXT NOT NULL)
        """,
        """
        CREATE TABLE sessions (
            id_hash TEXT PRIMARY KEY, account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
            csrf_token TEXT NOT NULL, created_at BIGINT NOT NULL, last_seen_at BIGINT NOT NULL,
            expires_at BIGINT NOT NULL)
        """,
        "CREATE INDEX sessions_account ON sessions(account_id)",
        """
        CREATE TABLE api_tokens (
            id TEXT PRIMARY KEY, account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
            name TEXT NOT NULL, secret_hash TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL,
            last_used_at TEXT, revoked_at TEXT)
        """,
        """
        CREATE TABLE login_failures (
            throttle_key TEXT PRIMARY KEY, failures BIGINT NOT NULL, last_failure_at BIGINT NOT NULL,
            locked_until BIGINT)
        """,
        """
        CREATE TABLE private_notes (
            id TEXT PRIMARY KEY, record_kind TEXT NOT NULL, record_id TEXT NOT NULL, delegation TEXT NOT NULL,
            author_id TEXT NOT NULL REFERENCES accounts(id), author_name TEXT NOT NULL, text TEXT NOT NULL,
            created_at TEXT NOT NULL)
        """,
        "CREATE INDEX private_notes_record ON private_notes(record_kind, record_id)",
        """
        CREATE TABLE audit_log (
            sequence BIGINT PRIMARY KEY, at TEXT NOT NULL, actor TEXT NOT NULL, via TEXT NOT NULL,
            address TEXT, record_kind TEXT NOT NULL, record_id TEXT NOT NULL, action TEXT NOT NULL,
            changes_json TEXT NOT NULL, previous_hash TEXT NOT NULL, hash TEXT NOT NULL)
        """,
        "CREATE INDEX audit_log_record ON audit_log(record_kind, record_id)",
    ])
}
