/// The register's tables. Types are chosen to mean the same on SQLite and PostgreSQL:
/// TEXT for ids, words, ISO dates and JSON; BIGINT for numbers, euro cents and booleans (0/1).
enum Schema {
    /// Common columns of every editable record: who may see it and its version for conflict checks.
    static let recordColumns = """
        visibility TEXT NOT NULL DEFAULT 'public',
        version BIGINT NOT NULL DEFAULT 1,
        updated_at TEXT NOT NULL
        """

    static let v1 = Migration(version: 1, name: "register", statements: [
        """
        CREATE TABLE organisations (
            id TEXT PRIMARY KEY, name TEXT NOT NULL, short_name TEXT, country TEXT NOT NULL,
            level TEXT NOT NULL, parent_id TEXT REFERENCES organisations(id), website TEXT,
            \(recordColumns))
        """,
        """
        CREATE TABLE documents (
            id TEXT PRIMARY KEY, kind TEXT NOT NULL, title TEXT NOT NULL, date TEXT NOT NULL,
            place TEXT, reference TEXT, language TEXT NOT NULL, signatories_json TEXT NOT NULL,
            issuers_json TEXT NOT NULL, deadline_json TEXT, attachment_count BIGINT, summary TEXT,
            body_text TEXT NOT NULL, \(recordColumns))
        """,
        """
        CREATE TABLE document_paragraphs (
            document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            position BIGINT NOT NULL, anchor TEXT NOT NULL, kind TEXT NOT NULL, text TEXT NOT NULL,
            PRIMARY KEY (document_id, anchor))
        """,
        """
        CREATE TABLE bodies (
            id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, description TEXT,
            cadence_json TEXT NOT NULL, parent_id TEXT REFERENCES bodies(id), since TEXT,
            source_json TEXT, \(recordColumns))
        """,
        """
        CREATE TABLE memberships (
            body_id TEXT NOT NULL REFERENCES bodies(id) ON DELETE CASCADE, position BIGINT NOT NULL,
            organisation_id TEXT NOT NULL REFERENCES organisations(id), person TEXT, role TEXT NOT NULL,
            invited BIGINT NOT NULL, from_date TEXT, until_date TEXT,
            PRIMARY KEY (body_id, position))
        """,
        """
        CREATE TABLE dossiers (
            id TEXT PRIMARY KEY, title TEXT NOT NULL, summary TEXT NOT NULL, themes_json TEXT NOT NULL,
            body_id TEXT REFERENCES bodies(id), leads_json TEXT NOT NULL, rail_links_json TEXT NOT NULL,
            mandate_json TEXT, \(recordColumns))
        """,
        """
        CREATE TABLE agreements (
            id TEXT PRIMARY KEY, title TEXT NOT NULL, document_id TEXT NOT NULL REFERENCES documents(id),
            anchor TEXT NOT NULL, span_start BIGINT NOT NULL, span_length BIGINT NOT NULL, quote TEXT NOT NULL,
            parties_json TEXT NOT NULL, body_id TEXT REFERENCES bodies(id), due_json TEXT,
            completion TEXT NOT NULL, \(recordColumns))
        """,
        """
        CREATE TABLE agreement_dossiers (
            agreement_id TEXT NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
            dossier_id TEXT NOT NULL REFERENCES dossiers(id), position BIGINT NOT NULL,
            PRIMARY KEY (agreement_id, dossier_id))
        """,
        "CREATE INDEX agreement_dossiers_dossier ON agreement_dossiers(dossier_id)",
        """
        CREATE TABLE milestones (
            id TEXT PRIMARY KEY, dossier_id TEXT NOT NULL REFERENCES dossiers(id), title TEXT NOT NULL,
            due_wording TEXT NOT NULL, due_earliest TEXT NOT NULL, due_latest TEXT NOT NULL,
            due_precision TEXT NOT NULL, owner_id TEXT REFERENCES organisations(id), status TEXT NOT NULL,
            achieved_on TEXT, source_json TEXT, note TEXT, \(recordColumns))
        """,
        "CREATE INDEX milestones_dossier ON milestones(dossier_id)",
        """
        CREATE TABLE meetings (
            id TEXT PRIMARY KEY, body_id TEXT NOT NULL REFERENCES bodies(id), title TEXT NOT NULL,
            when_wording TEXT NOT NULL, when_earliest TEXT NOT NULL, when_latest TEXT NOT NULL,
            when_precision TEXT NOT NULL, place TEXT, status TEXT NOT NULL, source_json TEXT,
            \(recordColumns))
        """,
        "CREATE INDEX meetings_body ON meetings(body_id)",
        """
        CREATE TABLE investments (
            id TEXT PRIMARY KEY, title TEXT NOT NULL, amount_kind TEXT NOT NULL,
            minimum_cents BIGINT NOT NULL, maximum_cents BIGINT NOT NULL, wording TEXT NOT NULL,
            organisation_id TEXT NOT NULL REFERENCES organisations(id), country TEXT NOT NULL,
            funding_source TEXT, first_year BIGINT, last_year BIGINT,
            dossier_id TEXT REFERENCES dossiers(id), part_of_id TEXT REFERENCES investments(id),
            source_json TEXT, \(recordColumns))
        """,
    ])
}
