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
    guard let date = CalendarDate(iso: text) else { throw CLIError("cli.notADate", ["text": text]) }
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
    throw CLIError("cli.noDemoData")
}

/// An error the command line reports as one plain sentence, from the catalogue (`cli.*`).
struct CLIError: Error, CustomStringConvertible {
    let description: String

    /// The message of catalogue key `key` with its parameters, in the command line's language.
    init(_ key: String, _ arguments: [String: String] = [:]) {
        description = CLIText.labels.text(key, arguments)
    }

    /// A message that cannot come from the catalogues because they could not be read.
    init(literal: String) { description = literal }
}

/// The labels of a language, from the catalogues in the resources folder the server uses too.
func cliLabels(_ language: Language) throws -> Labels {
    Labels(try CLIText.catalogues()[language])
}

/// Prints a catalogue text to standard output.
func say(_ key: String, _ arguments: [String: String] = [:]) {
    print(CLIText.labels.text(key, arguments))
}
