import DeltaDomain
import DeltaReports
import DeltaStore
import Foundation
import HTTPTypes
import Hummingbird
import NIOFoundationEssentialsCompat

/// Finds out who is asking: a session cookie, or `Authorization: Bearer <token>` for the API.
///
/// A bad or expired credential is not an error here: the request goes on as anonymous and the
/// route decides (a page shows less; an editing route refuses).
struct IdentityMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let engine: any DatabaseEngine
    let configuration: AppConfiguration

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        let now = configuration.now()
        if let authorization = request.headers[.authorization], authorization.lowercased().hasPrefix("bearer ") {
            let secret = String(authorization.dropFirst("bearer ".count)).trimmingCharacters(in: .whitespaces)
            if let found = try await engine.read({ db in try await AccountStore(db: db).account(forToken: secret) }) {
                context.identity = Identity(account: found.account, session: nil, tokenID: found.tokenID)
                // Its last use is written at most once a minute: most API calls stay reads.
                if AccountStore.isTokenUseDue(lastUsedAt: found.lastUsedAt, now: now) {
                    try await engine.transaction { db in try await AccountStore(db: db).touchToken(id: found.tokenID, now: now) }
                }
            } else {
                return try problem(.unauthorized, context.labels.text("error.unknownToken"), labels: context.labels)
            }
        } else if let sessionID = request.cookies[SessionCookie.name]?.value, !sessionID.isEmpty {
            // Looking the session up is a read: a page view does not take SQLite's write lock. Its
            // use is written (extending it) at most once a minute, in a short transaction of its own.
            if let session = try await engine.read({ db in try await AccountStore(db: db).session(id: sessionID, now: now) }) {
                context.identity = Identity(account: session.account, session: session, tokenID: nil)
                if session.isDueForRenewal(at: now) {
                    let idle = configuration.sessionIdleSeconds
                    try await engine.transaction { db in try await AccountStore(db: db).renew(session, now: now, idleSeconds: idle) }
                }
            }
        }
        return try await next(request, context)
    }

    private func problem(_ status: HTTPResponse.Status, _ detail: String, labels: Labels) throws -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/problem+json"
        headers[.wwwAuthenticate] = "Bearer"
        let body = try Renderer.encoder.encode(ProblemDocument(type: "about:blank", title: Renderer.statusTitle(status, labels: labels), status: status.code, detail: detail))
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(data: body)))
    }
}

extension HTTPField.Name {
    static let xCSRFToken = Self("X-CSRF-Token")!
}
