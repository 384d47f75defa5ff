import DeltaDomain
import DeltaReports
import DeltaServices
import DeltaStore
import HTTPTypes
import Hummingbird

/// iCalendar feeds (RFC 5545) to subscribe to from a calendar program:
/// `/bodies/{id}/calendar.ics` (the body's meetings) and `/dossiers/{id}/calendar.ics` (the
/// dossier's open and achieved milestones, plus the meetings of the body that carries it).
///
/// A feed shows what the record's page shows, in the same reader scope. Every event is all-day on
/// the last day of its period; `DTSTAMP` is the configured "today", so a feed is deterministic.
struct CalendarController: Sendable {
    let engine: any DatabaseEngine
    let renderer: Renderer
    let configuration: AppConfiguration

    func addRoutes(pages router: RouterGroup<AppRequestContext>) {
        personalFeed(router)
        feed(router, "/bodies/{id}/calendar.ics", kind: "body") { register, id, request, labels in
            guard let body = try await register.body(id: id) else { return nil }
            let events = try await register.meetings(bodyID: body.id).map {
                ICalendar.event(meeting: $0, url: link(request, "/bodies/\(body.id)"), labels: labels)
            }
            return (name: "Deltaberaad – \(body.name)", events: events)
        }
        feed(router, "/dossiers/{id}/calendar.ics", kind: "dossier") { register, id, request, labels in
            guard let dossier = try await register.dossier(id: id) else { return nil }
            let dossierURL = link(request, "/dossiers/\(dossier.id)")
            var events = try await register.milestones(dossierID: dossier.id)
                .filter { $0.status.isOpen || $0.status == .achieved }
                .map { ICalendar.event(milestone: $0, url: dossierURL, labels: labels) }
            if let bodyID = dossier.bodyID, let body = try await register.body(id: bodyID) {
                events += try await register.meetings(bodyID: body.id).map {
                    ICalendar.event(meeting: $0, bodyName: body.name, url: link(request, "/bodies/\(body.id)"), labels: labels)
                }
            }
            events.sort { ($0.day, $0.uid) < ($1.day, $1.uid) }
            return (name: "Deltaberaad – \(dossier.title)", events: events)
        }
    }

    /// A feed at `path`; an unknown (or hidden) id answers the same 404 page as the record's page.
    private func feed(
        _ router: RouterGroup<AppRequestContext>, _ path: String, kind: String,
        build: @escaping @Sendable (Register, String, Request, Labels) async throws -> (name: String, events: [CalendarEvent])?
    ) {
        let today = configuration.today
        router.get(RouterPath(path)) { request, context -> Response in
            let id = try context.parameters.require("id")
            let scope = context.readScope
            let feed = try await engine.read { db in try await build(Register(db: db, scope: scope), id, request, context.labels) }
            guard let feed else {
                let recordPath = String(path.dropLast("/calendar.ics".count))
                return try renderer.html("not-found", PageFrame(page: NotFoundPage(kind: kind, id: id, labels: context.labels),
                                                                path: recordPath, context: context), status: .notFound)
            }
            let text = ICalendar.render(name: feed.name, events: feed.events, stamp: ICalendar.stamp(for: today()))
            var headers = HTTPFields()
            headers[.contentType] = "text/calendar; charset=utf-8"
            headers[.contentDisposition] = "inline; filename=\"\(kind)-\(id.filter { $0.isLetter || $0.isNumber || $0 == "-" }).ics\""
            headers[.xContentTypeOptions] = "nosniff"
            return Response.tagged(headers: headers, body: ByteBuffer(string: text))
        }
    }
}

/// An absolute link to a page of this site, from the request's own host; nil when the request
/// names no host (a calendar's `URL` must be absolute).
func link(_ request: Request, _ path: String) -> String? {
    guard let host = request.head.authority, !host.isEmpty,
          host.allSatisfy({ $0.isLetter || $0.isNumber || ".-:[]".contains($0) }) else { return nil }
    return "\(scheme(of: request))://\(host)\(path)"
}

/// The scheme a request was made with, as the server or the proxy in front of it says.
func scheme(of request: Request) -> String {
    request.headers[.xForwardedProto] == "https" || request.head.scheme == "https" ? "https" : "http"
}

extension HTTPField.Name {
    static let xForwardedProto = Self("X-Forwarded-Proto")!
}

extension CalendarController {
    /// `/feeds/{secret}/calendar.ics`: one person's feed behind a secret URL (calendar programs cannot
    /// sign in). It holds the meetings of the bodies the person edits — every body for readers and
    /// admins — the milestones of their dossiers and the open actions with a deadline, in the
    /// person's own read scope. Renewing or revoking the feed on /account ends the old URL.
    func personalFeed(_ router: RouterGroup<AppRequestContext>) {
        router.get("/feeds/{secret}/calendar.ics") { request, context -> Response in
            let secret = try context.parameters.require("secret")
            guard let account = try await engine.read({ db in try await AccountStore(db: db).account(forFeed: secret) }) else {
                throw HTTPError(.notFound)
            }
            let base = link(request, "")
            let events = try await engine.read { db in
                try await Self.personalEvents(account: account, register: Register(db: db, scope: ReadScope(visibilities: AccessRules.visibleRecords(for: account))),
                                              base: base, labels: context.labels)
            }
            let text = ICalendar.render(name: "Deltaberaad – \(account.displayName)", events: events, stamp: ICalendar.stamp(for: configuration.today()))
            var headers = HTTPFields()
            headers[.contentType] = "text/calendar; charset=utf-8"
            headers[.xContentTypeOptions] = "nosniff"
            headers[.cacheControl] = "private, no-store"
            return Response.tagged(headers: headers, body: ByteBuffer(string: text))
        }
    }

    /// A person's events: the meetings and open actions of their bodies, the milestones of their
    /// dossiers (an editor's; everything for readers and admins). One read per table, whatever
    /// the number of bodies and dossiers.
    static func personalEvents(account: Account, register: Register, base: String?, labels: Labels) async throws -> [CalendarEvent] {
        let bodies = try await register.bodies()
        let mine = account.role == .editor ? bodies.filter { account.editsBodyIDs.contains($0.id) } : bodies
        let bodyIDs = Set(mine.map(\.id))
        let dossiers = try await register.dossiers().filter { dossier in
            account.role != .editor || account.editsDossierIDs.contains(dossier.id) || (dossier.bodyID.map(bodyIDs.contains) ?? false)
        }
        let meetingsByBody = Dictionary(grouping: try await register.meetings(), by: \.bodyID)
        let actions = try await MeetingStore(db: register.db).outcomes(bodyIDs: mine.map(\.id))
        let milestonesByDossier = Milestone.byDossier(try await register.milestones())
        var seenMilestones = Set<String>()
        var events: [CalendarEvent] = []
        for body in mine {
            for meeting in meetingsByBody[body.id] ?? [] {
                events.append(ICalendar.event(meeting: meeting, bodyName: body.name, url: base.map { $0 + "/meetings/\(meeting.id)" }, labels: labels))
            }
            for action in actions[body.id] ?? [] where action.isOpenAction {
                guard let due = action.due else { continue }
                let description = labels.text("feed.deadline.asWritten", ["wording": due.wording, "latest": labels.date(due.latest)])
                    + "\n" + labels.text("feed.body", ["name": body.name])
                events.append(CalendarEvent(uid: "action-\(action.id)@deltaberaad", summary: labels.text("feed.action", ["text": action.text]),
                                            description: description, day: due.latest, url: base.map { $0 + "/meetings/\(action.meetingID)" }))
            }
        }
        for dossier in dossiers {
            // A milestone shared by several dossiers is one event (one UID), linked to the first.
            events += (milestonesByDossier[dossier.id] ?? [])
                .filter { ($0.status.isOpen || $0.status == .achieved) && seenMilestones.insert($0.id).inserted }
                .map { ICalendar.event(milestone: $0, url: base.map { $0 + "/dossiers/\(dossier.id)" }, labels: labels) }
        }
        return events
    }
}
