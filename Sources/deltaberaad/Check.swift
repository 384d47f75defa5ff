import ArgumentParser
import DeltaDomain
import DeltaReports
import DeltaServices
import DeltaStore

/// `deltaberaad check`: overdue milestones and cadence violations, for cron.
struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: CLIText.labels.text("cli.help.check1"))

    @OptionGroup var database: DatabaseOptions
    @Option(help: ArgumentHelp(CLIText.labels.text("cli.help.check2"))) var date: String?

    func run() async throws {
        let today = try parseDay(date) ?? CalendarDate.todayInBrussels()
        let engine = try await openRegister(database)
        let findings = try await engine.read { db in try await RegisterCheck.findings(in: Register(db: db, scope: .everything), today: today) }
        await engine.shutdown()
        if findings.isEmpty {
            say("cli.check.clean", ["date": today.iso])
            return
        }
        findings.forEach { print(CLIText.labels.finding($0)) }
        throw ExitCode(1)
    }
}
