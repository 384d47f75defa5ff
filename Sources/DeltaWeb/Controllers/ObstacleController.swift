import DeltaDomain
import DeltaReports
import DeltaServices
import DeltaStore
import Foundation
import HTTPTypes
import Hummingbird

/// The cross-border obstacle register: the public list and pages with their JSON twins, the
/// public intake form and the reporter's status page, and the editors' triage page with the
/// messages to the reporter. Editing the record itself goes through `RecordController<ObstacleForm>`.
struct ObstacleController: Sendable {
    let engine: any DatabaseEngine
    let renderer: Renderer
    let configuration: AppConfiguration

    /// The intake form's own double-submit token (no session: the form is for everyone).
    static let csrfCookie = "deltaberaad_intake_csrf"
    /// The longest message to a reporter.
    static let messageLimit = 4_000

    /// Registers the routes: reads on `pages` and `api`, the intake post on `anonymousForms` (form
    /// read, no session token: it checks its own), triage on `signedIn` and its post on `forms`.
    func addRoutes(pages: RouterGroup<AppRequestContext>, api: RouterGroup<AppRequestContext>, anonymousForms: RouterGroup<AppRequestContext>,
                   signedIn: RouterGroup<AppRequestContext>, forms: RouterGroup<AppRequestContext>) {
        pages.get("obstacles") { request, context in try renderer.html("obstacles", PageFrame(page: try await list(request, context), path: "/obstacles", context: context)) }
        api.get("obstacles") { request, context in try renderer.json(try await list(request, context)) }
        pages.get("obstacles/report", use: reportForm)
        anonymousForms.post("obstacles/report", use: report)
        pages.get("obstacles/status/{secret}", use: status)
        pages.get("obstacles/{id}") { _, context in
            let id = try context.parameters.require("id")
            guard let model = try await page(id: id, context) else {
                return try renderer.html("not-found", PageFrame(page: NotFoundPage(kind: "obstacle", id: id, labels: context.labels), path: "/obstacles", context: context),
                                         status: .notFound)
            }
            return try renderer.html("obstacle", PageFrame(page: model, path: "/obstacles", context: context))
        }
        api.get("obstacles/{id}") { _, context in
            let id = try context.parameters.require("id")
            guard let model = try await page(id: id, context) else {
                return try renderer.problem(.notFound, detail: context.labels.text("error.noRecord", ["kind": context.labels.recordKind("obstacle"), "id": id]),
                                            labels: context.labels)
            }
            return try renderer.json(model)
        }
        signedIn.get("obstacles/{id}/triage") { _, context in try await triagePage(context, message: "", error: nil) }
        forms.post("obstacles/{id}/messages", use: sendMessage)
    }

    // MARK: Reading

    private func list(_ request: Request, _ context: AppRequestContext) async throws -> ObstacleListPage {
        let query = QueryReader(request)
        let region = try query.value("region")
        guard (region?.count ?? 0) <= 200 else { throw AppError(.badRequest, "error.badParameter", ["parameter": "region", "value": String(region?.prefix(40) ?? "")]) }
        let filter = ObstacleFilter(domain: try query.coded("domain", ObstacleDomain.self), status: try query.coded("status", ObstacleStatus.self), region: region)
        let scope = context.readScope
        return try await engine.read { db in try await Register(db: db, scope: scope).obstacleListPage(filter: filter, labels: context.labels) }
    }

    private func page(id: String, _ context: AppRequestContext) async throws -> ObstaclePage? {
        let scope = context.readScope
        return try await engine.read { db in try await Register(db: db, scope: scope).obstaclePage(id: id, account: context.account, labels: context.labels) }
    }

    // MARK: Intake

    private var intake: ObstacleIntake {
        ObstacleIntake(engine: engine, rules: configuration.obstacleIntake, stampKey: configuration.formStampKey)
    }

    @Sendable func reportForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        try reportPage(request, context: context, values: [:], errors: [:], status: .ok)
    }

    @Sendable func report(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try context.requireForm()
        // Whatever is refused, the person gets the form back as they filled it in (but the honeypot).
        var values = form.allValues.filter { ObstacleIntake.Field.limits[$0.key] != nil || $0.key == "domain" }
        values = values.mapValues { String($0.prefix(10_000)) }
        guard let cookie = request.cookies[Self.csrfCookie]?.value, let given = form["_csrf"], Secrets.constantTimeEqual(cookie, given) else {
            return try reportPage(request, context: context, values: values, errors: ["_form": context.labels.text("obstacles.intake.expired")], status: .forbidden)
        }
        let outcome = try await intake.submit(form.allValues, client: context.remoteAddress ?? "unknown", now: configuration.now(), labels: context.labels)
        switch outcome {
        case .refused(let errors, let tooMany):
            return try reportPage(request, context: context, values: values, errors: errors, status: tooMany ? .tooManyRequests : .unprocessableContent)
        case .received(let reference, let secret):
            let page = ObstacleReceivedPage(title: context.labels.text("obstacles.received.title"), reference: reference, statusURL: "/obstacles/status/\(secret)")
            var response = try renderer.html("obstacle-received", PageFrame(page: page, path: "/obstacles/report", context: context), status: .created)
            // The status link is a secret: not kept by caches, not passed on as a referrer.
            response.headers[.cacheControl] = "no-store"
            response.setCookie(SessionCookie.make(Self.csrfCookie, value: "", maxAge: 0, secure: SessionCookie.isSecure(request, configuration: configuration)))
            return response
        }
    }

    /// The intake form with a fresh token and stamp, refilled with `values`.
    private func reportPage(_ request: Request, context: AppRequestContext, values: [String: String], errors: [String: String],
                            status: HTTPResponse.Status) throws -> Response {
        let token = Secrets.random()
        let l = context.labels
        let order = ["title", "description", "placeBelgium", "placeNetherlands", "since", "affected", "domain", "contact"]
        let page = ObstacleReportPage(
            title: l.text("obstacles.intake.title"), csrfToken: token, stamp: intake.stamp(now: configuration.now()), values: values, errors: errors,
            formError: errors["_form"],
            domains: ObstacleDomain.allCases.map { ObstacleFormChoice(value: $0.rawValue, label: l.text("obstacleDomain.\($0.rawValue)"),
                                                                      selected: values["domain"] == $0.rawValue) },
            limits: ObstacleIntake.Field.limits,
            problems: order.compactMap { field in errors[field].map { ObstacleProblem(field: field, message: $0) } })
        var response = try renderer.html("obstacle-report", PageFrame(page: page, path: "/obstacles/report", context: context), status: status)
        response.setCookie(SessionCookie.make(Self.csrfCookie, value: token, maxAge: 24 * 3600, secure: SessionCookie.isSecure(request, configuration: configuration)))
        return response
    }

    @Sendable func status(_ request: Request, context: AppRequestContext) async throws -> Response {
        let secret = try context.parameters.require("secret")
        guard secret.count <= 100 else { throw AppError(.notFound, "obstacles.status.unknown") }
        let view = try await engine.read { db in try await ObstacleDesk(db: db).reporterView(secret: secret) }
        guard let view else { throw AppError(.notFound, "obstacles.status.unknown") }
        let l = context.labels
        let obstacle = view.obstacle
        let page = ObstacleStatusPage(
            title: l.text("obstacles.status.title"), reference: obstacle.reference, status: obstacle.status.rawValue,
            statusLabel: l.text("obstacleStatus.\(obstacle.status.rawValue)"), statusReason: obstacle.statusReason,
            published: obstacle.visibility == .public, publicURL: obstacle.visibility == .public ? "/obstacles/\(obstacle.id)" : nil,
            report: Self.reportView(view.report, labels: l), receivedAt: view.receivedAt,
            messages: view.messages.map { ObstacleMessageView(at: $0.at, text: $0.text) })
        var response = try renderer.html("obstacle-status", PageFrame(page: page, path: "/obstacles/status", context: context))
        response.headers[.cacheControl] = "no-store"
        return response
    }

    static func reportView(_ report: ObstacleReport, labels: Labels) -> ObstacleReportView {
        ObstacleReportView(title: report.title, description: report.description, placeBelgium: report.placeBelgium,
                           placeNetherlands: report.placeNetherlands, since: report.since, affected: report.affected,
                           domainLabel: labels.text("obstacleDomain.\(report.domain.rawValue)"))
    }

    // MARK: Triage

    /// The obstacle for triage, when the reader may triage it (404 when not shown, 403 when shown but not theirs).
    private func triaged(_ context: AppRequestContext) async throws -> Obstacle {
        let id = try context.parameters.require("id")
        let scope = context.readScope
        let found: (Obstacle, Bool)? = try await engine.read { db in
            let register = Register(db: db, scope: scope)
            guard let obstacle = try await register.obstacle(id: id) else { return nil }
            return (obstacle, try await RecordSaver.mayEdit(obstacle, account: context.account, in: register))
        }
        guard let (obstacle, mayEdit) = found else { throw AppError(.notFound, "error.noRecord", ["kind": "obstacle", "id": id]) }
        guard mayEdit else { throw AppError(.forbidden, "error.mayNotEdit") }
        return obstacle
    }

    private func triagePage(_ context: AppRequestContext, message: String, error: String?) async throws -> Response {
        let obstacle = try await triaged(context)
        let scope = context.readScope
        let (view, intake, messages) = try await engine.read { db in
            let desk = ObstacleDesk(db: db)
            return (try await Register(db: db, scope: scope).obstacleView(obstacle, account: context.account, labels: context.labels),
                    try await desk.intake(obstacleID: obstacle.id), try await desk.messages(obstacleID: obstacle.id))
        }
        let page = ObstacleTriagePage(
            title: context.labels.text("obstacles.triage.title", ["title": obstacle.title]), obstacle: view,
            report: intake.map { Self.reportView($0.report, labels: context.labels) }, contact: intake?.contact, receivedAt: intake?.receivedAt,
            messages: messages.map { ObstacleMessageView(at: $0.at, text: $0.text) }, message: message, messageError: error,
            historyURL: "/obstacles/\(obstacle.id)/history")
        return try renderer.html("obstacle-triage", PageFrame(page: page, path: "/obstacles", context: context), status: error == nil ? .ok : .unprocessableContent)
    }

    @Sendable func sendMessage(_ request: Request, context: AppRequestContext) async throws -> Response {
        let obstacle = try await triaged(context)
        let text = try context.requireForm().trimmed("message") ?? ""
        var reader = FieldReader(["message": text], labels: context.labels)
        _ = reader.required("message", context.labels.text("obstacles.triage.message"), limit: Self.messageLimit)
        if let error = reader.errors["message"] { return try await triagePage(context, message: text, error: error) }
        guard let actor = context.auditActor else { throw AppError(.unauthorized, "error.signInOrToken") }
        let now = configuration.now()
        try await engine.transaction { db in try await ObstacleDesk(db: db).send(text, obstacleID: obstacle.id, actor: actor, now: now) }
        return .seeOther(to: "/obstacles/\(obstacle.id)/triage#messages")
    }
}
