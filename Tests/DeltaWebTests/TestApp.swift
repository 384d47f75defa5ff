import DeltaDomain
import DeltaImport
import DeltaStore
import DeltaTestSupport
import DeltaWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import Yams

/// Where the package's files are (`TestPaths` of the shared test-support target).
enum PackageFiles {
    /// The directory holding Package.swift.
    static var root: URL { TestPaths.packageRoot }
    /// `Resources/`: templates, static files, locales and openapi.yaml.
    static var resources: String { TestPaths.resources.path }
    /// The demo data files, `data/demo/*.yaml`, sorted by name.
    static var demoFiles: [String] { TestPaths.demoFiles }
}

/// The pinned day every test runs on: 23 November 2026.
let testToday = CalendarDate(year: 2026, month: 11, day: 23)!

/// The configuration the tests build the application with.
func testConfiguration() -> AppConfiguration {
    var configuration = AppConfiguration(resourcesDirectory: PackageFiles.resources, today: { testToday })
    // The whole suite runs in parallel on two cores, where a request can wait longer than the
    // server's 45 s for a core; the deadline itself is tested on its own (`HealthTests.deadline`).
    configuration.requestDeadline = .seconds(600)
    return configuration
}

/// The templates and catalogues of `Resources/`, loaded once for the whole test run.
let testRenderer = Task<Renderer, any Error> { try await Renderer(resources: PackageFiles.resources) }

/// `buildRouter`, with the templates and catalogues loaded once for the run when the
/// configuration reads them from `Resources/`: loading them took a third of the web tests' time.
func buildTestRouter(engine: any DatabaseEngine, configuration: AppConfiguration) async throws -> Router<AppRequestContext> {
    var configuration = configuration
    if configuration.renderer == nil, configuration.resourcesDirectory == PackageFiles.resources {
        configuration.renderer = try await testRenderer.value
    }
    return try await buildRouter(engine: engine, configuration: configuration)
}

/// A fresh SQLite file in a temporary directory, migrated and loaded with `files`.
func makeDatabase(importing files: [String]) async throws -> any DatabaseEngine {
    let engine = try await SQLiteEngine(path: try temporaryDatabasePath())
    do {
        _ = try await Migrator.migrate(engine)
        if !files.isEmpty { _ = try await Importer.run(files: files, engine: engine) }
    } catch {
        await engine.shutdown()
        throw error
    }
    return engine
}

/// The path of a database file not yet made, in a new temporary directory.
func temporaryDatabasePath() throws -> String {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("deltaweb-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    return directory.appendingPathComponent("register.sqlite").path
}

/// A copy of the closed SQLite database at `path` (its write-ahead log too, if one was left),
/// opened as a database of its own.
func copyOfDatabase(at path: String) async throws -> any DatabaseEngine {
    let copy = try temporaryDatabasePath()
    try FileManager.default.copyItem(atPath: path, toPath: copy)
    if FileManager.default.fileExists(atPath: path + "-wal") {
        try FileManager.default.copyItem(atPath: path + "-wal", toPath: copy + "-wal")
    }
    return try await SQLiteEngine(path: copy)
}

/// The demo register, imported once for the whole test run and only ever read afterwards.
/// (A global `let` is initialised lazily and exactly once.)
let demoDatabase = Task<any DatabaseEngine, any Error> {
    try await makeDatabase(importing: PackageFiles.demoFiles)
}

/// Runs `body` against the application over `engine`, requests going straight to the router.
func withApp<Value: Sendable>(engine: any DatabaseEngine,
                              _ body: @Sendable (any TestClientProtocol) async throws -> Value) async throws -> Value {
    let router = try await buildTestRouter(engine: engine, configuration: testConfiguration())
    let app = Application(router: router)
    return try await app.test(.router, body)
}

/// Runs `body` against the application over the shared demo register.
func withDemoApp<Value: Sendable>(_ body: @Sendable (any TestClientProtocol) async throws -> Value) async throws -> Value {
    try await withApp(engine: try await demoDatabase.value, body)
}

extension TestClientProtocol {
    /// A GET request.
    func get(_ uri: String) async throws -> TestResponse {
        try await execute(uri: uri, method: .get)
    }

    /// A GET of an HTML page that must answer 200 with an HTML content type; returns the body.
    func page(_ uri: String, sourceLocation: SourceLocation = #_sourceLocation) async throws -> String {
        let response = try await get(uri)
        #expect(response.status == .ok, "GET \(uri)", sourceLocation: sourceLocation)
        #expect(response.headers[.contentType]?.hasPrefix("text/html") == true,
                "GET \(uri): content type \(response.headers[.contentType] ?? "none")", sourceLocation: sourceLocation)
        return response.text
    }

    /// A GET of a JSON twin that must answer 200 with a JSON content type; returns the parsed body.
    func json(_ uri: String, sourceLocation: SourceLocation = #_sourceLocation) async throws -> JSONValue {
        let response = try await get(uri)
        #expect(response.status == .ok, "GET \(uri)", sourceLocation: sourceLocation)
        #expect(response.headers[.contentType]?.hasPrefix("application/json") == true,
                "GET \(uri): content type \(response.headers[.contentType] ?? "none")", sourceLocation: sourceLocation)
        return try response.json()
    }
}

extension TestResponse {
    /// The body as UTF-8 text.
    var text: String { String(decoding: body.readableBytesView, as: UTF8.self) }

    /// The body parsed as JSON.
    func json() throws -> JSONValue { try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)) }
}

// MARK: - The demo data as written

/// The demo records read straight from the YAML files, independently of the application,
/// so pages can be checked against the source.
enum DemoData {
    struct Dossier: Sendable {
        let id: String
        let title: String
        let themes: [String]
        let leads: [String]
    }

    struct Organisation: Sendable {
        let id: String
        let name: String
        let country: String
    }

    static func records(_ file: String, _ section: String) throws -> [JSONValue] {
        let path = PackageFiles.root.appendingPathComponent("data/demo/\(file)").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return try JSONValue(any: try Yams.load(yaml: text))[section]?.array ?? []
    }

    /// Every dossier in `data/demo/dossiers.yaml`.
    static func dossiers() throws -> [Dossier] {
        try records("dossiers.yaml", "dossiers").map {
            Dossier(id: $0["id"]?.string ?? "", title: $0["title"]?.string ?? "",
                    themes: $0["themes"]?.array.compactMap(\.string) ?? [], leads: $0["leads"]?.array.compactMap(\.string) ?? [])
        }
    }

    /// Every organisation in `data/demo/organisations.yaml`.
    static func organisations() throws -> [Organisation] {
        try records("organisations.yaml", "organisations").map {
            Organisation(id: $0["id"]?.string ?? "", name: $0["name"]?.string ?? "", country: $0["country"]?.string ?? "")
        }
    }
}

// MARK: - JSON values

/// Any JSON value, keeping integers, numbers and booleans apart (the schema validator needs that).
enum JSONValue: Decodable, Equatable, Sendable, CustomStringConvertible {
    case null
    case bool(Bool)
    case integer(Int64)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        if let container = try? decoder.singleValueContainer() {
            if container.decodeNil() { self = .null; return }
            if let value = try? container.decode(Bool.self) { self = .bool(value); return }
            if let value = try? container.decode(Int64.self) { self = .integer(value); return }
            if let value = try? container.decode(Double.self) { self = .number(value); return }
            if let value = try? container.decode(String.self) { self = .string(value); return }
            if let value = try? container.decode([JSONValue].self) { self = .array(value); return }
            if let value = try? container.decode([String: JSONValue].self) { self = .object(value); return }
        }
        throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a JSON value"))
    }

    /// Converts what Yams (or JSONSerialization) loads into a JSON value.
    init(any value: Any?) throws {
        switch value {
        case nil, is NSNull: self = .null
        case let value as Bool: self = .bool(value)
        case let value as Int: self = .integer(Int64(value))
        case let value as Int64: self = .integer(value)
        case let value as Double: self = .number(value)
        case let value as String: self = .string(value)
        case let value as [Any]: self = .array(try value.map { try JSONValue(any: $0) })
        case let value as [String: Any]: self = .object(try value.mapValues { try JSONValue(any: $0) })
        case let value as [AnyHashable: Any]:
            var object: [String: JSONValue] = [:]
            for (key, item) in value { object[String(describing: key.base)] = try JSONValue(any: item) }
            self = .object(object)
        default:
            throw JSONValueError.unsupported(String(describing: type(of: value!)))
        }
    }

    enum JSONValueError: Error { case unsupported(String) }

    subscript(key: String) -> JSONValue? {
        if case .object(let object) = self { return object[key] }
        return nil
    }

    subscript(index: Int) -> JSONValue? {
        if case .array(let array) = self, array.indices.contains(index) { return array[index] }
        return nil
    }

    var string: String? { if case .string(let value) = self { value } else { nil } }
    var int: Int64? { if case .integer(let value) = self { value } else { nil } }
    var bool: Bool? { if case .bool(let value) = self { value } else { nil } }
    var array: [JSONValue] { if case .array(let value) = self { value } else { [] } }
    var object: [String: JSONValue]? { if case .object(let value) = self { value } else { nil } }

    /// Every string anywhere inside this value.
    var allStrings: [String] {
        switch self {
        case .string(let value): [value]
        case .array(let values): values.flatMap(\.allStrings)
        case .object(let object): object.values.flatMap(\.allStrings)
        default: []
        }
    }

    var description: String {
        switch self {
        case .null: "null"
        case .bool(let value): "\(value)"
        case .integer(let value): "\(value)"
        case .number(let value): "\(value)"
        case .string(let value): "\"\(value)\""
        case .array(let values): "[\(values.map(\.description).joined(separator: ", "))]"
        case .object(let object): "{\(object.keys.sorted().map { "\"\($0)\": \(object[$0]!)" }.joined(separator: ", "))}"
        }
    }
}

// MARK: - HTML helpers

extension String {
    /// The text escaped as mustache escapes `{{…}}` output: what the page must contain.
    var htmlEscaped: String {
        var result = ""
        for character in self {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }

    /// How often `needle` occurs (non-overlapping).
    func occurrences(of needle: String) -> Int {
        guard !needle.isEmpty else { return 0 }
        var count = 0
        var searchRange = startIndex..<endIndex
        while let found = range(of: needle, range: searchRange) {
            count += 1
            searchRange = found.upperBound..<endIndex
        }
        return count
    }

    /// Every match of the first capture group of `pattern`, in order.
    func captures(_ pattern: String) -> [String] {
        guard let regex = try? NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators]) else { return [] }
        let text = self as NSString
        return regex.matches(in: self, range: NSRange(location: 0, length: text.length)).compactMap { match in
            match.numberOfRanges > 1 && match.range(at: 1).location != NSNotFound ? text.substring(with: match.range(at: 1)) : nil
        }
    }
}

// MARK: - Parsed pages

extension TestResponse {
    /// The body parsed as an HTML page; throws when its markup is not a tree.
    func document() throws -> HTMLDocument { try HTMLDocument(parsing: text) }
}

extension HTMLContainer {
    /// The section a page marks as `<section aria-labelledby="headingID">`; throws when the page
    /// has none or more than one.
    func requireSection(_ headingID: String) throws -> HTMLElement {
        try requireElement(#"section[aria-labelledby="\#(headingID)"]"#)
    }

    /// The `href` of every link inside, in document order.
    var hrefs: [String] { elements(tag: "a").compactMap { $0.attribute("href") } }
}
