extension Schema {
    /// Data format 3: the allocation regimes of the countries, explained beside the investments.
    ///
    /// Why the DROP: registers migrated by a development build of migration 4 hold an
    /// `allocation_regimes` table keyed by country that nothing ever wrote (it was removed from
    /// migration 4 before release); it is replaced by this one. Why `source_document_id` next to
    /// `source_json`: the investments page names the source document in the same statement that
    /// reads the regimes, and the foreign key keeps the document from disappearing under it.
    static let v5 = Migration(version: 5, name: "allocation-regimes", statements: [
        "DROP TABLE IF EXISTS allocation_regimes",
        """
        CREATE TABLE allocation_regimes (
            id TEXT PRIMARY KEY, country TEXT NOT NULL, funding_sources_json TEXT NOT NULL, title TEXT NOT NULL,
            explanation TEXT, source_json TEXT, source_document_id TEXT REFERENCES documents(id),
            \(recordColumns))
        """,
        "CREATE INDEX allocation_regimes_source ON allocation_regimes(source_document_id)",
    ])
}
