import DeltaDomain
import DeltaImport
import DeltaServices
import DeltaStore
import DeltaWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// The people of the tests: one account per column of the authorization matrix.
enum Persona: String, CaseIterable, Sendable {
    case anonymous, reader, editorInScope, editorOutOfScope, admin, otherDelegation

    var account: Account? {
        switch self {
        case .anonymous: nil
        case .reader: Account(id: "rita", displayName: "Rita Lezer", delegation: "NL", role: .reader)
        case .editorInScope: Account(id: "anna", displayName: "Anna Redacteur", delegation: "NL", role: .editor,
                                     editsBodyIDs: ["werkgroep-3rx", "politiek-overleg"], editsDossierIDs: ["kijfhoek"])
        case .editorOutOfScope: Account(id: "otto", displayName: "Otto Elders", delegation: "NL", role: .editor, editsDossierIDs: ["ertms"])
        case .admin: Account(id: "root", displayName: "Beheerder", delegation: "NL", role: .admin)
        case .otherDelegation: Account(id: "bart", displayName: "Bart Belg", delegation: "BE", role: .reader)
        }
    }
}

/// The password every test account has.
let testPassword = "correct horse battery staple"

/// A demo register with every persona's account (bcrypt cost 4: fast, and still real bcrypt):
/// a copy of `accountsTemplate`, so that each test may change its own.
func makeDatabaseWithAccounts() async throws -> any DatabaseEngine {
    try await copyOfDatabase(at: try await accountsTemplate.value)
}

/// The demo register with every persona's account, imported once per test run into a SQLite
/// file that `makeDatabaseWithAccounts` copies. The import is most of what a test of the
/// signed-in pages costs, and some sixty tests start from it; a closed SQLite file copied is
/// the same database.
private let accountsTemplate = Task<String, any Error> {
    let path = try temporaryDatabasePath()
    let engine = try await SQLiteEngine(path: path)
    do {
        _ = try await Migrator.migrate(engine)
        _ = try await Importer.run(files: PackageFiles.demoFiles, engine: engine)
        let hash = try await Passwords.hash(testPassword, cost: 4)
        try await engine.transaction { db in
            for persona in Persona.allCases { if let account = persona.account { try await AccountStore(db: db).create(account, passwordHash: hash) } }
        }
    } catch {
        await engine.shutdown()
        throw error
    }
    await engine.shutdown()
    return path
}

/// A browser for the router tests: keeps cookies and the page's CSRF token between requests.
final class Browser: @unchecked Sendable {
    let client: any TestClientProtocol
    private(set) var cookies: [String: String] = [:]
    /// The session's CSRF token, read from the last page that carried one.
    private(set) var csrf: String?

    init(_ client: any TestClientProtocol) { self.client = client }

    private func headers(_ extra: HTTPFields = [:]) -> HTTPFields {
        var headers = extra
        if !cookies.isEmpty { headers[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: "; ") }
        return headers
    }

    private func remember(_ response: TestResponse) {
        for header in response.headers[values: .setCookie] {
            let pair = header.split(separator: ";")[0].split(separator: "=", maxSplits: 1).map(String.init)
            guard pair.count == 2 else { continue }
            if pair[1].isEmpty || header.lowercased().contains("max-age=0") { cookies[pair[0]] = nil } else { cookies[pair[0]] = pair[1] }
        }
        if let token = response.text.captures(#"name="_csrf" value="([^"]+)""#).first { csrf = token }
    }

    /// Sets a cookie by hand (for session fixation attempts).
    func setCookie(_ name: String, _ value: String) { cookies[name] = value }

    @discardableResult
    func get(_ uri: String, headers extra: HTTPFields = [:]) async throws -> TestResponse {
        let response = try await client.execute(uri: uri, method: .get, headers: headers(extra), body: nil)
        remember(response)
        return response
    }

    /// Posts a form; the CSRF token of the last page is added unless `csrf` is false.
    @discardableResult
    func post(_ uri: String, _ fields: [String: String], csrf withToken: Bool = true) async throws -> TestResponse {
        var fields = fields
        if withToken, fields["_csrf"] == nil, let csrf { fields["_csrf"] = csrf }
        let body = fields.map { "\(Self.encode($0.key))=\(Self.encode($0.value))" }.sorted().joined(separator: "&")
        var extra = HTTPFields()
        extra[.contentType] = "application/x-www-form-urlencoded"
        let response = try await client.execute(uri: uri, method: .post, headers: headers(extra), body: ByteBuffer(string: body))
        remember(response)
        return response
    }

    /// Sends JSON with the session cookie (and the CSRF header when `csrf` is true) or with a bearer token.
    func send(_ method: HTTPRequest.Method, _ uri: String, json: String, ifMatch: String? = nil, bearer: String? = nil, csrf withToken: Bool = true,
              contentType: String = "application/json") async throws -> TestResponse {
        var extra = HTTPFields()
        extra[.contentType] = contentType
        if let ifMatch { extra[.ifMatch] = ifMatch }
        if let bearer { extra[.authorization] = "Bearer \(bearer)" }
        if withToken, bearer == nil, let csrf { extra[HTTPField.Name("X-CSRF-Token")!] = csrf }
        let response = try await client.execute(uri: uri, method: method, headers: bearer == nil ? headers(extra) : extra, body: ByteBuffer(string: json))
        remember(response)
        return response
    }

    /// Signs in through the real form; returns the response of the form post.
    @discardableResult
    func signIn(_ username: String, password: String = testPassword) async throws -> TestResponse {
        try await get("/login")
        let response = try await post("/login", ["username": username, "password": password])
        // Load a page of the new session, so that `csrf` is the session's token, not the sign-in form's.
        if response.status == .seeOther { try await get("/account") }
        return response
    }

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? text
    }
}

/// The application over a fresh demo register with every persona's account, sign-in delays
/// switched off (the throttle still counts and locks); the database is closed afterwards.
func withAccountsApp<Value: Sendable>(configure: (inout AppConfiguration) -> Void = { _ in },
                                      _ body: @Sendable (any TestClientProtocol, any DatabaseEngine) async throws -> Value) async throws -> Value {
    let engine = try await makeDatabaseWithAccounts()
    do {
        var configuration = testConfiguration()
        configuration.loginDelayScale = 0
        configure(&configuration)
        let router = try await buildTestRouter(engine: engine, configuration: configuration)
        let value = try await Application(router: router).test(.router) { client in try await body(client, engine) }
        await engine.shutdown()
        return value
    } catch {
        await engine.shutdown()
        throw error
    }
}

extension Browser {
    /// Saves a record through the record API with some of its fields changed, over the version
    /// just read; returns the answer.
    func editRecord(_ segment: String, _ id: String, _ changes: [String: String]) async throws -> TestResponse {
        let current = try await send(.get, "/api/\(segment)/\(id)/record", json: "")
        let version = try #require(current.headers[.eTag], "\(segment)/\(id)")
        var fields: [String: String] = [:]
        for (key, value) in try current.json()["fields"]?.object ?? [:] { fields[key] = value.string ?? "" }
        for (key, value) in changes { fields[key] = value }
        let body = String(decoding: try JSONEncoder().encode(["fields": fields]), as: UTF8.self)
        return try await send(.put, "/api/\(segment)/\(id)/record", json: body, ifMatch: version)
    }
}
