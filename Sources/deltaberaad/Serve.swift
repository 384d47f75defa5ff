import ArgumentParser
import DeltaDomain
import DeltaImport
import DeltaStore
import DeltaWeb
import Hummingbird
import Logging

/// `deltaberaad serve`: the web application.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Serve the register on http://HOST:PORT.")

    @OptionGroup var database: DatabaseOptions
    @Flag(help: "Import the demo data (data/demo) into an empty register before serving (a register with records is left as it is, so edits survive a restart).") var demo = false
    @Option(help: "Address to listen on.") var host = "127.0.0.1"
    @Option(help: "Port to listen on.") var port = 8080
    @Option(help: "Pin “today” (YYYY-MM-DD) for every date rule; default: the current day in Brussels.") var today: String?
    @Flag(help: "Mark cookies Secure even without X-Forwarded-Proto: https (TLS ends in front of this server).") var secureCookies = false

    func run() async throws {
        let pinned = try parseDay(today)
        let logger = Logger(label: "deltaberaad")
        let engine = try await openRegister(database)
        do {
            if demo {
                let empty = try await engine.read { db in try await Register(db: db, scope: .everything).dossiers().isEmpty }
                if empty {
                    let summary = try await Importer.run(files: try demoDataFiles(), engine: engine)
                    logger.info("demo data imported: \(summary)")
                } else {
                    logger.info("the register already holds records: demo data not imported again (edits are kept)")
                }
            }
            var configuration = AppConfiguration(host: host, port: port)
            if let pinned { configuration.today = { pinned } }
            configuration.secureCookies = secureCookies
            let app = try await buildApplication(engine: engine, configuration: configuration, logger: logger)
            try await app.runService()
        } catch {
            await engine.shutdown()
            throw error
        }
        await engine.shutdown()
    }
}
