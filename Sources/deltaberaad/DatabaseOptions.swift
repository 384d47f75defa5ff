import ArgumentParser
import DeltaReports

/// Options every command that opens the register shares.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(CLIText.labels.text("cli.help.databaseOptions1")))
    var db: String = "deltaberaad.sqlite"
}
