import HTTPTypes
import Hummingbird

/// Answers a `GET` or `HEAD` whose `If-None-Match` names the answer's current `ETag` with
/// 304 Not Modified and no body (RFC 9110 §13.1.2), so a client or cache that already holds the
/// page, the JSON or the file need not fetch it again.
///
/// The answer is still built to learn its tag: this saves the transfer, not the work. The
/// headers a 304 must repeat (`ETag`, `Cache-Control`, `Vary`, …) are kept; the body's are dropped.
struct ConditionalGetMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let response = try await next(request, context)
        guard request.method == .get || request.method == .head, response.status == .ok,
              let tag = response.headers[.eTag],
              Self.matches(request.headers[values: .ifNoneMatch], tag: tag) else { return response }
        var headers = response.headers
        for name in [HTTPField.Name.contentLength, .contentType, .contentDisposition] { headers[name] = nil }
        return Response(status: .notModified, headers: headers)
    }

    /// Whether an `If-None-Match` list names `tag`, by the weak comparison the header uses
    /// (`W/` prefixes ignored), or is `*`.
    static func matches(_ values: [String], tag: String) -> Bool {
        func opaque(_ text: Substring) -> Substring {
            let trimmed = text.trimmingPrefix(while: { $0 == " " || $0 == "\t" })
            let bare = trimmed.hasPrefix("W/") ? trimmed.dropFirst(2) : trimmed
            return bare.trimmingSuffix(while: { $0 == " " || $0 == "\t" })
        }
        let wanted = opaque(tag[...])
        for value in values {
            for candidate in value.split(separator: ",") {
                let item = opaque(candidate)
                if item == "*" || item == wanted { return true }
            }
        }
        return false
    }
}

private extension Substring {
    func trimmingPrefix(while predicate: (Character) -> Bool) -> Substring { self.drop(while: predicate) }
    func trimmingSuffix(while predicate: (Character) -> Bool) -> Substring {
        var end = endIndex
        while end > startIndex, predicate(self[index(before: end)]) { end = index(before: end) }
        return self[startIndex..<end]
    }
}
