import ArgumentParser
import DeltaDomain
import DeltaImport
import DeltaReports
import DeltaStore

/// `deltaberaad export`: the register as data files that `import` reads back unchanged.
struct Export: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: CLIText.labels.text("cli.help.export1"))

    @OptionGroup var database: DatabaseOptions
    @Argument(help: ArgumentHelp(CLIText.labels.text("cli.help.export2"))) var directory = "export"
    @Flag(help: ArgumentHelp(CLIText.labels.text("cli.help.export3")))
    var `public` = false

    func run() async throws {
        let engine = try await openRegister(database)
        let scope: ReadScope = `public` ? .publicOnly : .everything
        let snapshot = try await engine.read { db in try await Exporter.snapshot(of: Register(db: db, scope: scope)) }
        await engine.shutdown()
        let files = try Exporter.write(snapshot, to: directory)
        say("cli.export.done", ["records": String(snapshot.recordCount), "files": String(files.count), "directory": directory])
    }
}
