extension Schema {
    /// Full-text search (`SearchIndex`). The entries are rows of the same shape on both engines;
    /// the texts searched (`title_index`, `text_index`) are folded by `SearchText` before they are
    /// stored. What matches them differs by engine:
    /// - SQLite: an FTS5 table with the rows as its external content, kept in step by triggers
    ///   (why triggers: every write of an entry then updates the index in the same statement);
    /// - PostgreSQL: a `tsvector` generated with the Dutch configuration (stemming, stop words),
    ///   title weighted A and text B, under a GIN index.
    /// Migrator rebuilds the index after this migration, from what is stored.
    static let v6 = Migration(version: 6, name: "search", statements: [], engineStatements: [
        .sqlite: [
            """
            CREATE TABLE search_entries (
                entry_id INTEGER PRIMARY KEY, \(searchColumns))
            """,
            "CREATE INDEX search_entries_source ON search_entries(source)",
            """
            CREATE VIRTUAL TABLE search_text USING fts5(title_index, text_index, content='search_entries', content_rowid='entry_id',
                tokenize='unicode61 remove_diacritics 2')
            """,
            """
            CREATE TRIGGER search_entries_insert AFTER INSERT ON search_entries BEGIN
                INSERT INTO search_text (rowid, title_index, text_index) VALUES (new.entry_id, new.title_index, new.text_index);
            END
            """,
            """
            CREATE TRIGGER search_entries_delete AFTER DELETE ON search_entries BEGIN
                INSERT INTO search_text (search_text, rowid, title_index, text_index) VALUES ('delete', old.entry_id, old.title_index, old.text_index);
            END
            """,
            // Entries are replaced, never changed; an UPDATE would leave the FTS table behind.
            """
            CREATE TRIGGER search_entries_no_update BEFORE UPDATE ON search_entries BEGIN
                SELECT RAISE(ABORT, 'search entries are replaced, not updated');
            END
            """,
        ],
        .postgres: [
            """
            CREATE TABLE search_entries (
                entry_id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, \(searchColumns),
                search_vector TSVECTOR GENERATED ALWAYS AS (
                    setweight(to_tsvector('dutch', title_index), 'A') || setweight(to_tsvector('dutch', text_index), 'B')) STORED)
            """,
            "CREATE INDEX search_entries_source ON search_entries(source)",
            "CREATE INDEX search_entries_vector ON search_entries USING GIN (search_vector)",
        ],
    ])

    /// The columns of a search entry on both engines. `body_ids`, `dossier_ids` and `countries`
    /// are lists written as " a b " so that one `LIKE '% a %'` finds an element.
    static let searchColumns = """
        source TEXT NOT NULL, kind TEXT NOT NULL, record_id TEXT NOT NULL, anchor TEXT, position BIGINT NOT NULL,
        title TEXT NOT NULL, text TEXT NOT NULL, title_index TEXT NOT NULL, text_index TEXT NOT NULL, visibility TEXT NOT NULL,
        body_ids TEXT NOT NULL, dossier_ids TEXT NOT NULL, year BIGINT, countries TEXT NOT NULL,
        page_kind TEXT NOT NULL, page_id TEXT NOT NULL
        """
}
