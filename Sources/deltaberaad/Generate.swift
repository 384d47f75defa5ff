import ArgumentParser
import DeltaDomain
import DeltaImport
import DeltaReports

/// `deltaberaad generate`: a synthetic register at N times the demo's size, in the import format,
/// for measuring (docs/PERFORMANCE.md). The same scale and seed always write the same bytes.
struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: CLIText.labels.text("cli.help.generate1"))

    @Option(help: ArgumentHelp(CLIText.labels.text("cli.help.generate2"))) var scale = 1
    @Option(help: ArgumentHelp(CLIText.labels.text("cli.help.generate3"))) var seed: UInt64 = 1
    @Argument(help: ArgumentHelp(CLIText.labels.text("cli.help.generate4"))) var directory: String

    func run() throws {
        guard (1...RegisterGenerator.maximumScale).contains(scale) else {
            throw CLIError("cli.generate.scale", ["maximum": String(RegisterGenerator.maximumScale)])
        }
        let (snapshot, files) = try RegisterGenerator(scale: scale, seed: seed).write(to: directory)
        say("cli.generate.done", ["records": String(snapshot.recordCount), "files": String(files.count), "directory": directory,
                                  "scale": String(scale), "seed": String(seed)])
    }
}
