extension Schema {
    /// The cross-border obstacle register (issue 13). Numbered 8: number 7 is taken by the rail
    /// links built beside it.
    ///
    /// - `obstacles`: the records, what may be published once an editor made it public.
    /// - `obstacle_reports`: what a reporter sent, their contact address and the hash of their
    ///   status link's secret. Its own table so that no query that reads records — pages, the API,
    ///   feeds, search, exports — can select it by accident; only `ObstacleDesk` reads it.
    /// - `obstacle_messages`: the editors' answers to the reporter, read on the status page.
    /// - `obstacle_intake_attempts`: submissions per client (a hash of its address) in the current
    ///   window, counted in one statement (see `ObstacleDesk.countSubmission`).
    static let v8 = Migration(version: 8, name: "obstacles", statements: [
        """
        CREATE TABLE obstacles (
            id TEXT PRIMARY KEY, reference TEXT UNIQUE, title TEXT NOT NULL, description TEXT NOT NULL,
            place_belgium TEXT, place_netherlands TEXT, since TEXT, affected TEXT, domain TEXT NOT NULL, region TEXT,
            status TEXT NOT NULL, status_reason TEXT, owner_id TEXT REFERENCES organisations(id), owner_side TEXT,
            dossiers_json TEXT NOT NULL, bodies_json TEXT NOT NULL, agreements_json TEXT NOT NULL, documents_json TEXT NOT NULL,
            source_json TEXT, source_document_id TEXT REFERENCES documents(id), reported_on TEXT,
            \(recordColumns))
        """,
        "CREATE INDEX obstacles_domain_status ON obstacles(domain, status)",
        """
        CREATE TABLE obstacle_reports (
            obstacle_id TEXT PRIMARY KEY REFERENCES obstacles(id) ON DELETE CASCADE, contact TEXT NOT NULL,
            secret_hash TEXT NOT NULL UNIQUE, report_json TEXT NOT NULL, received_at TEXT NOT NULL)
        """,
        """
        CREATE TABLE obstacle_messages (
            obstacle_id TEXT NOT NULL REFERENCES obstacles(id) ON DELETE CASCADE, position BIGINT NOT NULL,
            at TEXT NOT NULL, author TEXT NOT NULL, text TEXT NOT NULL, PRIMARY KEY (obstacle_id, position))
        """,
        """
        CREATE TABLE obstacle_intake_attempts (
            client_key TEXT PRIMARY KEY, attempts BIGINT NOT NULL, window_start BIGINT NOT NULL)
        """,
    ])
}
