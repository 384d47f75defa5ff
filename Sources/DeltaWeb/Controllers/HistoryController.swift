import DeltaDomain
import DeltaReports
import DeltaServices
import DeltaStore
import Hummingbird

/// Who changed what: the history of one record (signed-in readers) and the recent changes and
/// accounts across the register (admins).
struct HistoryController: Sendable {
    let engine: any DatabaseEngine
    let renderer: Renderer
    let configuration: AppConfiguration

    /// Path segment → record kind, for every kind that has a history page.
    static let segments: [(segment: String, kind: RecordKind)] = [
        ("milestones", .milestone), ("dossiers", .dossier), ("meetings", .meeting), ("organisations", .organisation),
        ("investments", .investment), ("documents", .document), ("agreements", .agreement), ("bodies", .body),
        ("allocation-regimes", .allocationRegime), ("goals", .goal), ("indicators", .indicator),
        ("rail-links", .railLink),
        ("obstacles", .obstacle),
    ]

    /// Registers the routes: histories for signed-in readers, the admin pages (admins only).
    func addRoutes(signedIn: RouterGroup<AppRequestContext>, signedInAPI: RouterGroup<AppRequestContext>) {
        for (segment, kind) in Self.segments {
            signedIn.get("\(segment)/{id}/history") { _, context in try await historyPage(kind: kind, segment: segment, context: context) }
            signedInAPI.get("\(segment)/{id}/history") { _, context in try await historyJSON(kind: kind, context: context) }
        }
        signedIn.get("admin/changes", use: changes)
        signedIn.get("admin/users", use: users)
    }

    private func historyPage(kind: RecordKind, segment: String, context: AppRequestContext) async throws -> Response {
        let id = try context.parameters.require("id")
        guard let entries = try await history(kind: kind, id: id, context: context) else { throw AppError(.notFound, "error.noRecord", ["kind": kind.rawValue, "id": id]) }
        let title = context.labels.text("app.title.history", ["kind": context.labels.recordKind(kind.rawValue), "id": id])
        let page = HistoryPage(title: title, recordLink: Self.link(kind: kind, id: id), entries: entries.reversed().map(AuditEntryView.init))
        return try renderer.html("history", PageFrame(page: page, path: "/\(segment)", context: context))
    }

    private func historyJSON(kind: RecordKind, context: AppRequestContext) async throws -> Response {
        let id = try context.parameters.require("id")
        guard let entries = try await history(kind: kind, id: id, context: context) else { throw AppError(.notFound, "error.noRecord", ["kind": kind.rawValue, "id": id]) }
        return try renderer.json(entries.map(AuditEntryView.init))
    }

    @Sendable func changes(_ request: Request, context: AppRequestContext) async throws -> Response {
        try Self.requireAdmin(context)
        let entries = try await engine.read { db in try await AuditLog(db: db).recent(limit: 200) }
        let page = ChangesPage(title: context.labels.text("app.title.changes"), entries: entries.map(AuditEntryView.init))
        return try renderer.html("changes", PageFrame(page: page, path: "/admin/changes", context: context))
    }

    @Sendable func users(_ request: Request, context: AppRequestContext) async throws -> Response {
        try Self.requireAdmin(context)
        let labels = context.labels
        let accounts = try await engine.read { db in try await AccountStore(db: db).accounts() }
        let rows = accounts.map {
            UserRow(username: $0.id, displayName: $0.displayName, delegation: $0.delegation, roleLabel: labels.accountRole($0.role),
                    scope: ($0.editsBodyIDs.map { labels.text("app.users.editsBody", ["id": $0]) }
                           + $0.editsDossierIDs.map { labels.text("app.users.editsDossier", ["id": $0]) }).joined(separator: ", "),
                    disabled: $0.disabled)
        }
        return try renderer.html("users", PageFrame(page: UsersPage(title: labels.text("app.title.users"), users: rows), path: "/admin/users", context: context))
    }

    /// The entries of a record the reader may see; nil when the record is not visible (or does not exist).
    private func history(kind: RecordKind, id: String, context: AppRequestContext) async throws -> [AuditEntry]? {
        let scope = context.readScope
        return try await engine.read { db in
            let register = Register(db: db, scope: scope)
            let visible: Bool
            switch kind {
            case .milestone: visible = try await register.milestone(id: id) != nil
            case .dossier: visible = try await register.dossier(id: id) != nil
            case .meeting: visible = try await register.meeting(id: id) != nil
            case .organisation: visible = try await register.organisation(id: id) != nil
            case .investment: visible = try await register.investment(id: id) != nil
            case .document: visible = try await register.document(id: id) != nil
            case .agreement: visible = try await register.agreement(id: id) != nil
            case .body: visible = try await register.body(id: id) != nil
            case .goal: visible = try await register.goal(id: id) != nil
            case .indicator: visible = try await register.indicator(id: id) != nil
            case .allocationRegime: visible = try await register.allocationRegime(id: id) != nil
            case .railLink: visible = try await register.railLink(id: id) != nil
            case .obstacle: visible = try await register.obstacle(id: id) != nil
            }
            guard visible else { return nil }
            return try await AuditLog(db: db).entries(kind: kind.rawValue, id: id)
        }
    }

    static func link(kind: RecordKind, id: String) -> String {
        switch kind {
        case .dossier: "/dossiers/\(id)"
        case .document: "/documents/\(id)"
        case .body: "/bodies/\(id)"
        case .goal: "/goals#\(id)"
        case .indicator: "/goals"
        case .allocationRegime: "/investments#regime-\(id)"
        case .railLink: "/rail-links/\(id)"
        case .obstacle: "/obstacles/\(id)"
        default: segments.first { $0.kind == kind }.map { "/\($0.segment)/\(id)/edit" } ?? "/"
        }
    }

    static func requireAdmin(_ context: AppRequestContext) throws {
        guard context.account?.role == .admin else { throw AppError(.forbidden, "error.adminsOnly") }
    }
}
