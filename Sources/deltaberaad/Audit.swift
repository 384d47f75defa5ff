import ArgumentParser
import DeltaDomain
import DeltaReports
import DeltaServices
import DeltaStore
import Foundation

/// `deltaberaad audit verify`: walks the audit log's hash chain.
struct Audit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: CLIText.labels.text("cli.help.audit1"), subcommands: [Verify.self])

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: CLIText.labels.text("cli.help.audit2"))
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let engine = try await openRegister(database)
            let result = try await engine.read { db in try await AuditLog(db: db).verify() }
            await engine.shutdown()
            if let problem = result.firstProblem {
                say("cli.audit.broken", ["entry": String(problem.sequence), "reason": problem.reason, "intact": String(result.checked)])
                throw ExitCode(1)
            }
            say("cli.audit.intact", ["entries": String(result.checked), "head": result.head])
        }
    }
}
