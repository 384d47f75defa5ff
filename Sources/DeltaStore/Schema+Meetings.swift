extension Schema {
    /// Meeting times, online meetings and invitees; agendas, outcomes (decisions and actions), minutes
    /// and their corrections; per-user calendar feeds.
    static let v3 = Migration(version: 3, name: "meetings-agenda-minutes", statements: [
        "ALTER TABLE meetings ADD COLUMN time_json TEXT",
        "ALTER TABLE meetings ADD COLUMN online BIGINT NOT NULL DEFAULT 0",
        "ALTER TABLE meetings ADD COLUMN invitees_json TEXT NOT NULL DEFAULT '[]'",
        """
        CREATE TABLE agenda_items (
            id TEXT PRIMARY KEY, meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE, position BIGINT NOT NULL,
            title TEXT NOT NULL, reason TEXT NOT NULL, dossier_id TEXT, milestone_id TEXT, agreement_id TEXT, document_id TEXT,
            action_id TEXT, parked BIGINT NOT NULL DEFAULT 0)
        """,
        "CREATE INDEX agenda_items_meeting ON agenda_items(meeting_id)",
        """
        CREATE TABLE outcomes (
            id TEXT PRIMARY KEY, meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE, agenda_item_id TEXT,
            position BIGINT NOT NULL, kind TEXT NOT NULL, text TEXT NOT NULL, owner_id TEXT, owner_person TEXT, due_json TEXT,
            action_status TEXT, done_on TEXT, change_json TEXT)
        """,
        "CREATE INDEX outcomes_meeting ON outcomes(meeting_id)",
        """
        CREATE TABLE minutes (
            meeting_id TEXT PRIMARY KEY REFERENCES meetings(id) ON DELETE CASCADE, status TEXT NOT NULL, approved_on TEXT,
            approved_by TEXT, corrections_json TEXT NOT NULL DEFAULT '[]', version BIGINT NOT NULL DEFAULT 1)
        """,
        """
        CREATE TABLE calendar_feeds (
            id TEXT PRIMARY KEY, account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
            secret_hash TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL, revoked_at TEXT)
        """,
    ])
}
