import Foundation
import Logging
import PostgresKit
import PostgresNIO
import SQLKit
import ServiceLifecycle

/// PostgreSQL through PostgresNIO's `PostgresClient` connection pool.
///
/// The client must run (`run()`) for the life of the engine. The server runs it as a `Service`
/// in its `ServiceGroup` (`runsClient: false`, then `service`), so that SIGTERM stops it after the
/// requests in flight; one-shot commands and tests let the engine start it in a task of its own,
/// cancelled on `shutdown()`.
public final class PostgresEngine: DatabaseEngine {
    public let kind = EngineKind.postgres
    private let client: PostgresClient
    private let runTask: Task<Void, Never>?

    /// Connects to the database a `postgres://user:password@host:port/database` URL names.
    public init(url: String, runsClient: Bool = true) throws {
        guard let configuration = try? SQLPostgresConfiguration(url: url) else {
            throw StoreError.invalidLocation("“\(url)” is not a PostgreSQL URL (postgres://user:password@host:port/database)")
        }
        let core = configuration.coreConfiguration
        guard let host = core.host, let port = core.port else {
            throw StoreError.invalidLocation("the PostgreSQL URL must name a host and port")
        }
        var clientConfiguration = PostgresClient.Configuration(
            host: host, port: port, username: core.username, password: core.password,
            database: core.database, tls: .disable)
        clientConfiguration.options.maximumConnections = 10
        var logger = Logger(label: "deltaberaad.postgres")
        logger.logLevel = .error
        let client = PostgresClient(configuration: clientConfiguration, backgroundLogger: logger)
        self.client = client
        runTask = runsClient ? Task { await client.run() } : nil
    }

    /// The URL without its password, for messages and logs.
    public static func redacted(_ url: String) -> String {
        guard let schemeEnd = url.range(of: "://"), let at = url.range(of: "@", range: schemeEnd.upperBound..<url.endIndex) else { return url }
        let credentials = url[schemeEnd.upperBound..<at.lowerBound]
        guard let colon = credentials.firstIndex(of: ":") else { return url }
        return url.replacingCharacters(in: colon..<at.lowerBound, with: ":***")
    }

    public func read<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await client.withConnection { connection in
            try await body(connection.sql(queryLogLevel: nil))
        }
    }

    public func transaction<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await client.withConnection { connection in
            try await self.inTransaction(on: connection.sql(queryLogLevel: nil), body)
        }
    }

    public func shutdown() async {
        runTask?.cancel()
        _ = await runTask?.value
    }

    /// The connection pool, when the caller runs it (`runsClient: false`).
    public var service: (any Service)? { runTask == nil ? client : nil }
}
