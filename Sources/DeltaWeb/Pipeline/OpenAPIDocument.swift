import DeltaReports
import DeltaServices
import DeltaStore
import Foundation
import Hummingbird
import Logging
import NIOCore
import NIOFoundationEssentialsCompat

/// The OpenAPI description, served as written.
enum OpenAPIDocument {
    static func response(resources: String) throws -> Response {
        guard let data = FileManager.default.contents(atPath: resources + "/openapi.yaml") else { throw HTTPError(.notFound) }
        var headers = HTTPFields()
        headers[.contentType] = "application/yaml; charset=utf-8"
        return Response.tagged(headers: headers, body: ByteBuffer(data: data))
    }
}
