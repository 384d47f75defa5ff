import DeltaDomain
import DeltaImport
import DeltaServices
import DeltaStore
import DeltaTestSupport
import Foundation
import SQLKit
import Testing

/// Backup and restore keep the whole register, audit chain included, and refuse what would lose data.
@Suite("Backup and restore")
struct BackupTests {
    static func count(_ engine: any DatabaseEngine, _ table: String) async throws -> Int {
        try await engine.read { db in try await db.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: table)").first()?.decode(column: "n", as: Int.self) ?? -1 }
    }

    @Test("a backup restored elsewhere holds every record and the same audit chain", arguments: allEngines)
    func roundTrip(kind: EngineKind) async throws {
        let folder = try TemporaryDirectory()
        let file = folder.url.appendingPathComponent(kind == .sqlite ? "backup.sqlite" : "backup.dump").path
        let (written, dossiers, audit) = try await withDatabase(kind) { source in
            _ = try await Importer.run(files: TestPaths.demoFiles, engine: source.engine)
            let summary = try await RegisterBackup.backup(source.engine, location: source.location, to: file)
            return (summary, try await Self.count(source.engine, "dossiers"), try await Self.count(source.engine, "audit_log"))
        }
        #expect(written.auditEntries == audit && audit > 100)
        // A second backup to the same file is refused: a backup never overwrites.
        let again = await #expect(throws: RegisterBackup.Problem.self) {
            try await withDatabase(kind) { source in _ = try await RegisterBackup.backup(source.engine, location: source.location, to: file) }
        }
        #expect(again?.key == "cli.backup.exists")
        switch kind {
        case .sqlite:
            let target = folder.url.appendingPathComponent("restored.sqlite").path
            let restored = try await RegisterBackup.restore(from: file, to: target)
            #expect(restored == written)
            let engine = try await SQLiteEngine(path: target)
            let count = try await Self.count(engine, "dossiers")
            await engine.shutdown()
            #expect(count == dossiers)
            let twice = await #expect(throws: RegisterBackup.Problem.self) { _ = try await RegisterBackup.restore(from: file, to: target) }
            #expect(twice?.key == "cli.restore.exists")
        case .postgres:
            try await withDatabase(.postgres, migrated: false) { target in
                let restored = try await RegisterBackup.restore(from: file, to: target.location)
                #expect(restored == written)
                #expect(try await Self.count(target.engine, "dossiers") == dossiers)
                // Restoring into a database that holds tables is refused.
                let twice = await #expect(throws: RegisterBackup.Problem.self) { _ = try await RegisterBackup.restore(from: file, to: target.location) }
                #expect(twice?.key == "cli.restore.notEmpty")
            }
        }
    }

    @Test("a damaged file or an altered audit log is refused, and nothing is written")
    func refused() async throws {
        let folder = try TemporaryDirectory()
        let garbage = folder.url.appendingPathComponent("garbage.sqlite")
        try Data(repeating: 0x41, count: 8192).write(to: garbage)
        let target = folder.url.appendingPathComponent("restored.sqlite").path
        await #expect(throws: (any Error).self) { _ = try await RegisterBackup.restore(from: garbage.path, to: target) }
        #expect(!FileManager.default.fileExists(atPath: target))

        let file = folder.url.appendingPathComponent("backup.sqlite").path
        try await withDatabase(.sqlite) { source in
            _ = try await Importer.run(files: TestPaths.demoFiles, engine: source.engine)
            _ = try await RegisterBackup.backup(source.engine, location: source.location, to: file)
        }
        // Someone edits an audit entry in the backup file.
        let tampered = try await SQLiteEngine(path: file, readerCount: 1)
        try await tampered.transaction { db in try await db.raw("UPDATE audit_log SET actor = 'mallory' WHERE sequence = 3").run() }
        await tampered.shutdown()
        let broken = await #expect(throws: RegisterBackup.Problem.self) { _ = try await RegisterBackup.restore(from: file, to: target) }
        #expect(broken?.key == "cli.restore.brokenChain")
        #expect(!FileManager.default.fileExists(atPath: target))
    }
}
