import DeltaDomain
import DeltaReports
import DeltaServices
import DeltaStore
import Foundation
import HTTPTypes
import Hummingbird

/// Signing in and out, and the account page with personal API tokens.
struct AuthController: Sendable {
    let engine: any DatabaseEngine
    let renderer: Renderer
    let configuration: AppConfiguration

    /// Registers the routes: the sign-in form on `pages` and `loginForm` (form read, its own
    /// double-submit token), signing out on `sessionForms` (the session's token, whoever asks),
    /// the account on `signedIn` and its forms on `forms`.
    func addRoutes(pages: RouterGroup<AppRequestContext>, loginForm: RouterGroup<AppRequestContext>, sessionForms: RouterGroup<AppRequestContext>,
                   signedIn: RouterGroup<AppRequestContext>,
                   forms: RouterGroup<AppRequestContext>, api: RouterGroup<AppRequestContext>) {
        pages.get("login", use: showLogin)
        loginForm.post("login", use: login)
        sessionForms.post("logout", use: logout)
        signedIn.get("account", use: account)
        forms.post("account/tokens", use: createToken)
        forms.post("account/tokens/{tokenID}/revoke", use: revokeToken)
        forms.post("account/feed", use: renewFeed)
        forms.post("account/feed/revoke", use: revokeFeed)
        api.get("me", use: me)
    }

    @Sendable func showLogin(_ request: Request, context: AppRequestContext) async throws -> Response {
        try loginPage(request, context: context, username: "", error: nil, status: .ok)
    }

    @Sendable func logout(_ request: Request, context: AppRequestContext) async throws -> Response {
        if let session = context.identity?.session {
            try await engine.transaction { db in try await AccountStore(db: db).endSession(idHash: session.idHash) }
        }
        var response = Response.seeOther(to: "/")
        response.setCookie(SessionCookie.make(SessionCookie.name, value: "", maxAge: 0, secure: SessionCookie.isSecure(request, configuration: configuration)))
        return response
    }

    @Sendable func account(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await accountPage(context, newSecret: nil, error: nil)
    }

    @Sendable func createToken(_ request: Request, context: AppRequestContext) async throws -> Response {
        let account = try signedIn(context)
        guard let name = try context.requireForm().trimmed("name"), name.count <= 80 else {
            return try await accountPage(context, newSecret: nil, error: context.labels.text("app.account.tokenName"), status: .unprocessableContent)
        }
        let now = configuration.now()
        let created = try await engine.transaction { db in try await AccountStore(db: db).createToken(accountID: account.id, name: name, now: now) }
        // The secret is shown on this response only; it is not stored anywhere readable.
        return try await accountPage(context, newSecret: created.secret, error: nil, status: .created)
    }

    @Sendable func revokeToken(_ request: Request, context: AppRequestContext) async throws -> Response {
        let account = try signedIn(context)
        let tokenID = try context.parameters.require("tokenID")
        let now = configuration.now()
        let revoked = try await engine.transaction { db in try await AccountStore(db: db).revokeToken(id: tokenID, accountID: account.id, now: now) }
        guard revoked else { throw HTTPError(.notFound) }
        return .seeOther(to: "/account")
    }

    @Sendable func renewFeed(_ request: Request, context: AppRequestContext) async throws -> Response {
        let account = try signedIn(context)
        let now = configuration.now()
        let secret = try await engine.transaction { db in try await AccountStore(db: db).renewFeed(accountID: account.id, now: now) }
        let host = request.head.authority.map { "http\(SessionCookie.isSecure(request, configuration: configuration) ? "s" : "")://\($0)" } ?? ""
        return try await accountPage(context, newSecret: nil, error: nil, newFeedURL: "\(host)/feeds/\(secret)/calendar.ics",
                                     newChangesFeedURL: "\(host)/feeds/\(secret)/changes.atom", status: .created)
    }

    @Sendable func revokeFeed(_ request: Request, context: AppRequestContext) async throws -> Response {
        let account = try signedIn(context)
        let now = configuration.now()
        try await engine.transaction { db in try await AccountStore(db: db).revokeFeeds(accountID: account.id, now: now) }
        return .seeOther(to: "/account#feed")
    }

    @Sendable func me(_ request: Request, context: AppRequestContext) async throws -> Response {
        try renderer.json(try signedIn(context))
    }

    /// The account of the request; the route groups let only signed-in requests reach these handlers.
    private func signedIn(_ context: AppRequestContext) throws -> Account {
        guard let account = context.account else { throw AppError(.unauthorized, "error.signInOrToken") }
        return account
    }

    private func accountPage(_ context: AppRequestContext, newSecret: String?, error: String?, newFeedURL: String? = nil, newChangesFeedURL: String? = nil,
                             status: HTTPResponse.Status = .ok) async throws -> Response {
        let account = try signedIn(context)
        let (tokens, hasFeed) = try await engine.read { db in
            (try await AccountStore(db: db).tokens(accountID: account.id), try await AccountStore(db: db).hasFeed(accountID: account.id))
        }
        let page = AccountPage(title: context.labels.text("app.title.account"), username: account.id, displayName: account.displayName, delegation: account.delegation, roleLabel: context.labels.accountRole(account.role),
                               editsBodies: account.editsBodyIDs, editsDossiers: account.editsDossierIDs, tokens: tokens,
                               newTokenSecret: newSecret, tokenError: error, hasFeed: hasFeed, newFeedURL: newFeedURL,
                               newChangesFeedURL: newChangesFeedURL)
        return try renderer.html("account", PageFrame(page: page, path: "/account", context: context), status: status)
    }

    /// The sign-in form, with a fresh pre-session CSRF token in a cookie and in the form (double submit).
    private func loginPage(_ request: Request, context: AppRequestContext, username: String, error: String?, status: HTTPResponse.Status) throws -> Response {
        let token = Secrets.random()
        let next = Self.safeNext(request.uri.queryParameters["next"].map(String.init))
        var response = try renderer.html("login", PageFrame(page: LoginPage(title: context.labels.text("app.title.login"), csrfToken: token, next: next, username: username, error: error),
                                                            path: "/login", context: context), status: status)
        response.setCookie(SessionCookie.make(SessionCookie.loginCSRFName, value: token, maxAge: 3600, secure: SessionCookie.isSecure(request, configuration: configuration)))
        return response
    }

    /// Counts this sign-in attempt for every key in one transaction and decides on the attempts
    /// before it: how long to wait, and whether a key is locked.
    private func countAttempt(keys: [(String, LoginThrottle)], now: Date) async throws -> (delay: Double, locked: Bool) {
        let states = try await engine.transaction { db in
            var states: [(earlierFailures: Int, lockedUntil: Double?)] = []
            for (key, rules) in keys { states.append(try await AccountStore(db: db).countAttempt(key: key, now: now, throttle: rules)) }
            return states
        }
        var delay = 0.0
        var locked = false
        for ((_, rules), state) in zip(keys, states) {
            switch rules.decide(failures: state.earlierFailures, lockedUntil: state.lockedUntil, now: now.timeIntervalSince1970) {
            case .locked: locked = true
            case .proceed(let seconds): delay = max(delay, seconds)
            }
        }
        return (delay, locked)
    }

    /// Only local paths are followed after sign-in, so the form cannot send anyone elsewhere.
    static func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\"), !next.contains("\r"), !next.contains("\n") else { return "/" }
        return next
    }

    @Sendable func login(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try context.requireForm()
        guard let cookie = request.cookies[SessionCookie.loginCSRFName]?.value, let given = form["_csrf"],
              Secrets.constantTimeEqual(cookie, given) else {
            throw AppError(.forbidden, "error.loginFormExpired")
        }
        let username = (form.trimmed("username") ?? "").lowercased()
        let password = form["password"] ?? ""
        let now = configuration.now()
        let throttle = configuration.loginThrottle
        // Per account name and per address (with a larger allowance); the strictest decides. The
        // attempt is counted before the password is checked, in one transaction, so parallel
        // attempts each see the ones before them; a success gives its attempt back.
        let keys = [("account:\(username)", throttle), ("address:\(context.remoteAddress ?? "unknown")", throttle.forAddresses)]
        let (delay, locked) = try await countAttempt(keys: keys, now: now)
        if delay > 0, configuration.loginDelayScale > 0 { try await Task.sleep(for: .seconds(delay * configuration.loginDelayScale)) }
        let credentials = try await engine.read { db in try await AccountStore(db: db).credentials(id: username) }
        // Always run bcrypt, also for unknown names and locked keys, so timing tells nothing.
        let matches = try await Passwords.verify(password, hash: credentials?.passwordHash ?? Passwords.decoyHash)
        guard !locked, matches, let account = credentials?.account, !account.disabled else {
            return try loginPage(request, context: context, username: username, error: context.labels.text("app.login.failed"), status: .unauthorized)
        }
        let idle = configuration.sessionIdleSeconds
        let previous = context.identity?.session
        // A new session id at every sign-in, so a planted cookie never becomes a signed-in session.
        let session = try await engine.transaction { db in
            let store = AccountStore(db: db)
            try await store.clearFailures(key: keys[0].0)
            try await store.forgiveAttempt(key: keys[1].0, throttle: keys[1].1)
            if let previous { try await store.endSession(idHash: previous.idHash) }
            try await store.purgeExpiredSessions(now: now)
            return try await store.startSession(accountID: account.id, now: now, idleSeconds: idle)
        }
        let secure = SessionCookie.isSecure(request, configuration: configuration)
        var response = Response.seeOther(to: Self.safeNext(form["next"]))
        response.setCookie(SessionCookie.make(SessionCookie.name, value: session.id, maxAge: nil, secure: secure))
        response.setCookie(SessionCookie.make(SessionCookie.loginCSRFName, value: "", maxAge: 0, secure: secure))
        return response
    }
}
