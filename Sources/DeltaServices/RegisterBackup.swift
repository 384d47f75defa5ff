import DeltaImport
import DeltaStore
import Foundation
import SQLKit

/// Backing up and restoring a whole register, audit log included.
///
/// - SQLite: `VACUUM INTO` writes a consistent copy of the file while the server keeps serving
///   (it reads one snapshot; writers are not blocked in WAL mode). A restore checks the copy
///   (`PRAGMA integrity_check`, the audit chain) before it becomes the register.
/// - PostgreSQL: `pg_dump --format=custom` and `pg_restore` into an empty database.
///
/// Both refuse to overwrite: a backup never replaces a file, a restore never writes into a
/// register that holds tables.
public enum RegisterBackup {
    /// Why a backup or restore did not happen; `key` is a catalogue key of the command line.
    public struct Problem: Error, Sendable {
        public let key: String
        public let arguments: [String: String]
        public init(_ key: String, _ arguments: [String: String] = [:]) { self.key = key; self.arguments = arguments }
    }

    /// What a finished backup or restore holds: the audit chain's length and head, to compare.
    public struct Summary: Sendable, Equatable {
        public let auditEntries: Int
        public let auditHead: String
    }

    /// Writes a backup of the register at `location` into `file`, which must not exist.
    public static func backup(_ engine: any DatabaseEngine, location: String, to file: String) async throws -> Summary {
        guard !FileManager.default.fileExists(atPath: file) else { throw Problem("cli.backup.exists", ["file": file]) }
        let summary = try await chain(engine)
        switch engine.kind {
        case .sqlite:
            try await engine.read { db in try await db.raw("VACUUM INTO \(bind: file)").run() }
        case .postgres:
            try await run("pg_dump", ["--format=custom", "--no-owner", "--file=\(file)", "--dbname=\(location)"])
        }
        return summary
    }

    /// Restores `file` into the register at `location`: a SQLite file that must not exist yet, or
    /// an empty PostgreSQL database. The copy's integrity and audit chain are checked first (SQLite)
    /// or after (PostgreSQL, where a broken chain is reported and the restore refused).
    public static func restore(from file: String, to location: String) async throws -> Summary {
        guard FileManager.default.fileExists(atPath: file) else { throw Problem("cli.restore.missing", ["file": file]) }
        if location.hasPrefix("postgres://") || location.hasPrefix("postgresql://") {
            let engine = try await DatabaseLocation.open(location)
            do {
                let tables = try await engine.read { db in
                    try await db.raw("SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_schema = 'public'").first()?
                        .decode(column: "n", as: Int.self) ?? 0
                }
                guard tables == 0 else { throw Problem("cli.restore.notEmpty", ["location": location]) }
                try await run("pg_restore", ["--no-owner", "--exit-on-error", "--dbname=\(location)", file])
                let summary = try await verified(engine)
                await engine.shutdown()
                return summary
            } catch {
                await engine.shutdown()
                throw error
            }
        }
        guard !FileManager.default.fileExists(atPath: location) else { throw Problem("cli.restore.exists", ["location": location]) }
        // Check the copy where it is, then put it in place.
        let copy = try await SQLiteEngine(path: file, readerCount: 1)
        do {
            let integrity = try await copy.read { db in try await db.raw("PRAGMA integrity_check").first()?.decode(column: "integrity_check", as: String.self) }
            guard integrity == "ok" else { throw Problem("cli.restore.damaged", ["file": file, "reason": integrity ?? "?"]) }
            _ = try await verified(copy)
            await copy.shutdown()
        } catch {
            await copy.shutdown()
            throw error
        }
        try FileManager.default.copyItem(atPath: file, toPath: location)
        let restored = try await SQLiteEngine(path: location, readerCount: 1)
        let summary = try await chain(restored)
        await restored.shutdown()
        return summary
    }

    private static func chain(_ engine: any DatabaseEngine) async throws -> Summary {
        let result = try await engine.read { db in try await AuditLog(db: db).verify() }
        return Summary(auditEntries: result.checked, auditHead: result.head)
    }

    private static func verified(_ engine: any DatabaseEngine) async throws -> Summary {
        let result = try await engine.read { db in try await AuditLog(db: db).verify() }
        if let problem = result.firstProblem {
            throw Problem("cli.restore.brokenChain", ["entry": String(problem.sequence), "reason": problem.reason])
        }
        return Summary(auditEntries: result.checked, auditHead: result.head)
    }

    /// Runs a PostgreSQL client program to its end; its own message when it fails. A dump has
    /// no time limit a program could guess; a day stops one that hangs.
    private static func run(_ program: String, _ arguments: [String]) async throws {
        let outcome: ExternalProgram.Outcome
        do {
            outcome = try await ExternalProgram.run(program, arguments, timeout: .seconds(86_400), outputLimit: 1 << 20)
        } catch is ExternalProgram.NotStarted {
            throw Problem("cli.backup.noTool", ["program": program])
        } catch let timedOut as ExternalProgram.TimedOut {
            throw Problem("cli.backup.toolFailed", ["program": program, "message": timedOut.description])
        } catch {
            // More than a megabyte of messages, or its output lost: the tool's failure, said as one.
            throw Problem("cli.backup.toolFailed", ["program": program, "message": String(describing: error)])
        }
        guard outcome.succeeded else {
            throw Problem("cli.backup.toolFailed", ["program": program, "message": outcome.errors.trimmingCharacters(in: .whitespacesAndNewlines)])
        }
    }
}
