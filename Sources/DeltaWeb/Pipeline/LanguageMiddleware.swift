import DeltaReports
import Foundation
import HTTPTypes
import Hummingbird

/// Chooses the language of the answer: `?lang=` (remembered in a cookie for a year), else the
/// cookie, else the browser's `Accept-Language`, else Dutch. Sets the request's labels and tells
/// caches that answers vary by language.
struct LanguageMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let catalogues: Catalogues
    let configuration: AppConfiguration

    static let cookieName = "deltaberaad_lang"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        let query = request.uri.queryParameters
        context.requestTarget = RequestTarget(path: request.uri.path, query: query.map { (String($0.key), String($0.value)) })
        let asked = query["lang"].flatMap { Language(code: String($0)) }
        let remembered = request.cookies[Self.cookieName].flatMap { Language(code: $0.value) }
        let language = asked ?? remembered
            ?? request.headers[.acceptLanguage].flatMap(Language.negotiate(acceptLanguage:)) ?? .standard
        context.labels = Labels(catalogues[language])
        var response = try await next(request, context)
        if let asked, asked != remembered {
            let cookie = Cookie(name: Self.cookieName, value: asked.rawValue, maxAge: 365 * 24 * 60 * 60, path: "/",
                                secure: SessionCookie.isSecure(request, configuration: configuration), httpOnly: true, sameSite: .lax)
            response.setCookie(cookie)
        }
        response.headers[values: .vary] = ["Accept-Language", "Cookie"]
        return response
    }
}
