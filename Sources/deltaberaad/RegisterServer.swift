import ArgumentParser
import DeltaDomain
import DeltaImport
import DeltaStore
import DeltaWeb
import Hummingbird
import Logging
import ServiceLifecycle
import UnixSignals

/// The server as a service: once the database answers, it brings the schema up to date, imports
/// the demo data into an empty register when asked, and serves until the group shuts down.
struct RegisterServer: Service {
    let engine: any DatabaseEngine
    let location: String
    let configuration: AppConfiguration
    let importDemo: Bool
    let logger: Logger

    func run() async throws {
        try await DatabaseLocation.verify(engine, location: location)
        try await Migrator.migrate(engine)
        if importDemo {
            let empty = try await engine.read { db in try await Register(db: db, scope: .everything).dossiers().isEmpty }
            if empty {
                let summary = try await Importer.run(files: try demoDataFiles(), engine: engine)
                logger.info("demo data imported: \(summary)")
            } else {
                logger.info("the register already holds records: demo data not imported again (edits are kept)")
            }
        }
        let app = try await buildApplication(engine: engine, configuration: configuration, logger: logger)
        try await app.run()
    }
}
