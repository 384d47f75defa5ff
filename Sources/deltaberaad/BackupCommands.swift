import ArgumentParser
import DeltaReports
import DeltaServices
import DeltaStore
import Foundation

/// `deltaberaad backup [--db …] FILE`: a consistent copy of the register while it is served.
struct Backup: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: CLIText.labels.text("cli.help.backup"))
    @OptionGroup var database: DatabaseOptions
    @Argument(help: ArgumentHelp(CLIText.labels.text("cli.help.backupFile"))) var file: String

    func run() async throws {
        let engine = try await openRegister(database)
        do {
            let summary = try await RegisterBackup.backup(engine, location: database.db, to: file)
            await engine.shutdown()
            say("cli.backup.done", ["file": file, "entries": String(summary.auditEntries), "head": summary.auditHead])
        } catch let problem as RegisterBackup.Problem {
            await engine.shutdown()
            throw CLIError(problem.key, problem.arguments)
        }
    }
}

/// `deltaberaad restore [--db …] FILE`: a backup becomes the register (a new SQLite file, or an
/// empty PostgreSQL database), after its integrity and audit chain are checked.
struct Restore: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: CLIText.labels.text("cli.help.restore"))
    @OptionGroup var database: DatabaseOptions
    @Argument(help: ArgumentHelp(CLIText.labels.text("cli.help.restoreFile"))) var file: String

    func run() async throws {
        do {
            let summary = try await RegisterBackup.restore(from: file, to: database.db)
            say("cli.restore.done", ["location": database.db, "entries": String(summary.auditEntries), "head": summary.auditHead])
        } catch let problem as RegisterBackup.Problem {
            throw CLIError(problem.key, problem.arguments)
        }
    }
}
