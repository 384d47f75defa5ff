import DeltaDomain
import DeltaStore
import DeltaWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The editing, history, notes and account API answer what openapi.yaml documents, status by status.
@Suite("OpenAPI conformance of the editing API")
struct EditingAPIConformanceTests {
    @Test("every documented answer of the editing API is given, with its documented schema")
    func answersConform() async throws {
        let document = try OpenAPIDocument.load()
        let validator = SchemaValidator(document: document)
        let results = try await withAccountsApp { client, engine -> [(label: String, path: String, method: String, status: Int, response: TestResponse)] in
            let now = Date()
            let token = try await engine.transaction { db in try await AccountStore(db: db).createToken(accountID: "anna", name: "test", now: now).secret }
            let readerToken = try await engine.transaction { db in try await AccountStore(db: db).createToken(accountID: "rita", name: "test", now: now).secret }
            let api = Browser(client)
            let record = "/api/milestones/{id}/record"
            // A milestone anna edits through her dossier kijfhoek (shared by the four freight dossiers).
            let milestone = EditingTests.milestone
            let uri = "/api/milestones/\(milestone)/record"
            let fields = #"{"fields":{"dossierIDs":"\#(EditingTests.milestoneDossiers)","title":"Conform","due":"eind 2026","status":"planned","visibility":"public"}}"#
            var results: [(String, String, String, Int, TestResponse)] = []
            func add(_ label: String, _ path: String, _ method: String, _ status: Int, _ response: TestResponse) { results.append((label, path, method, status, response)) }
            add("record", record, "get", 200, try await api.send(.get, uri, json: "", bearer: token))
            add("record unknown", record, "get", 404, try await api.send(.get, "/api/milestones/nope/record", json: "", bearer: token))
            add("put", record, "put", 200, try await api.send(.put, uri, json: fields, ifMatch: "\"1\"", bearer: token))
            add("put stale", record, "put", 409, try await api.send(.put, uri, json: fields.replacingOccurrences(of: "Conform", with: "Oud"), ifMatch: "\"1\"", bearer: token))
            add("put invalid", record, "put", 422, try await api.send(.put, uri, json: #"{"fields":{"title":""}}"#, ifMatch: "\"2\"", bearer: token))
            add("put no If-Match", record, "put", 428, try await api.send(.put, uri, json: fields, bearer: token))
            add("put anonymous", record, "put", 401, try await api.send(.put, uri, json: fields, ifMatch: "\"2\"", csrf: false))
            add("put reader", record, "put", 403, try await api.send(.put, uri, json: fields, ifMatch: "\"2\"", bearer: readerToken))
            add("put unknown", record, "put", 404, try await api.send(.put, "/api/milestones/nope/record", json: fields, ifMatch: "\"1\"", bearer: token))
            let create = #"{"id":"conform-nieuw","fields":{"dossierIDs":"kijfhoek","title":"Nieuw","due":"2027","status":"planned","visibility":"public"}}"#
            add("create", "/api/milestones", "post", 201, try await api.send(.post, "/api/milestones", json: create, bearer: token))
            add("create invalid", "/api/milestones", "post", 422, try await api.send(.post, "/api/milestones", json: #"{"fields":{}}"#, bearer: token))
            add("create empty body", "/api/milestones", "post", 422, try await api.send(.post, "/api/milestones", json: "", bearer: token))
            add("create unknown property", "/api/milestones", "post", 422,
                try await api.send(.post, "/api/milestones", json: #"{"fields":{},"extra":1}"#, bearer: token))
            add("create not JSON", "/api/milestones", "post", 415,
                try await api.send(.post, "/api/milestones", json: create, bearer: token, contentType: "text/plain"))
            add("put not JSON", record, "put", 415, try await api.send(.put, uri, json: fields, ifMatch: "\"2\"", bearer: token, contentType: "text/plain"))
            add("put empty If-Match", record, "put", 428, try await api.send(.put, uri, json: fields, ifMatch: "", bearer: token))
            add("put unknown property", record, "put", 422,
                try await api.send(.put, uri, json: #"{"fields":{"title":"x"},"version":7}"#, ifMatch: "\"2\"", bearer: token))
            add("create anonymous", "/api/milestones", "post", 401, try await api.send(.post, "/api/milestones", json: create, csrf: false))
            add("create reader", "/api/milestones", "post", 403, try await api.send(.post, "/api/milestones", json: create, bearer: readerToken))
            add("history", "/api/milestones/{id}/history", "get", 200, try await api.send(.get, "/api/milestones/\(milestone)/history", json: "", bearer: token))
            add("history anonymous", "/api/milestones/{id}/history", "get", 401, try await Browser(client).get("/api/milestones/\(milestone)/history"))
            add("history unknown", "/api/milestones/{id}/history", "get", 404, try await api.send(.get, "/api/milestones/nope/history", json: "", bearer: token))
            add("me", "/api/me", "get", 200, try await api.send(.get, "/api/me", json: "", bearer: token))
            add("me anonymous", "/api/me", "get", 401, try await Browser(client).get("/api/me"))
            add("notes", "/api/dossiers/{id}/notes", "get", 200, try await api.send(.get, "/api/dossiers/3rx/notes", json: "", bearer: token))
            add("notes anonymous", "/api/dossiers/{id}/notes", "get", 401, try await Browser(client).get("/api/dossiers/3rx/notes"))
            add("notes unknown", "/api/dossiers/{id}/notes", "get", 404, try await api.send(.get, "/api/dossiers/nope/notes", json: "", bearer: token))
            return results
        }
        for result in results {
            #expect(Int(result.response.status.code) == result.status, "\(result.label): \(result.response.status.code) \(result.response.text.prefix(200))")
            let documented = document.response(result.path, method: result.method, status: String(result.status))
            guard let (mediaType, schema) = documented else {
                Issue.record("\(result.label): \(result.method.uppercased()) \(result.path) \(result.status) is not documented")
                continue
            }
            #expect(result.response.headers[.contentType]?.hasPrefix(mediaType) == true, "\(result.label)")
            let body = try result.response.json()
            let errors = validator.errors(body, schema)
            #expect(errors.isEmpty, "\(result.label) does not conform: \(errors.prefix(10))")
        }
        // Every documented status of every milestone operation was exercised.
        let exercised = Set(results.map { "\($0.method) \($0.path) \($0.status)" })
        for path in ["/api/milestones/{id}/record", "/api/milestones", "/api/milestones/{id}/history", "/api/me", "/api/dossiers/{id}/notes"] {
            // The list `GET /api/milestones` is a read, exercised by OpenAPIConformanceTests and PagingTests.
            for (method, operation) in document.root["paths"]?[path]?.object ?? [:] where !(path == "/api/milestones" && method == "get") {
                for status in operation["responses"]?.object?.keys.sorted() ?? [] {
                    #expect(exercised.contains("\(method) \(path) \(status)"), "\(method) \(path) \(status) is documented but not exercised")
                }
            }
        }
    }
}
