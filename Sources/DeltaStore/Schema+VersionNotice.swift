extension Schema {
    /// PostgreSQL announces every change of the register: after any statement that changes the
    /// audit log commits, listeners on `deltaberaad_version` hear of it (`VersionNotices`), so a
    /// server knows the register version without asking for it on every request. A statement
    /// trigger with an empty payload: PostgreSQL folds the same notice within a transaction into
    /// one, so an import of 200 000 records is one notice. SQLite has no listeners; nothing to do.
    static let v9 = Migration(version: 9, name: "version-notice", statements: [], engineStatements: [
        .postgres: [
            """
            CREATE OR REPLACE FUNCTION deltaberaad_version_notice() RETURNS trigger LANGUAGE plpgsql
            AS 'BEGIN PERFORM pg_notify(''deltaberaad_version'', ''''); RETURN NULL; END'
            """,
            """
            CREATE TRIGGER audit_log_version_notice AFTER INSERT OR UPDATE OR DELETE ON audit_log
            FOR EACH STATEMENT EXECUTE FUNCTION deltaberaad_version_notice()
            """,
        ],
    ])
}
