import DeltaReports
import Foundation
import HTTPTypes
import Hummingbird
import Mustache
import NIOFoundationEssentialsCompat

/// Renders mustache templates (HTML-escaped by default) and JSON bodies.
public struct Renderer: Sendable {
    let library: MustacheLibrary
    /// The fixed texts of every language.
    let catalogues: Catalogues

    /// Loads every `*.mustache` file from `resources/templates` and the catalogues from `resources/locales`.
    public init(resources: String) async throws {
        library = try await MustacheLibrary(directory: resources + "/templates")
        catalogues = try Catalogues.load(directory: resources + "/locales")
    }

    /// An HTML page from a template and a page in its frame; the template also sees `t`, the
    /// catalogue of the page's language (`{{t.nav.dossiers}}`).
    func html<Page: Encodable & Sendable>(_ template: String, _ frame: PageFrame<Page>, status: HTTPResponse.Status = .ok) throws -> Response {
        var values = try TemplateValues.tree(frame) as? [String: Any] ?? [:]
        values["t"] = catalogues[frame.language].tree.value
        guard let text = library.render(values, withTemplate: template) else {
            throw HTTPError(.internalServerError, message: "template \(template) is missing")
        }
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.contentSecurityPolicy] = "default-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'"
        headers[.xContentTypeOptions] = "nosniff"
        return Response.tagged(headers: headers, body: ByteBuffer(string: text), status: status)
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// A JSON body of a Codable model.
    func json(_ model: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        headers[.xContentTypeOptions] = "nosniff"
        return Response.tagged(headers: headers, body: ByteBuffer(data: try Self.encoder.encode(model)), status: status)
    }

    /// An RFC 9457 problem document in the reader's language: the title names the status
    /// (`error.status.<code>`), the detail says what to do.
    func problem(_ status: HTTPResponse.Status, detail: String, labels: Labels) throws -> Response {
        try problem(status, title: Self.statusTitle(status, labels: labels), detail: detail)
    }

    /// The name of a status in the reader's language.
    static func statusTitle(_ status: HTTPResponse.Status, labels: Labels) -> String {
        let key = "error.status.\(status.code)"
        return labels.catalogue.has(key) ? labels.text(key) : status.reasonPhrase
    }

    /// An RFC 9457 problem document.
    func problem(_ status: HTTPResponse.Status, title: String, detail: String) throws -> Response {
        var response = try json(ProblemDocument(type: "about:blank", title: title, status: status.code, detail: detail), status: status)
        response.headers[.contentType] = "application/problem+json"
        return response
    }
}

extension Renderer {
    /// The 422 problem document of a save that was refused field by field, with the messages in `errors`.
    func invalidProblem(_ errors: [String: String], labels: Labels) throws -> Response {
        var problem = DetailedProblem(type: "about:blank", title: Self.statusTitle(.unprocessableContent, labels: labels), status: 422,
                                      detail: labels.text("error.invalidFields"))
        problem.errors = errors
        return try problemDocument(problem, status: .unprocessableContent)
    }

    /// A problem document with extension members.
    func problemDocument(_ problem: some Encodable, status: HTTPResponse.Status) throws -> Response {
        var response = try json(problem, status: status)
        response.headers[.contentType] = "application/problem+json"
        return response
    }
}

extension HTTPField.Name {
    static let contentSecurityPolicy = Self("Content-Security-Policy")!
    static let xContentTypeOptions = Self("X-Content-Type-Options")!
}

extension Labels {
    /// The name of a kind of record ("dossier", "milestone", …) in the reader's language.
    func recordKind(_ kind: String) -> String { text("kind.\(kind)") }
}
