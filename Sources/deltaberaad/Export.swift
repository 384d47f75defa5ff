import ArgumentParser
import DeltaDomain
import DeltaImport
import DeltaStore

/// `deltaberaad export`: the register as data files that `import` reads back unchanged.
struct Export: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Export the register as data files into DIR.")

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "Folder to write into (created when missing).") var directory = "export"
    @Flag(help: "Only what anonymous visitors see (public records): open data. Private notes, accounts and the audit log are never exported.")
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
