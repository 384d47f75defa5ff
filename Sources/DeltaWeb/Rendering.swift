import Foundation
import HTTPTypes
import Hummingbird
import Mustache

/// Renders mustache templates (HTML-escaped by default) and JSON bodies.
public struct Renderer: Sendable {
    let library: MustacheLibrary

    /// Loads every `*.mustache` file from `directory`.
    public init(directory: String) async throws {
        library = try await MustacheLibrary(directory: directory)
    }

    /// An HTML page from a template and a view model.
    func html(_ template: String, _ model: some Encodable & Sendable, status: HTTPResponse.Status = .ok) throws -> Response {
        guard let text = library.render(try TemplateValues.tree(model), withTemplate: template) else {
            throw HTTPError(.internalServerError, message: "template \(template) is missing")
        }
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.contentSecurityPolicy] = "default-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'"
        headers[.xContentTypeOptions] = "nosniff"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
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
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(data: try Self.encoder.encode(model))))
    }

    /// An RFC 9457 problem document.
    func problem(_ status: HTTPResponse.Status, title: String, detail: String) throws -> Response {
        var response = try json(ProblemDocument(type: "about:blank", title: title, status: status.code, detail: detail), status: status)
        response.headers[.contentType] = "application/problem+json"
        return response
    }
}

extension Renderer {
    /// A problem document with extension members.
    func problemDocument(_ problem: some Encodable, status: HTTPResponse.Status) throws -> Response {
        var response = try json(problem, status: status)
        response.headers[.contentType] = "application/problem+json"
        return response
    }
}

/// An RFC 9457 problem details document.
struct ProblemDocument: Codable, Sendable {
    let type: String
    let title: String
    let status: Int
    let detail: String
}

extension HTTPField.Name {
    static let contentSecurityPolicy = Self("Content-Security-Policy")!
    static let xContentTypeOptions = Self("X-Content-Type-Options")!
}
