import ArgumentParser

/// Options every command that opens the register shares.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: "SQLite file path or postgres://user:password@host:port/database URL.")
    var db: String = "deltaberaad.sqlite"
}
