import DeltaReports
import DeltaStore
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import NIOFoundationEssentialsCompat

/// Open data beside the JSON twins: the Popolo export of organisations, bodies, memberships and
/// meetings (`/api/popolo.json`, in the reader's scope like every page) and the DCAT-AP catalogue
/// of the datasets (`/catalog.jsonld`) for the national open-data portals to harvest.
struct OpenDataController: Sendable {
    let engine: any DatabaseEngine
    let renderer: Renderer

    func addRoutes(pages: RouterGroup<AppRequestContext>, api: RouterGroup<AppRequestContext>) {
        api.get("popolo.json") { _, context -> Response in
            let scope = context.readScope
            let export = try await engine.read { db in try await PopoloExport.read(Register(db: db, scope: scope)) }
            return try renderer.json(export)
        }
        pages.get("catalog.jsonld") { request, _ -> Response in
            let latest = try await engine.read { db in try await AuditLog(db: db).recent(limit: 1).first?.at }
            let catalog = DCATCatalog.document(base: link(request, "") ?? "", catalogues: renderer.catalogues,
                                               modified: latest.map { String($0.prefix(10)) })
            let data = try JSONSerialization.data(withJSONObject: catalog, options: [.sortedKeys, .withoutEscapingSlashes])
            var headers = HTTPFields()
            headers[.contentType] = "application/ld+json; charset=utf-8"
            headers[.xContentTypeOptions] = "nosniff"
            return Response.tagged(headers: headers, body: ByteBuffer(data: data))
        }
    }
}
