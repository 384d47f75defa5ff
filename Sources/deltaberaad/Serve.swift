import ArgumentParser
import DeltaDomain
import DeltaImport
import DeltaStore
import DeltaWeb
import Hummingbird
import Logging
import ServiceLifecycle
import UnixSignals

/// `deltaberaad serve`: the web application.
///
/// Runs as a `ServiceGroup`: the database's connection pool (PostgreSQL) first, then the server.
/// SIGTERM or SIGINT stops them in reverse order: the server stops accepting, finishes the
/// requests in flight, and only then is the pool closed.
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
        let engine = try await DatabaseLocation.open(database.db, runsClient: false)
        var configuration = AppConfiguration(host: host, port: port)
        if let pinned { configuration.today = { pinned } }
        configuration.secureCookies = secureCookies
        let server = RegisterServer(engine: engine, location: database.db, configuration: configuration, importDemo: demo, logger: logger)
        let services: [any Service] = (engine.service.map { [$0] } ?? []) + [server]
        let group = ServiceGroup(configuration: .init(services: services.map { .init(service: $0) },
                                                      gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        do {
            try await group.run()
        } catch {
            await engine.shutdown()
            throw error
        }
        await engine.shutdown()
    }
}
