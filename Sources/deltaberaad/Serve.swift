import ArgumentParser
import DeltaDomain
import DeltaImport
import DeltaReports
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
    static let configuration = CommandConfiguration(abstract: CLIText.labels.text("cli.help.serve1"))

    @OptionGroup var database: DatabaseOptions
    @Flag(help: ArgumentHelp(CLIText.labels.text("cli.help.serve2"))) var demo = false
    @Option(help: ArgumentHelp(CLIText.labels.text("cli.help.serve3"))) var host = "127.0.0.1"
    @Option(help: ArgumentHelp(CLIText.labels.text("cli.help.serve4"))) var port = 8080
    @Option(help: ArgumentHelp(CLIText.labels.text("cli.help.serve5"))) var today: String?
    @Flag(help: ArgumentHelp(CLIText.labels.text("cli.help.serve6"))) var secureCookies = false

    @Option(help: ArgumentHelp(CLIText.labels.text("cli.help.serveIdleTimeout"))) var idleTimeout = 30
    @Option(help: ArgumentHelp(CLIText.labels.text("cli.help.serveMaxInFlight"))) var maxInFlight = 256
    @Option(help: ArgumentHelp(CLIText.labels.text("cli.help.serveRequestDeadline"))) var requestDeadline = 45
    @Option(help: ArgumentHelp(CLIText.labels.text("cli.help.serveMemoryBudget"))) var memoryBudget = 128
    @Option(help: ArgumentHelp(CLIText.labels.text("cli.help.serveExtractionPatience"))) var extractionPatience = 1000
    @Option(help: ArgumentHelp(CLIText.labels.text("cli.help.serveLogFormat"))) var logFormat = "text"

    func run() async throws {
        Heap.limitArenas(to: 2)
        let pinned = try parseDay(today)
        switch logFormat {
        case "text": break
        case "json": LoggingSystem.bootstrap { label in JSONLogHandler(label: label) }
        default: throw CLIError("cli.serve.logFormat")
        }
        // Every option is checked before the database is opened: a refusal leaves nothing behind.
        guard (1...3600).contains(idleTimeout) else { throw CLIError("cli.serve.idleTimeout") }
        guard (1...100_000).contains(maxInFlight) else { throw CLIError("cli.serve.maxInFlight") }
        guard (1...3600).contains(requestDeadline) else { throw CLIError("cli.serve.requestDeadline") }
        guard (0...1_048_576).contains(memoryBudget) else { throw CLIError("cli.serve.memoryBudget") }
        guard (0...60_000).contains(extractionPatience) else { throw CLIError("cli.serve.extractionPatience") }
        let logger = Logger(label: "deltaberaad")
        let engine = try await DatabaseLocation.open(database.db, runsClient: false)
        var configuration = AppConfiguration(host: host, port: port)
        if let pinned { configuration.today = { pinned } }
        configuration.secureCookies = secureCookies
        configuration.idleTimeoutSeconds = idleTimeout
        configuration.maxRequestsInFlight = maxInFlight
        configuration.requestDeadline = .seconds(requestDeadline)
        configuration.memoryBudget = memoryBudget == 0 ? nil : memoryBudget << 20
        configuration.extractionPatience = .milliseconds(extractionPatience)
        configuration.requestLogLevel = .info
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
