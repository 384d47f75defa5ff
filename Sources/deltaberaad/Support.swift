import DeltaDomain
import DeltaReports
import DeltaImport
import DeltaServices
import DeltaStore
import Foundation

/// Opens the database and brings its schema up to date.
func openRegister(_ options: DatabaseOptions) async throws -> any DatabaseEngine {
    let engine = try await DatabaseLocation.open(options.db)
    try await migrate(engine)
    return engine
}

/// Brings the schema up to date, closing the engine when that fails.
func migrate(_ engine: any DatabaseEngine) async throws {
    do {
        try await Migrator.migrate(engine)
    } catch {
        await engine.shutdown()
        throw error
    }
}

/// Parses `--date`/`--today` values.
func parseDay(_ text: String?) throws -> CalendarDate? {
    guard let text else { return nil }
    guard let date = CalendarDate(iso: text) else { throw CLIError("“\(text)” is not a date of the form YYYY-MM-DD") }
    return date
}

/// The demo data files: `data/demo/*.yaml`, found from the working directory upwards.
func demoDataFiles() throws -> [String] {
    var folder = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    for _ in 0..<8 {
        let candidate = folder.appendingPathComponent("data/demo")
        if let names = try? FileManager.default.contentsOfDirectory(atPath: candidate.path) {
            let files = names.filter { $0.hasSuffix(".yaml") }.sorted().map { candidate.appendingPathComponent($0).path }
            if !files.isEmpty { return files }
        }
        folder.deleteLastPathComponent()
    }
    throw CLIError("the demo data (data/demo/*.yaml) was not found; run from the Deltaberaad folder")
}

/// An error the command line reports as one plain sentence.
struct CLIError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// The labels of a language, from the catalogues in the resources folder the server uses too.
func cliLabels(_ language: Language) throws -> Labels {
    let folder = ResourceLocator.defaultDirectory() + "/locales"
    do {
        return Labels(try Catalogues.load(directory: folder)[language])
    } catch {
        throw CLIError("cannot read the message catalogues in \(folder): \(error)")
    }
}
