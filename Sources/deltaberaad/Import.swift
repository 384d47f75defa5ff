import ArgumentParser
import DeltaImport
import DeltaReports
import DeltaStore

/// `deltaberaad import`: data files into the register, all or nothing.
struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: CLIText.labels.text("cli.help.import1"))

    @OptionGroup var database: DatabaseOptions
    @Argument(help: ArgumentHelp(CLIText.labels.text("cli.help.import2"))) var files: [String]

    func run() async throws {
        // A one-shot process that reads large files: its freed blocks go back at once (see `Heap`).
        Heap.mapLargeBlocksAlone()
        let engine = try await openRegister(database)
        do {
            let summary = try await Importer.run(files: files, engine: engine)
            await engine.shutdown()
            say("cli.import.done", ["summary": "\(summary)"])
        } catch let errors as ImportErrors {
            await engine.shutdown()
            printError(errors.rendered(in: CLIText.labels))
            printError(CLIText.labels.text("cli.import.nothing"))
            throw ExitCode(65)
        } catch {
            await engine.shutdown()
            throw error
        }
    }
}

/// Writes a line to standard error.
func printError(_ text: String) {
    var stream = StandardError()
    print(text, to: &stream)
}
