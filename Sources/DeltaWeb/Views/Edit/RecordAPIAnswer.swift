import DeltaDomain
import DeltaReports
import DeltaServices
import DeltaStore
import Foundation
import HTTPTypes
import Hummingbird

/// The JSON side of a record save: the record with its `ETag`, or a problem document naming the
/// invalid fields, or a 409 with both versions.
struct RecordAPIAnswer<F: RecordForm>: Sendable {
    let renderer: Renderer

    func answer(_ result: SaveResult<F.Record>, id: String, values: [String: String], expected: EntityVersion?,
                status: HTTPResponse.Status, labels: Labels) throws -> Response {
        let kind = F.Record.recordKind.rawValue
        switch result {
        case .saved(let record, let version):
            var response = try renderer.json(RecordDocument(F.self, record, version: version), status: status)
            response.headers[.eTag] = version.etag
            if status == .created { response.headers[.location] = "/api/\(F.segment)/\(record.id)/record" }
            return response
        case .invalid(let errors):
            return try renderer.invalidProblem(errors, labels: labels)
        case .conflict(let current, let version, _):
            var problem = DetailedProblem(type: "about:blank", title: Renderer.statusTitle(.conflict, labels: labels), status: 409,
                                          detail: labels.text("error.conflict", ["kind": labels.recordKind(kind), "yours": expected?.value ?? "",
                                                                                 "current": version.value, "etag": version.etag]))
            problem.currentVersion = version.number
            problem.current = RecordDocument(F.self, current, version: version)
            problem.yours = RecordDocument(kind: kind, id: id, version: expected?.number ?? 0, fields: values)
            var response = try renderer.problemDocument(problem, status: .conflict)
            response.headers[.eTag] = version.etag
            return response
        }
    }
}

extension RecordDocument {
    /// A record as the API shows it: its form fields and version.
    init<F: RecordForm>(_ form: F.Type, _ record: F.Record, version: EntityVersion) {
        self.init(kind: F.Record.recordKind.rawValue, id: record.id, version: version.number ?? 0, fields: F.values(of: record))
    }
}

extension RecordInput {
    /// The JSON body of a record write: `{"id": …, "fields": {…}}` and nothing else, as
    /// openapi.yaml says (`additionalProperties: false`); nil for anything else (the caller
    /// answers 422 with the reason under `_body`).
    static func decode(_ request: Request, context: AppRequestContext) async throws -> RecordInput? {
        let data = Data(try await request.body.collect(upTo: context.maxUploadSize).readableBytesView)
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              Set(object.keys).isSubset(of: ["id", "fields"]) else { return nil }
        return try? JSONDecoder().decode(RecordInput.self, from: data)
    }
}
