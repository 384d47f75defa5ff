import ArgumentParser
import DeltaReports

/// The `deltaberaad` command: serve the register, import and export data files, check deadlines.
@main
struct Deltaberaad: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deltaberaad",
        abstract: CLIText.labels.text("cli.help.deltaberaad1"),
        subcommands: [Serve.self, Import.self, Export.self, Generate.self, Backup.self, Restore.self, Check.self, Report.self, User.self, Audit.self, Extract.self, EvalExtract.self, SearchIndexCommand.self])
}
