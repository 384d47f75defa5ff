extension Schema {
    /// Data format 2: imprecise or unknown document dates with their source, stub documents and
    /// typed relations between documents; bodies' meeting records; milestones shared by several
    /// dossiers; evidence for completed agreements; meeting notes; the integral view of
    /// investments; the goal tree with its indicators.
    ///
    /// Why `documents.date` stays: SQLite cannot drop its NOT NULL without rebuilding a table
    /// others refer to, so it remains the sort key — the earliest day of `date_json`, or '' when
    /// the date is unknown (which sorts such documents last in newest-first lists).
    /// Why `milestones.dossier_id` stays: the same; it holds the first of the milestone's
    /// dossiers, and `milestone_dossiers` holds them all.
    static let v4 = Migration(version: 4, name: "format-2", statements: [
        "ALTER TABLE documents ADD COLUMN date_json TEXT",
        "ALTER TABLE documents ADD COLUMN date_source TEXT",
        "ALTER TABLE documents ADD COLUMN stub BIGINT NOT NULL DEFAULT 0",
        """
        UPDATE documents SET date_json = '{"earliest":"' || date || '","latest":"' || date || '","precision":"day","wording":"' || date || '"}'
        WHERE date <> ''
        """,
        """
        CREATE TABLE document_relations (
            document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE, position BIGINT NOT NULL,
            kind TEXT NOT NULL, target_id TEXT NOT NULL, planned BIGINT NOT NULL DEFAULT 0, passage_json TEXT, note TEXT,
            PRIMARY KEY (document_id, position))
        """,
        "CREATE INDEX document_relations_target ON document_relations(target_id)",
        "ALTER TABLE bodies ADD COLUMN meetings_recorded_since TEXT",
        """
        CREATE TABLE milestone_dossiers (
            milestone_id TEXT NOT NULL REFERENCES milestones(id) ON DELETE CASCADE,
            dossier_id TEXT NOT NULL REFERENCES dossiers(id), position BIGINT NOT NULL,
            PRIMARY KEY (milestone_id, dossier_id))
        """,
        "CREATE INDEX milestone_dossiers_dossier ON milestone_dossiers(dossier_id)",
        "INSERT INTO milestone_dossiers (milestone_id, dossier_id, position) SELECT id, dossier_id, 0 FROM milestones",
        "ALTER TABLE agreements ADD COLUMN evidence_json TEXT NOT NULL DEFAULT '[]'",
        "ALTER TABLE meetings ADD COLUMN note TEXT",
        // Free-text funding sources of format 1 become the closest code.
        """
        UPDATE investments SET funding_source = CASE
            WHEN LOWER(funding_source) LIKE '%mobiliteitsfonds%' OR LOWER(funding_source) LIKE '%mirt%' THEN 'nl-mobiliteitsfonds'
            WHEN LOWER(funding_source) LIKE '%cef%' OR LOWER(funding_source) LIKE '%connecting europe%' THEN 'eu-cef'
            ELSE 'other' END
        WHERE funding_source IS NOT NULL
        """,
        "ALTER TABLE investments ADD COLUMN recurring BIGINT NOT NULL DEFAULT 0",
        "ALTER TABLE investments ADD COLUMN status TEXT",
        "ALTER TABLE investments ADD COLUMN co_financing_json TEXT NOT NULL DEFAULT '[]'",
        "ALTER TABLE investments ADD COLUMN agreement_id TEXT REFERENCES agreements(id)",
        "ALTER TABLE investments ADD COLUMN measure_id TEXT",
        """
        CREATE TABLE goals (
            id TEXT PRIMARY KEY, level TEXT NOT NULL, parent_id TEXT REFERENCES goals(id), title TEXT NOT NULL,
            description TEXT, source_json TEXT, dossiers_json TEXT NOT NULL, agreements_json TEXT NOT NULL,
            \(recordColumns))
        """,
        """
        CREATE TABLE indicators (
            id TEXT PRIMARY KEY, goal_id TEXT NOT NULL REFERENCES goals(id), title TEXT NOT NULL, unit TEXT NOT NULL,
            baseline_json TEXT, target_json TEXT, values_json TEXT NOT NULL, source_json TEXT,
            \(recordColumns))
        """,
        "CREATE INDEX indicators_goal ON indicators(goal_id)",
    ])
}
