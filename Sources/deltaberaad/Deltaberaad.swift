import ArgumentParser

/// The `deltaberaad` command: serve the register, import and export data files, check deadlines.
@main
struct Deltaberaad: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deltaberaad",
        abstract: "Deltaberaad — the register of the Belgian–Dutch cooperation on cross-border rail.",
        subcommands: [Serve.self, Import.self, Export.self, Check.self, Report.self, User.self, Audit.self])
}
