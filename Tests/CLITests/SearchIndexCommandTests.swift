import DeltaImport
import Foundation
import Testing

/// `deltaberaad search-index rebuild` as an administrator uses it after restoring a database.
@Suite("Command line: search index")
struct SearchIndexCommandTests {
    /// Runs SQL with Python's own sqlite3 module (the application is not involved) and returns what it prints.
    static func sqlite(_ database: String, _ script: String) async throws -> String {
        let python = try await ExternalProgram.run("python3", ["-c", """
            import sqlite3, sys
            db = sqlite3.connect(sys.argv[1])
            \(script)
            db.commit()
            """, database])
        return python.output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test("rebuild indexes every record again after the index was emptied behind the application's back")
    func rebuild() async throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("register.sqlite").path
        #expect(try await CLI.run(["import", "--db", database] + CLI.demoFiles).status == 0)
        let count = "print(db.execute('SELECT COUNT(*) FROM search_entries').fetchone()[0])"
        let imported = try await Self.sqlite(database, count)
        #expect((Int(imported) ?? 0) > 100, "the import indexed the demo: \(imported)")

        _ = try await Self.sqlite(database, "db.execute('DELETE FROM search_entries')")
        #expect(try await Self.sqlite(database, count) == "0")

        let result = try await CLI.run(["search-index", "rebuild", "--db", database])
        #expect(result.status == 0, "\(result.errors)")
        let said = result.output.contains("search index rebuilt: \(imported) entries")
        #expect(said, "\(result.output)")
        #expect(try await Self.sqlite(database, count) == imported)
    }
}
