import DeltaDomain
import DeltaReports
import DeltaStore
import Foundation
import HTTPTypes
import Hummingbird

/// Atom feeds of changes (RFC 4287), built by `ChangeFeed` from the audit log:
/// `/feed.atom`, the public one (always the public scope, also for a signed-in browser, because
/// a feed's address is shared), and `/feeds/{secret}/changes.atom`, one person's, behind the same
/// secret address as their calendar feed (feed readers cannot sign in).
struct FeedController: Sendable {
    let engine: any DatabaseEngine
    let configuration: AppConfiguration

    func addRoutes(pages router: RouterGroup<AppRequestContext>) {
        router.get("/feed.atom") { request, context -> Response in
            let base = link(request, "") ?? ""
            let labels = context.labels
            let entries = try await engine.read { db in
                try await ChangeFeed(audience: .everyone, register: Register(db: db, scope: .publicOnly), labels: labels, base: base).entries()
            }
            return feed(entries: entries, title: labels.text("feed.atom.title"), idSuffix: "public", selfPath: "/feed.atom",
                        base: base, context: context)
        }
        router.get("/feeds/{secret}/changes.atom") { request, context -> Response in
            let secret = try context.parameters.require("secret")
            guard let account = try await engine.read({ db in try await AccountStore(db: db).account(forFeed: secret) }) else {
                throw HTTPError(.notFound)
            }
            let base = link(request, "") ?? ""
            let labels = context.labels
            let scope = ReadScope(visibilities: AccessRules.visibleRecords(for: account))
            let entries = try await engine.read { db in
                try await ChangeFeed(audience: .person, register: Register(db: db, scope: scope), labels: labels, base: base).entries()
            }
            var response = feed(entries: entries, title: labels.text("feed.atom.personalTitle", ["name": account.displayName]),
                                idSuffix: "person-\(account.id)", selfPath: "/feeds/\(secret)/changes.atom", base: base, context: context)
            response.headers[.cacheControl] = "private, no-store"
            return response
        }
    }

    private func feed(entries: [AtomFeed.Entry], title: String, idSuffix: String, selfPath: String, base: String,
                      context: AppRequestContext) -> Response {
        let today = configuration.today()
        let fallback = String(format: "%04d-%02d-%02dT00:00:00Z", today.year, today.month, today.day)
        let atom = AtomFeed(id: "urn:deltaberaad:changes:\(idSuffix)", title: title, updated: entries.first?.updated ?? fallback,
                            selfLink: base + selfPath, alternateLink: base + "/", author: "Deltaberaad",
                            language: context.language.rawValue, entries: entries)
        var headers = HTTPFields()
        headers[.contentType] = "application/atom+xml; charset=utf-8"
        headers[.xContentTypeOptions] = "nosniff"
        return Response.tagged(headers: headers, body: ByteBuffer(string: atom.xml()))
    }
}
