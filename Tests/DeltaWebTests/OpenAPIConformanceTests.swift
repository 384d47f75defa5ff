import DeltaTestSupport
import DeltaWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import Yams

// MARK: - The OpenAPI document

/// `Resources/openapi.yaml`, loaded as JSON values.
struct OpenAPIDocument: Sendable {
    let root: JSONValue

    /// The document, read once for the run.
    static func load() throws -> OpenAPIDocument { try loaded.get() }

    private static let loaded = Result {
        let text = try String(contentsOfFile: PackageFiles.resources + "/openapi.yaml", encoding: .utf8)
        return OpenAPIDocument(root: try JSONValue(any: try Yams.load(yaml: text)))
    }

    /// The documented paths, e.g. "/api/dossiers/{id}".
    var paths: [String] { root["paths"]?.object?.keys.sorted() ?? [] }

    /// The paths whose GET is a page's JSON twin (tagged `pages`): public reads anyone can make.
    var pagePaths: [String] {
        paths.filter { root["paths"]?[$0]?["get"]?["tags"]?.array.contains(.string("pages")) == true }
    }

    /// Every documented operation as "METHOD path".
    var operations: [String] {
        paths.flatMap { path in (root["paths"]?[path]?.object?.keys.sorted() ?? []).map { "\($0.uppercased()) \(path)" } }
    }

    /// The value a local reference ("#/components/schemas/Link") points at.
    func resolve(_ reference: String) -> JSONValue? {
        guard reference.hasPrefix("#/") else { return nil }
        var node: JSONValue? = root
        for token in reference.dropFirst(2).split(separator: "/", omittingEmptySubsequences: false) {
            let key = token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            node = node?[key]
        }
        return node
    }

    /// Follows `$ref` until the value is not a reference.
    func dereference(_ value: JSONValue?) -> JSONValue? {
        var value = value
        var hops = 0
        while let reference = value?["$ref"]?.string, hops < 16 {
            value = resolve(reference)
            hops += 1
        }
        return value
    }

    /// The documented GET responses of a path, by status code.
    func responses(_ path: String) -> [String: JSONValue] {
        root["paths"]?[path]?["get"]?["responses"]?.object ?? [:]
    }

    /// The media type and schema a GET of `path` answers with for `status`.
    func response(_ path: String, status: String) -> (mediaType: String, schema: JSONValue)? {
        guard let response = dereference(responses(path)[status]),
              let content = response["content"]?.object, content.count == 1,
              let entry = content.first, let schema = entry.value["schema"] else { return nil }
        return (entry.key, schema)
    }

    /// The media type and schema an operation answers with for `status`.
    func response(_ path: String, method: String, status: String) -> (mediaType: String, schema: JSONValue)? {
        guard let response = dereference(root["paths"]?[path]?[method]?["responses"]?[status]),
              let content = response["content"]?.object, content.count == 1,
              let entry = content.first, let schema = entry.value["schema"] else { return nil }
        return (entry.key, schema)
    }

    /// Every `$ref` anywhere in the document.
    var references: [String] {
        func collect(_ value: JSONValue) -> [String] {
            switch value {
            case .object(let object):
                (object["$ref"]?.string.map { [$0] } ?? []) + object.values.flatMap(collect)
            case .array(let values): values.flatMap(collect)
            default: []
            }
        }
        return collect(root)
    }
}

// MARK: - A JSON Schema validator for the subset the document uses

/// Validates JSON values against the JSON Schema subset openapi.yaml uses: `type` (object, array, string,
/// integer, number, boolean, null), `properties`, `required`, `additionalProperties` (false or a schema),
/// `items`, `enum`, `pattern`, and `$ref` to anything in the document. `format` and `description` are
/// annotations, and so (as JSON Schema says) is any key that is not a keyword. A JSON Schema assertion
/// this validator does not implement (`oneOf`, `minimum`, …) is reported as an error, so it can never
/// pass a schema it does not understand.
struct SchemaValidator: Sendable {
    let document: OpenAPIDocument

    /// What the validator implements or knows to be an annotation.
    static let keywords: Set<String> = [
        "type", "properties", "required", "additionalProperties", "items", "enum", "pattern", "$ref", "format", "description",
        "minimum", "maximum",
    ]

    /// JSON Schema 2020-12 keywords that constrain values but are not implemented here.
    static let unsupported: Set<String> = [
        "allOf", "anyOf", "oneOf", "not", "if", "then", "else", "const", "multipleOf", "exclusiveMaximum",
        "exclusiveMinimum", "maxLength", "minLength", "maxItems", "minItems", "uniqueItems", "maxContains", "minContains", "contains",
        "prefixItems", "maxProperties", "minProperties", "dependentRequired", "dependentSchemas", "patternProperties",
        "propertyNames", "unevaluatedItems", "unevaluatedProperties", "$dynamicRef", "discriminator", "nullable",
    ]

    /// Every way `value` breaks `schema`, each with the path to the offending part; empty when it conforms.
    func errors(_ value: JSONValue, _ schema: JSONValue, at path: String = "$") -> [String] {
        guard case .object(let schema) = schema else { return ["\(path): the schema is not an object"] }
        var errors: [String] = []
        for keyword in schema.keys.sorted() where Self.unsupported.contains(keyword) {
            errors.append("\(path): unsupported schema keyword “\(keyword)”")
        }
        if let reference = schema["$ref"] {
            guard let target = reference.string.flatMap(document.resolve) else {
                return errors + ["\(path): cannot resolve $ref \(reference)"]
            }
            errors += self.errors(value, target, at: path)
        }
        if let type = schema["type"] {
            let types = type.string.map { [$0] } ?? type.array.compactMap(\.string)
            guard types.contains(where: { Self.value(value, is: $0) }) else {
                return errors + ["\(path): expected \(types.joined(separator: " or ")), found \(Self.kind(of: value)) \(value)"]
            }
        }
        if let options = schema["enum"]?.array, !options.contains(value) {
            errors.append("\(path): \(value) is not one of \(options)")
        }
        if case .integer(let number) = value {
            if let minimum = schema["minimum"]?.int, number < minimum { errors.append("\(path): \(number) is below the minimum \(minimum)") }
            if let maximum = schema["maximum"]?.int, number > maximum { errors.append("\(path): \(number) is above the maximum \(maximum)") }
        }
        if let pattern = schema["pattern"]?.string, let text = value.string {
            if text.range(of: pattern, options: .regularExpression) == nil {
                errors.append("\(path): “\(text)” does not match \(pattern)")
            }
        }
        if case .object(let object) = value {
            let properties = schema["properties"]?.object ?? [:]
            for name in schema["required"]?.array.compactMap(\.string) ?? [] where object[name] == nil {
                errors.append("\(path): required property “\(name)” is missing")
            }
            for name in object.keys.sorted() {
                let item = object[name]!
                if let propertySchema = properties[name] {
                    errors += self.errors(item, propertySchema, at: "\(path).\(name)")
                } else if let additional = schema["additionalProperties"] {
                    if additional == .bool(false) {
                        errors.append("\(path): property “\(name)” is not allowed")
                    } else if case .object = additional {
                        errors += self.errors(item, additional, at: "\(path).\(name)")
                    }
                }
            }
        }
        if case .array(let items) = value, let itemSchema = schema["items"] {
            for (index, item) in items.enumerated() { errors += self.errors(item, itemSchema, at: "\(path)[\(index)]") }
        }
        return errors
    }

    static func value(_ value: JSONValue, is type: String) -> Bool {
        switch (type, value) {
        case ("object", .object), ("array", .array), ("string", .string), ("boolean", .bool), ("null", .null), ("integer", .integer),
             ("number", .integer), ("number", .number):
            true
        case ("integer", .number(let number)):
            number.rounded() == number
        default:
            false
        }
    }

    static func kind(of value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool: "boolean"
        case .integer: "integer"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    /// Every schema object reachable in the document's components, with its location, to check keywords.
    static func schemaObjects(in value: JSONValue, at path: String) -> [(path: String, schema: [String: JSONValue])] {
        guard case .object(let schema) = value else { return [] }
        var found = [(path, schema)]
        for (name, property) in schema["properties"]?.object ?? [:] {
            found += schemaObjects(in: property, at: "\(path)/properties/\(name)")
        }
        if let items = schema["items"] { found += schemaObjects(in: items, at: "\(path)/items") }
        if let additional = schema["additionalProperties"], case .object = additional {
            found += schemaObjects(in: additional, at: "\(path)/additionalProperties")
        }
        return found
    }
}

// MARK: - Tests

/// The GET requests whose answers are validated: every documented path, `{id}` filled with demo ids.
let documentedRequests: [(uri: String, path: String)] = [
    ("/api/overview", "/api/overview"),
    ("/api/obstacles", "/api/obstacles"),
    ("/api/obstacles?domain=other&status=in-progress", "/api/obstacles"),
    ("/api/obstacles/knelpunten-lokale-grensnetwerken", "/api/obstacles/{id}"),
    ("/api/obstacles/co2-transport-verenigd-koninkrijk", "/api/obstacles/{id}"),
    ("/api/dossiers", "/api/dossiers"),
    ("/api/dossiers?theme=freight", "/api/dossiers"),
    ("/api/dossiers?status=off-track", "/api/dossiers"),
    ("/api/dossiers?status=unknown", "/api/dossiers"),
    ("/api/dossiers?country=DE", "/api/dossiers"),
    ("/api/dossiers?country=BE&theme=passenger", "/api/dossiers"),
    ("/api/dossiers?limit=3", "/api/dossiers"),
    ("/api/dossiers?body=werkgroep-be-nl", "/api/dossiers"),
    ("/api/documents?kind=joint-declaration&limit=2", "/api/documents"),
    ("/api/documents?year=2026", "/api/documents"),
    ("/api/bodies?kind=working-group", "/api/bodies"),
    ("/api/organisations?country=BE&level=regional", "/api/organisations"),
    ("/api/dossiers/3rx", "/api/dossiers/{id}"),
    ("/api/dossiers/ertms", "/api/dossiers/{id}"),
    ("/api/dossiers/kijfhoek", "/api/dossiers/{id}"),
    ("/api/dossiers/mol-weert", "/api/dossiers/{id}"),
    ("/api/documents", "/api/documents"),
    ("/api/documents/verklaring-2026", "/api/documents/{id}"),
    ("/api/documents/beslisnota-2026", "/api/documents/{id}"),
    ("/api/documents/kamerbrief-goederen-2026", "/api/documents/{id}"),
    ("/api/bodies", "/api/bodies"),
    ("/api/planning", "/api/planning"),
    ("/api/planning?limit=2", "/api/planning"),
    ("/api/meetings/top-2025-gent", "/api/meetings/{id}"),
    ("/api/meetings/politiek-overleg-zomer-2026", "/api/meetings/{id}"),
    ("/api/bodies/politiek-overleg/decisions", "/api/bodies/{id}/decisions"),
    ("/api/bodies/werkgroep-be-nl", "/api/bodies/{id}"),
    ("/api/bodies/politiek-overleg", "/api/bodies/{id}"),
    ("/api/bodies/grensregio-overleg", "/api/bodies/{id}"),
    ("/api/organisations", "/api/organisations"),
    ("/api/investments", "/api/investments"),
    ("/api/goals", "/api/goals"),
    ("/api/popolo.json", "/api/popolo.json"),
    ("/api/portal", "/api/portal"),
    ("/api/milestones", "/api/milestones"),
    ("/api/milestones?dossier=3rx&status=planned&year=2026&limit=2", "/api/milestones"),
    ("/api/milestones?body=werkgroep-be-nl", "/api/milestones"),
    ("/api/agreements", "/api/agreements"),
    ("/api/agreements?document=verklaring-2026&country=BE&completion=not-started", "/api/agreements"),
    ("/api/agreements?year=2025&limit=3", "/api/agreements"),
    ("/api/meetings", "/api/meetings"),
    ("/api/meetings?body=vlaams-nederlandse-top&status=held&year=2018", "/api/meetings"),
    ("/api/agreements/beslisnota-2026-kamerbrief", "/api/agreements/{id}"),
    ("/api/agreements/beslisnota-2026-onderzoek-dossiers", "/api/agreements/{id}"),
    ("/api/network", "/api/network"),
    ("/api/rail-links/mol-weert", "/api/rail-links/{id}"),
    ("/api/rail-links/hsl-antwerpen-breda", "/api/rail-links/{id}"),
    ("/api/stations/weert", "/api/stations/{id}"),
    ("/api/stations/zelzate", "/api/stations/{id}"),
    ("/api/search", "/api/search"),
    ("/api/search?q=3RX", "/api/search"),
    ("/api/search?q=tweemaal+per+jaar&type=document", "/api/search"),
    ("/api/search?q=spoor&body=werkgroep-be-nl&year=2026&country=BE&limit=2&offset=2", "/api/search"),
]

/// A real id for each documented `{id}` path.
let demoIDs = ["/api/dossiers/{id}": "3rx", "/api/documents/{id}": "verklaring-2026", "/api/bodies/{id}": "werkgroep-be-nl",
               "/api/meetings/{id}": "top-2025-gent", "/api/bodies/{id}/decisions": "politiek-overleg",
               "/api/agreements/{id}": "beslisnota-2026-kamerbrief", "/api/rail-links/{id}": "hamont-weert", "/api/stations/{id}": "weert",
               "/api/obstacles/{id}": "co2-transport-verenigd-koninkrijk"]

@Suite("OpenAPI conformance")
struct OpenAPIConformanceTests {
    // MARK: The validator itself

    @Test("The validator accepts a conforming document and rejects wrong ones")
    func validatorRejectsWrongDocuments() throws {
        let validator = SchemaValidator(document: try OpenAPIDocument.load())
        let problem = JSONValue.object(["$ref": .string("#/components/schemas/Problem")])
        let good: [String: JSONValue] = ["type": .string("about:blank"), "title": .string("Not Found"), "status": .integer(404), "detail": .string("no")]
        #expect(validator.errors(.object(good), problem).isEmpty)

        var missing = good
        missing["detail"] = nil
        #expect(validator.errors(.object(missing), problem) == ["$: required property “detail” is missing"])

        var extra = good
        extra["instance"] = .string("/api/dossiers/nope")
        #expect(validator.errors(.object(extra), problem) == ["$: property “instance” is not allowed"])

        var wrongType = good
        wrongType["status"] = .string("404")
        #expect(validator.errors(.object(wrongType), problem).first?.hasPrefix("$.status: expected integer") == true)

        var boolean = good
        boolean["status"] = .bool(true)
        #expect(!validator.errors(.object(boolean), problem).isEmpty, "a boolean is not an integer")

        #expect(!validator.errors(.array([.object(good)]), problem).isEmpty, "an array is not an object")
        #expect(!validator.errors(.null, problem).isEmpty, "null is not an object")
    }

    @Test("The validator follows $ref, items and enum into nested values")
    func validatorNested() throws {
        let validator = SchemaValidator(document: try OpenAPIDocument.load())
        let health = JSONValue.object(["$ref": .string("#/components/schemas/Health")])
        #expect(validator.errors(.string("on-track"), health).isEmpty)
        #expect(validator.errors(.string("sideways"), health).count == 1)

        let link: JSONValue = .object(["id": .string("ienw"), "name": .string("IenW"), "url": .string("/organisations#ienw")])
        let links = JSONValue.object(["type": .string("array"), "items": .object(["$ref": .string("#/components/schemas/Link")])])
        #expect(validator.errors(.array([link, link]), links).isEmpty)
        let errors = validator.errors(.array([link, .object(["id": .string("x"), "name": .integer(3), "url": .string("/")])]), links)
        #expect(errors == ["$[1].name: expected string, found integer 3"])

        // A body summary whose `compliance` is outside the enum, two references deep.
        let body: [String: JSONValue] = [
            "id": .string("b"), "name": .string("B"), "url": .string("/bodies/b"), "kind": .string("summit"), "kindLabel": .string("Top"),
            "cadence": .string("geen vaste regel"), "year": .integer(2026), "compliance": .string("met"), "complianceLabel": .string("gehaald"),
            "explanation": .string(""), "held": .integer(0), "planned": .integer(0), "required": .integer(0),
        ]
        let summary = JSONValue.object(["$ref": .string("#/components/schemas/BodySummary")])
        #expect(validator.errors(.object(body), summary).isEmpty)
        var wrong = body
        wrong["compliance"] = .string("perhaps")
        #expect(validator.errors(.object(wrong), summary).count == 1)
        #expect(validator.errors(.object(wrong), summary).first?.hasPrefix("$.compliance:") == true)

        #expect(validator.errors(.string("x"), .object(["$ref": .string("#/components/schemas/Nope")])) == ["$: cannot resolve $ref \"#/components/schemas/Nope\""])
        #expect(validator.errors(.string("x"), .object(["oneOf": .array([])])) == ["$: unsupported schema keyword “oneOf”"])
        #expect(validator.errors(.string("x"), .object(["type": .string("string"), "x-note": .string("an annotation")])).isEmpty)
        let id = try #require(validator.document.resolve("#/components/parameters/id")?["schema"])
        #expect(validator.errors(.string("3rx"), id).isEmpty)
        #expect(validator.errors(.string("Nope!"), id).count == 1)
    }

    // MARK: The document

    @Test("openapi.yaml is OpenAPI 3.1, every $ref resolves and every schema uses only known keywords")
    func documentIsWellFormed() throws {
        let document = try OpenAPIDocument.load()
        #expect(document.root["openapi"]?.string?.hasPrefix("3.1") == true)
        let references = document.references
        #expect(!references.isEmpty)
        for reference in Set(references) { #expect(document.resolve(reference) != nil, "unresolved \(reference)") }
        let schemas = document.root["components"]?["schemas"]?.object ?? [:]
        #expect(!schemas.isEmpty)
        for (name, schema) in schemas {
            for (path, object) in SchemaValidator.schemaObjects(in: schema, at: "#/components/schemas/\(name)") {
                // An unknown key is usually a YAML slip, e.g. an unquoted comma in a flow-style description.
                let unknown = Set(object.keys).subtracting(SchemaValidator.keywords)
                #expect(unknown.isEmpty, "\(path) has keys that are no schema keywords: \(unknown.sorted())")
            }
        }
        // Every page twin is a GET with a 200 JSON answer; every other operation has a 2xx JSON answer.
        for path in document.pagePaths {
            #expect(document.response(path, status: "200")?.mediaType == "application/json", "\(path)")
        }
        for path in document.paths {
            for (method, operation) in document.root["paths"]?[path]?.object ?? [:] {
                let answers = operation["responses"]?.object ?? [:]
                let success = answers.keys.filter { $0.hasPrefix("2") }
                #expect(!success.isEmpty, "\(method) \(path) has no 2xx answer")
                for status in success {
                    let content = document.dereference(answers[status])?["content"]?.object
                    // Files (tag `files`: CSV, SVG) have their own media type; everything else is JSON.
                    let isFile = operation["tags"]?.array.contains(.string("files")) == true
                    #expect(isFile ? content?.count == 1 : content?.keys.sorted() == ["application/json"], "\(method) \(path) \(status)")
                }
            }
        }
    }

    @Test("Every documented GET path is in the requests validated below")
    func everyPathIsExercised() throws {
        let document = try OpenAPIDocument.load()
        #expect(Set(documentedRequests.map(\.path)) == Set(document.pagePaths))
    }

    // MARK: Real answers

    @Test("The real 200 answers conform to their documented schema", arguments: documentedRequests.map(\.uri))
    func answerConforms(uri: String) async throws {
        let document = try OpenAPIDocument.load()
        let documentedPath = documentedRequests.first { $0.uri == uri }?.path
        let path = try #require(documentedPath, "\(uri) is not a documented request")
        let (mediaType, schema) = try #require(document.response(path, status: "200"))
        let response = try await withDemoApp { try await $0.get(uri) }
        #expect(response.status == .ok)
        #expect(response.headers[.contentType]?.hasPrefix(mediaType) == true)
        let body = try response.json()
        let errors = SchemaValidator(document: document).errors(body, schema)
        #expect(errors.isEmpty, "\(uri) does not conform:\n\(errors.prefix(20).joined(separator: "\n"))")
    }

    @Test("Unknown ids answer the documented 404 problem document", arguments: demoIDs.keys.sorted())
    func notFoundConforms(path: String) async throws {
        let document = try OpenAPIDocument.load()
        let (mediaType, schema) = try #require(document.response(path, status: "404"))
        #expect(mediaType == "application/problem+json")
        let response = try await withDemoApp { try await $0.get(path.replacingOccurrences(of: "{id}", with: "nope")) }
        #expect(response.status == .notFound)
        #expect(response.headers[.contentType] == mediaType)
        let body = try response.json()
        let errors = SchemaValidator(document: document).errors(body, schema)
        #expect(errors.isEmpty, "\(errors)")
        #expect(body["status"]?.int == 404)
    }

    @Test("Every health value the status parameter documents is accepted")
    func statusParameter() async throws {
        let document = try OpenAPIDocument.load()
        let parameters = document.root["paths"]?["/api/dossiers"]?["get"]?["parameters"]?.array ?? []
        let statusParameter = parameters.first { $0["name"]?.string == "status" }
        let status = try #require(statusParameter, "/api/dossiers documents no status parameter")
        let values = document.dereference(status["schema"])?["enum"]?.array.compactMap(\.string) ?? []
        #expect(values == ["on-track", "at-risk", "off-track", "unknown"])
        let validator = SchemaValidator(document: document)
        let schema = try #require(document.response("/api/dossiers", status: "200")?.schema)
        let pages = try await withDemoApp { client in
            var pages: [(String, JSONValue)] = []
            for value in values { pages.append((value, try await client.json("/api/dossiers?status=\(value)"))) }
            return pages
        }
        var total = 0
        for (value, page) in pages {
            #expect(validator.errors(page, schema).isEmpty)
            let allHaveValue = page["dossiers"]?.array.allSatisfy { $0["health"]?.string == value }
            #expect(allHaveValue == true, "status=\(value) lists only dossiers with health \(value)")
            total += page["dossiers"]?.array.count ?? 0
        }
        let all = try await withDemoApp { try await $0.json("/api/dossiers") }
        #expect(total == all["dossiers"]?.array.count, "every dossier has one of the documented health values")
    }

    @Test("openapi.yaml is a valid OpenAPI 3.1 document to a real validator (openapi-spec-validator)")
    func validDocument() async throws {
        let path = PackageFiles.resources + "/openapi.yaml"
        let script = """
        import sys
        from openapi_spec_validator import validate
        from openapi_spec_validator.readers import read_from_filename
        from openapi_spec_validator.validation import OpenAPIV31SpecValidator
        spec, _ = read_from_filename(sys.argv[1])
        validate(spec, cls=OpenAPIV31SpecValidator)
        print("valid", spec["openapi"])
        """
        let output = try await ExternalTools.run("/usr/bin/env", ["python3", "-c", script, path])
        #expect(output.hasPrefix("valid 3.1"), "\(output)")
    }

    // MARK: Routes

    @Test("Every /api route the application answers is documented, and every documented path is a route")
    func routesAreDocumented() async throws {
        let document = try OpenAPIDocument.load()
        let router = try await buildTestRouter(engine: try await demoDatabase.value, configuration: testConfiguration())
        try router.validate()
        // The API, and the files documented beside it (CSV, SVG).
        let filePaths = Set(document.paths.filter { document.root["paths"]?[$0]?["get"]?["tags"]?.array.contains(.string("files")) == true })
        let apiRoutes = router.routes.filter { $0.path.description.hasPrefix("/api/") || filePaths.contains($0.path.description) }
        #expect(!apiRoutes.isEmpty)
        let routes = Set(apiRoutes.map { "\($0.method.rawValue) \($0.path.description)" })
        let documented = Set(document.operations)
        #expect(routes.subtracting(documented).isEmpty, "routes not in openapi.yaml: \(routes.subtracting(documented).sorted())")
        #expect(documented.subtracting(routes).isEmpty, "documented but not routes: \(documented.subtracting(routes).sorted())")
    }

    /// A query that names nothing, for lists whose filters are other than year and window.
    static let badQueries = ["/api/obstacles": "?domain=never"]

    @Test("Every documented answer status is what the route answers")
    func documentedStatuses() async throws {
        let document = try OpenAPIDocument.load()
        var requests: [(uri: String, status: Int, mediaType: String)] = []
        let files = document.paths.filter { document.root["paths"]?[$0]?["get"]?["tags"]?.array.contains(.string("files")) == true }
        #expect(files.count == 14, "seven lists and the investments as CSV, the pivot as CSV, the chart, the Atom feed, the DCAT catalogue and the network map as SVG and PNG")
        for path in document.pagePaths + files {
            // A 503 depends on the machine (no headless Chromium to draw the map's PNG), not on the request.
            for status in document.responses(path).keys.sorted() where status != "503" {
                let id = status == "404" ? "nope" : (demoIDs[path] ?? "")
                let mediaType = try #require(document.response(path, status: status)?.mediaType)
                // A 400 is documented where a query parameter can name nothing: a year that is no year, a window of no records.
                let query = status == "400" ? (Self.badQueries[path] ?? "?year=never&limit=0&variant=never") : ""
                requests.append((path.replacingOccurrences(of: "{id}", with: id) + query, try #require(Int(status)), mediaType))
            }
        }
        #expect(requests.count >= document.pagePaths.count + 3, "a 200 for every path and a 404 for every {id} path")
        let uris = requests.map(\.uri)
        let answers = try await withDemoApp { client in
            var answers: [TestResponse] = []
            for uri in uris { answers.append(try await client.get(uri)) }
            return answers
        }
        for (request, answer) in zip(requests, answers) {
            #expect(answer.status.code == request.status, "GET \(request.uri)")
            #expect(answer.headers[.contentType]?.hasPrefix(request.mediaType) == true, "GET \(request.uri)")
        }
    }

    @Test("Every HTML page route has its JSON twin")
    func everyPageHasATwin() async throws {
        let router = try await buildTestRouter(engine: try await demoDatabase.value, configuration: testConfiguration())
        let paths = Set(router.routes.map(\.path.description))
        let getPaths = Set(router.routes.filter { $0.method == .get }.map(\.path.description))
        // Calendar feeds (.ics), Atom feeds, CSV files and the SVG chart are data formats of their own; sign-in, account and admin pages and
        // empty "new" forms are not register data; an edit form's twin is the record API.
        // The health probes answer machines, not readers.
        let excluded = ["/_ping", "/openapi.yaml", "/health/live", "/health/ready", "/metrics", "/login", "/account", "/admin/changes", "/admin/users", "/extract",
                        // The accessibility statement is a fixed text about the site, not register data.
                        "/accessibility",
                        // The reporter's private status page and the editors' triage page show what no API answers (a contact address, a report as sent).
                        "/obstacles/status/{secret}", "/obstacles/{id}/triage"]
        // Reports are documents of their own (HTML for print, Markdown), built from the same JSON-described records.
        let pages = getPaths.filter { !$0.hasPrefix("/api/") && !excluded.contains($0) && !$0.hasSuffix(".ics") && !$0.hasSuffix(".csv")
            && !$0.hasSuffix(".svg") && !$0.hasSuffix(".png") && !$0.hasSuffix(".atom") && !$0.hasSuffix(".jsonld") && !$0.hasSuffix("/new")
            && !$0.hasSuffix("/report") && !$0.hasSuffix("/report.md") && !$0.hasPrefix("/extract/jobs/") }
        #expect(pages.count >= 9, "\(pages.sorted())")
        for page in pages {
            let twin = page == "/" ? "/api/overview"
                : page.hasSuffix("/members") ? "/api" + page
                : page.hasSuffix("/edit") ? "/api" + page.dropLast("/edit".count) + "/record" : "/api" + page
            #expect(paths.contains(twin), "\(page) has no twin \(twin)")
        }
    }
}
