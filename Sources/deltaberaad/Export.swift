import ArgumentParser
import DeltaImport
import DeltaStore

/// `deltaberaad export`: the register as data files that `import` reads back unchanged.
struct Export: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Export the register as data files into DIR.")

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "Folder to write into (created when missing).") var directory = "export"

    func run() async throws {
        let engine = try await openRegister(database)
        let snapshot = try await engine.read { db in try await Exporter.snapshot(of: Register(db: db, scope: .everything)) }
        await engine.shutdown()
        let files = try Exporter.write(snapshot, to: directory)
        print("exported \(snapshot.recordCount) records into \(files.count) files in \(directory)")
    }
}
