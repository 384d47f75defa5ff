import DeltaDomain
import DeltaStore
import DeltaWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Every route the router has × every persona → the status the route must answer.
///
/// The routes come from the router itself, so a route added without a line here fails the test.
/// State-changing requests are sent with the persona's valid CSRF token and an empty form: 422
/// ("invalid input") proves the request got past authorization without changing anything.
@Suite("Authorization matrix")
struct AuthorizationMatrixTests {
    /// A record of every kind that editorInScope may edit and editorOutOfScope may not.
    /// editorInScope edits the bodies werkgroep-3rx and politiek-overleg and the dossier kijfhoek; since
    /// the demo data hangs 3RX under werkgroep-be-nl, her dossier is kijfhoek, her milestone one that
    /// kijfhoek shares, her agreement the 2018 one placed at werkgroep-3rx and her meeting a planned
    /// one of politiek-overleg. No demo goal-tree node is in her scope, so the test adds a measure
    /// carried out by kijfhoek and an indicator of it (`addScopedGoal`).
    static let ids: [String: String] = [
        "milestones": "kamerdebat-spoorgoederenvervoer-2026", "dossiers": "kijfhoek", "meetings": "politiek-overleg-zomer-2026",
        "organisations": "ienw", "investments": "kamerbrief-2026-kijfhoek", "documents": "verklaring-2026",
        "agreements": "top-2018-3rx", "bodies": "werkgroep-3rx", "allocation-regimes": "nl-mobiliteitsfonds",
        "goals": "matrix-maatregel-kijfhoek", "indicators": "matrix-indicator-kijfhoek", "rail-links": "hamont-weert",
        "stations": "weert", "extract": "no-such-job", "obstacles": "matrix-belemmering",
    ]

    /// A measure carried out by kijfhoek (editorInScope's dossier) under a demo priority, and an indicator of it.
    static func addScopedGoal(_ engine: any DatabaseEngine) async throws {
        let actor = AuditActor(name: "test", via: "cli")
        try await engine.transaction { db in
            let editor = RecordEditor(db: db, actor: actor)
            try await editor.save(Goal(id: "matrix-maatregel-kijfhoek", level: .measure, parentID: "prioriteit-2-corridors",
                                       title: "Kijfhoek toekomstbestendig", dossierIDs: ["kijfhoek"]), expectedVersion: nil)
            try await editor.save(Indicator(id: "matrix-indicator-kijfhoek", goalID: "matrix-maatregel-kijfhoek", title: "Sporen",
                                            unit: "sporen"), expectedVersion: nil)
            // An obstacle linked to her body werkgroep-3rx, published so that everyone reads its page.
            try await editor.save(Obstacle(id: "matrix-belemmering", title: "Belemmering", description: "Wat er gebeurt.", domain: .transportAndMobility,
                                           status: .analysed, statusReason: "Geanalyseerd.", bodyIDs: ["werkgroep-3rx"], visibility: .public),
                                  expectedVersion: nil)
        }
    }
    /// Shared reference records every editor may edit.
    static let sharedKinds: Set<String> = ["organisations", "documents", "allocation-regimes", "rail-links"]
    /// Records placed in no dossier or body that only administrators edit (none at present).
    static let adminOnlyKinds: Set<String> = []

    /// What a route demands, by "METHOD pattern".
    enum Rule {
        case everyone(Int)
        case signedInPage(Int)
        case signedInAPI
        case adminPage
        case newForm, newPost, apiCreate
        /// A signed-in editor's own thing by id (an upload's status page): others are refused, an unknown id is 404.
        case editorLookup
        case editForm(String), editPost(String), apiEdit(String)
        /// A state-changing form on a record of a scoped kind; `Int` is what an allowed empty post answers.
        case scopedPost(String, Int)
        case login, logout
    }

    static func rule(_ method: HTTPRequest.Method, _ path: String) -> Rule? {
        let parts = path.split(separator: "/").map(String.init)
        let segment = parts.first.map { $0 == "api" ? (parts.count > 1 ? parts[1] : "") : $0 } ?? ""
        switch (method, path) {
        case (.get, "/login"): return .everyone(200)
        case (.post, "/login"): return .login
        case (.post, "/logout"): return .logout
        case (.get, "/account"): return .signedInPage(200)
        case (.post, "/account/tokens"): return .signedInPage(422)
        case (.post, "/account/feed"): return .signedInPage(201)
        case (.post, "/account/feed/revoke"): return .signedInPage(303)
        case (.get, "/feeds/{secret}/calendar.ics"): return .everyone(404)
        case (.get, "/feeds/{secret}/changes.atom"): return .everyone(404)
        case (.post, "/account/tokens/{tokenID}/revoke"): return .signedInPage(404)
        case (.get, "/api/me"), (.get, "/api/dossiers/{id}/notes"): return .signedInAPI
        case (.post, "/dossiers/{id}/notes"): return .signedInPage(422)
        case (.get, "/admin/changes"), (.get, "/admin/users"): return .adminPage
        // Bringing in a document: a form page and its posts, for every editor.
        case (.get, "/extract"): return .newForm
        case (.post, "/extract"), (.post, "/extract/accept"): return .newPost
        case (.get, "/extract/jobs/{id}"): return .editorLookup
        case (.get, "/bodies/{id}/members"): return .editForm("bodies")
        case (.post, "/bodies/{id}/members"), (.post, "/bodies/{id}/members/remove"): return .editPost("bodies")
        case (.put, "/api/bodies/{id}/members"): return .apiEdit("bodies")
        case (.post, "/meetings/{id}/invitees"): return .scopedPost("meetings", 303)
        // The obstacle register: the intake has its own token (none here: 403, the form given back), a
        // status link nobody was given is unknown, triage is for those who may edit the obstacle.
        case (.post, "/obstacles/report"): return .everyone(403)
        case (.get, "/obstacles/status/{secret}"): return .everyone(404)
        case (.get, "/obstacles/{id}/triage"): return .editForm("obstacles")
        case (.post, "/obstacles/{id}/messages"): return .scopedPost("obstacles", 422)
        default: break
        }
        if method == .get, path.hasSuffix("/new") { return .newForm }
        if method == .post, path.hasSuffix("/new") { return .newPost }
        if method == .get, path.hasSuffix("/{id}/edit") { return .editForm(segment) }
        if method == .post, path.hasSuffix("/{id}/edit") { return .editPost(segment) }
        if method == .put, path.hasSuffix("/{id}/record") { return .apiEdit(segment) }
        if method == .post, path.hasPrefix("/meetings/{id}/") { return .scopedPost("meetings", 422) }
        if method == .post, path.hasPrefix("/api/"), parts.count == 2 { return .apiCreate }
        if method == .get, path.hasPrefix("/api/"), path.hasSuffix("/history") { return .signedInAPI }
        if method == .get, path.hasSuffix("/history") { return .signedInPage(200) }
        if method == .get { return .everyone(200) }
        return nil
    }

    static func expected(_ rule: Rule, _ persona: Persona) -> Int {
        let anonymous = persona == .anonymous
        let editor = persona == .editorInScope || persona == .editorOutOfScope || persona == .admin
        func scoped(_ segment: String, allowed: Int) -> Int {
            if anonymous { return 303 }
            switch persona {
            case .admin: return allowed
            case .editorInScope: return adminOnlyKinds.contains(segment) ? 403 : allowed
            case .editorOutOfScope: return sharedKinds.contains(segment) ? allowed : 403
            default: return 403
            }
        }
        switch rule {
        case .everyone(let status): return status
        case .signedInPage(let status): return anonymous ? 303 : status
        case .signedInAPI: return anonymous ? 401 : 200
        case .adminPage: return anonymous ? 303 : (persona == .admin ? 200 : 403)
        case .newForm: return anonymous ? 303 : (editor ? 200 : 403)
        case .editorLookup: return anonymous ? 303 : (editor ? 404 : 403)
        case .newPost: return anonymous ? 303 : (editor ? 422 : 403)
        case .apiCreate: return anonymous ? 401 : (editor ? 422 : 403)
        case .editForm(let segment): return scoped(segment, allowed: 200)
        case .editPost(let segment): return scoped(segment, allowed: 422)
        case .scopedPost(let segment, let allowed): return scoped(segment, allowed: allowed)
        case .apiEdit(let segment): return anonymous ? 401 : scoped(segment, allowed: 422)
        case .login: return 403
        case .logout: return anonymous ? 403 : 303
        }
    }

    @Test("every route answers every persona as the rules say")
    func matrix() async throws {
        let failures = try await withAccountsApp { client, engine -> [String] in
            try await Self.addScopedGoal(engine)
            let router = try await buildTestRouter(engine: engine, configuration: testConfiguration())
            let routes = router.routes.map { (method: $0.method, path: $0.path.description) }
                .sorted { ($0.path, $0.method.rawValue) < ($1.path, $1.method.rawValue) }
            var failures: [String] = []
            var checked = 0
            for persona in Persona.allCases {
                // A fresh sign-in per persona and route keeps logout from ending the next request's session.
                for route in routes {
                    guard let rule = Self.rule(route.method, route.path) else {
                        failures.append("\(route.method) \(route.path) has no rule in the authorization matrix")
                        continue
                    }
                    let browser = Browser(client)
                    if let account = persona.account {
                        try await browser.signIn(account.id)
                        try await browser.get("/account")
                    }
                    var uri = route.path.replacingOccurrences(of: "{tokenID}", with: "no-such-token")
                        .replacingOccurrences(of: "{outcomeID}", with: "no-such-outcome")
                        .replacingOccurrences(of: "{secret}", with: "no-such-feed")
                    if uri.contains("{id}") {
                        let segment = uri.split(separator: "/").map(String.init).first { $0 != "api" } ?? ""
                        guard let id = Self.ids[segment] else { failures.append("no demo id for \(route.path)"); continue }
                        uri = uri.replacingOccurrences(of: "{id}", with: id)
                    }
                    let response: TestResponse
                    switch route.method {
                    case .get: response = try await browser.get(uri)
                    case .post where uri.hasPrefix("/api/"): response = try await browser.send(.post, uri, json: #"{"fields":{}}"#)
                    case .post: response = try await browser.post(uri, ["version": "1"])
                    case .put: response = try await browser.send(.put, uri, json: #"{"fields":{}}"#, ifMatch: "\"1\"")
                    default: failures.append("\(route.method) \(route.path): method not covered"); continue
                    }
                    let want = Self.expected(rule, persona)
                    checked += 1
                    if Int(response.status.code) != want {
                        failures.append("\(persona.rawValue): \(route.method) \(uri) answered \(response.status.code), expected \(want)")
                    }
                }
            }
            if checked < routes.count * Persona.allCases.count / 2 { failures.append("only \(checked) requests were checked") }
            return failures
        }
        #expect(failures.isEmpty, "\(failures.count) mismatches:\n\(failures.prefix(40).joined(separator: "\n"))")
    }

    @Test("the matrix rules know the difference: an out-of-scope editor is refused a milestone but not an organisation")
    func rulesDiffer() {
        #expect(Self.expected(.editForm("milestones"), .editorOutOfScope) == 403)
        #expect(Self.expected(.editForm("organisations"), .editorOutOfScope) == 200)
        #expect(Self.expected(.editForm("milestones"), .editorInScope) == 200)
        #expect(Self.expected(.adminPage, .reader) == 403)
        #expect(Self.rule(.delete, "/dossiers/{id}") == nil)
    }
}
