import HTTPTypes
import Hummingbird

/// Headers every answer carries, pages, API, static files, `/_ping` and error pages alike:
/// - `X-Content-Type-Options: nosniff`, so a browser never guesses a type;
/// - `Referrer-Policy: same-origin`, so a dossier's address never leaves the site in a link;
/// - `Cache-Control: private, no-store` on answers to a signed-in request (a session cookie or
///   a bearer token) and on personal feeds, so nothing a person may see is kept by a shared cache or on disk;
/// - on every other successful answer `Cache-Control: public, no-cache`: anyone may keep the public
///   register, but must ask again (`If-None-Match`, answered with 304 when nothing changed) before
///   showing it, so a correction is never hidden behind a stale copy (`LanguageMiddleware` adds the `Vary`).
///
/// It is the outermost middleware, so error pages get the headers too.
struct SecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        // A refusal for overload or an unavailable database says when to come back.
        if response.status == .serviceUnavailable, response.headers[.retryAfter] == nil { response.headers[.retryAfter] = "1" }
        response.headers[.xContentTypeOptions] = "nosniff"
        if response.headers[.referrerPolicy] == nil { response.headers[.referrerPolicy] = "same-origin" }
        // A personal calendar feed is reached by its secret address, without a cookie.
        let signedIn = request.headers[.authorization] != nil || request.uri.path.hasPrefix("/feeds/")
            || request.headers[values: .cookie].contains { $0.contains(SessionCookie.name + "=") }
        if signedIn {
            response.headers[.cacheControl] = "private, no-store"
        } else if response.status == .ok || response.status == .notModified, response.headers[.cacheControl] == nil {
            response.headers[.cacheControl] = "public, no-cache"
        }
        return response
    }
}

extension HTTPField.Name {
    static let referrerPolicy = Self("Referrer-Policy")!
}
