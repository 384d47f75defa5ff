import DeltaDomain
import DeltaImport
import DeltaStore
import DeltaTestSupport
import Foundation
import SQLKit
import Testing

// A rule for every file of these tests: no closure literal inside the arguments of #expect or
// #require. With Swift 6.3.1 (swift-testing 6.3.1), inside a closure such as
// `withDatabase(kind) { database in … }`, a closure written in an #expect argument and a later
// closure outside it can be mixed up at run time: in
//     #expect(words.contains { $0.hasSuffix("-x") }); let ys = words.filter { $0.hasSuffix("-y") }
// `ys` was computed with the first closure. So predicates are evaluated into a value first
// and only that value is checked.

/// The engines every storage test runs on.
let allEngines: [EngineKind] = [.sqlite, .postgres]

/// A problem setting up a test database; its description says what to do about it.
struct TestSetupError: Error, CustomStringConvertible {
    let description: String
}

/// A fresh database for one test: a new SQLite file in a temporary directory, or a new
/// PostgreSQL database created on the server named by `DELTABERAAD_TEST_POSTGRES_URL`.
///
/// Open one with `withDatabase(_:migrated:_:)`, which also drops it again.
struct TestDatabase: Sendable {
    let kind: EngineKind
    /// The engine the test uses.
    let engine: any DatabaseEngine
    /// The SQLite path or the PostgreSQL URL of this database.
    let location: String

    /// Opens another engine on the same database (a second server instance).
    func openAnotherEngine() async throws -> any DatabaseEngine {
        switch kind {
        case .sqlite: return try await SQLiteEngine(path: location)
        case .postgres: return try PostgresEngine(url: location, leaseTimeout: postgresTestLeaseTimeout)
        }
    }
}

/// How long a test waits for a pooled PostgreSQL connection. The server's 5 seconds are right for
/// answering users (503 rather than a long wait), but the whole suite runs in parallel on two cores,
/// where opening a connection alone can take longer.
let postgresTestLeaseTimeout: Duration = .seconds(60)

/// Runs `body` with a fresh database of `kind` (migrated unless `migrated` is false), then
/// shuts the engine down and removes the database, also when `body` throws.
/// SQLite opens `sqliteReaders` reader connections (`SQLiteEngine`'s default otherwise).
func withDatabase<T: Sendable>(
    _ kind: EngineKind, migrated: Bool = true, sqliteReaders: Int? = nil, _ body: (TestDatabase) async throws -> T
) async throws -> T {
    switch kind {
    case .sqlite:
        let directory = try TemporaryDirectory()
        let path = directory.url.appendingPathComponent("register.sqlite").path
        let engine = if let sqliteReaders { try await SQLiteEngine(path: path, readerCount: sqliteReaders) } else { try await SQLiteEngine(path: path) }
        return try await run(TestDatabase(kind: kind, engine: engine, location: path), migrated: migrated, body)
    case .postgres:
        let server = try PostgresTestServer.url()
        await PostgresTestServer.gate.acquire()
        let name = "test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        do {
            try await PostgresTestServer.administer(server, "CREATE DATABASE \(name)")
            let url = try PostgresTestServer.url(server, database: name)
            let engine = try PostgresEngine(url: url, leaseTimeout: postgresTestLeaseTimeout)
            let result: T
            do {
                result = try await run(TestDatabase(kind: kind, engine: engine, location: url), migrated: migrated, body)
            } catch {
                try? await PostgresTestServer.administer(server, "DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
                throw error
            }
            try await PostgresTestServer.administer(server, "DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
            await PostgresTestServer.gate.release()
            return result
        } catch {
            await PostgresTestServer.gate.release()
            throw error
        }
    }
}

private func run<T: Sendable>(_ database: TestDatabase, migrated: Bool, _ body: (TestDatabase) async throws -> T) async throws -> T {
    do {
        if migrated { try await Migrator.migrate(database.engine) }
        let result = try await body(database)
        await database.engine.shutdown()
        return result
    } catch {
        await database.engine.shutdown()
        throw error
    }
}

/// The PostgreSQL server the tests create their databases on.
enum PostgresTestServer {
    static let variable = "DELTABERAAD_TEST_POSTGRES_URL"

    /// Limits how many PostgreSQL test databases are open at once (the throw-away cluster
    /// allows 100 connections and tests run in parallel).
    static let gate = AsyncSemaphore(limit: 6)

    /// The server URL from the environment; a clear failure when it is not set.
    static func url() throws -> String {
        guard let url = ProcessInfo.processInfo.environment[variable], !url.isEmpty else {
            throw TestSetupError(description: """
                \(variable) is not set: the PostgreSQL storage tests need a server. Run scripts/test, or start one \
                with `scripts/pg-test-cluster start` and run `\(variable)=<printed URL> swift test`.
                """)
        }
        return url
    }

    /// The server URL with another database name.
    static func url(_ server: String, database: String) throws -> String {
        guard var components = URLComponents(string: server) else {
            throw TestSetupError(description: "\(variable)=\(server) is not a URL")
        }
        components.path = "/" + database
        guard let url = components.string else { throw TestSetupError(description: "cannot build a URL from \(server)") }
        return url
    }

    /// Runs one statement outside a transaction on the server's own database.
    static func administer(_ server: String, _ statement: String) async throws {
        let admin = try PostgresEngine(url: server, leaseTimeout: postgresTestLeaseTimeout)
        do {
            try await admin.read { db in try await db.raw(SQLQueryString(statement)).run() }
            await admin.shutdown()
        } catch {
            await admin.shutdown()
            throw TestSetupError(description: "“\(statement)” failed on \(server): \(String(reflecting: error))")
        }
    }
}

/// A temporary directory, removed when the value goes away.
final class TemporaryDirectory: Sendable {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("deltastore-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// Writes a text file (creating folders) and returns its path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
        return file.path
    }

    /// A path in the directory (the file need not exist).
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// The `.yaml` files directly in a subfolder (or the directory itself), sorted.
    func yamlFiles(in folder: String = "") throws -> [String] {
        let directory = folder.isEmpty ? url : url.appendingPathComponent(folder)
        return try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".yaml") }.sorted()
            .map { directory.appendingPathComponent($0).path }
    }
}

// MARK: - The demo data

enum Demo {
    /// The package root.
    static func packageRoot() -> URL { TestPaths.packageRoot }

    /// `data/demo/*.yaml`, sorted.
    static func files() throws -> [String] {
        let files = TestPaths.demoFiles
        guard !files.isEmpty else { throw TestSetupError(description: "no demo data in \(TestPaths.demoData.path)") }
        return files
    }

    /// Imports the demo data into `engine`.
    @discardableResult
    static func importInto(_ engine: any DatabaseEngine) async throws -> WriteSummary {
        try await Importer.run(files: try files(), engine: engine)
    }
}

// MARK: - Reading the database

/// Tables holding records with an id, a version and a visibility.
let recordTables = ["organisations", "documents", "bodies", "dossiers", "agreements", "milestones", "meetings", "investments",
                    "goals", "indicators", "allocation_regimes", "rail_links"]
/// Every table of the register.
let allTables = recordTables + ["document_paragraphs", "memberships", "agreement_dossiers", "document_relations", "milestone_dossiers"]

/// Rows per table.
func rowCounts(_ engine: any DatabaseEngine) async throws -> [String: Int] {
    try await engine.read { db in
        var counts: [String: Int] = [:]
        for table in allTables {
            let row = try await db.raw("SELECT COUNT(*) AS n FROM \(ident: table)").first()
            counts[table] = try row?.decode(column: "n", as: Int.self)
        }
        return counts
    }
}

/// `table/id` → `version updated_at` for every record.
func recordVersions(_ engine: any DatabaseEngine) async throws -> [String: String] {
    try await engine.read { db in
        var versions: [String: String] = [:]
        for table in recordTables {
            for row in try await db.raw("SELECT id, version, updated_at FROM \(ident: table)").all() {
                let id = try row.decode(column: "id", as: String.self)
                let version = try row.decode(column: "version", as: Int.self)
                versions["\(table)/\(id)"] = "\(version) \(try row.decode(column: "updated_at", as: String.self))"
            }
        }
        return versions
    }
}

/// The stored version of one record, nil when it does not exist.
func storedVersion(_ engine: any DatabaseEngine, table: String, id: String) async throws -> Int? {
    try await engine.read { db in
        try await db.raw("SELECT version FROM \(ident: table) WHERE id = \(bind: id)").first()?
            .decode(column: "version", as: Int.self)
    }
}

/// Runs `body` on a register view of `engine`.
func reading<T: Sendable>(
    _ engine: any DatabaseEngine, scope: ReadScope = .everything, _ body: @Sendable (Register) async throws -> T
) async throws -> T {
    try await engine.read { db in try await body(Register(db: db, scope: scope)) }
}

/// The whole register as a snapshot.
func snapshot(_ engine: any DatabaseEngine, scope: ReadScope = .everything) async throws -> RegisterSnapshot {
    try await reading(engine, scope: scope) { try await Exporter.snapshot(of: $0) }
}

/// An ISO date literal from a test.
func day(_ iso: String) -> CalendarDate {
    guard let date = CalendarDate(iso: iso) else { preconditionFailure("bad test date \(iso)") }
    return date
}

/// Text with leading/trailing whitespace removed and inner whitespace runs folded to one space.
func whitespaceFolded(_ text: some StringProtocol) -> String {
    var result = String.UnicodeScalarView()
    var pendingSpace = false
    for scalar in text.unicodeScalars {
        if scalar.properties.isWhitespace || scalar == "\u{FEFF}" {
            pendingSpace = !result.isEmpty
            continue
        }
        if pendingSpace { result.append(" ") }
        pendingSpace = false
        result.append(scalar)
    }
    return String(result)
}

/// The part of a paragraph a passage points at: `[start, start + length)` in Unicode scalars,
/// nil when the span is outside the paragraph.
func passageText(_ passage: PassageReference, in paragraphs: [Paragraph]) -> String? {
    guard let paragraph = paragraphs.first(where: { $0.anchor == passage.anchor }) else { return nil }
    let scalars = Array(paragraph.text.unicodeScalars)
    guard passage.start >= 0, passage.length > 0, passage.start + passage.length <= scalars.count else { return nil }
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars[passage.start..<(passage.start + passage.length)])
    return String(view)
}
