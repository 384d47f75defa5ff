import ArgumentParser
import DeltaReports
import DeltaStore

/// `deltaberaad search-index rebuild`: indexes every record again, in one transaction.
///
/// Every change keeps the index itself, and migrations rebuild it; this is for when it may not
/// match the records (a database restored from a backup that was made by other means, or doubt).
struct SearchIndexCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "search-index", abstract: CLIText.labels.text("cli.help.search1"),
                                                    subcommands: [Rebuild.self])

    struct Rebuild: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: CLIText.labels.text("cli.help.search2"))
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let engine = try await openRegister(database)
            let entries: Int
            do {
                entries = try await engine.transaction { db in try await SearchIndex(db: db).rebuild() }
            } catch {
                await engine.shutdown()
                throw error
            }
            await engine.shutdown()
            say("cli.search.rebuilt", ["entries": String(entries)])
        }
    }
}
