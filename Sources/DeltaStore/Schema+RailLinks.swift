import DeltaDomain
import Foundation
import SQLKit

extension Schema {
    /// Data format 4: rail links as records. Dossiers named their links in free text
    /// (`rail_links_json`, a list of names); from this migration on the same column holds the ids
    /// of `rail_links` rows, so "Weert–Hamont" and "Hamont–Weert" are one link.
    ///
    /// Why the column keeps its name: renaming it would touch every reader of the dossier table
    /// for no gain; its meaning is documented here and in `DossierRow`. Why `source_document_id`
    /// next to `source_json`: as for allocation regimes, the foreign key keeps the source.
    static let v7 = Migration(version: 7, name: "rail-links", statements: [
        """
        CREATE TABLE rail_links (
            id TEXT PRIMARY KEY, name TEXT NOT NULL, aliases_json TEXT NOT NULL, stations_json TEXT NOT NULL,
            status TEXT, uses_json TEXT NOT NULL, sides_json TEXT NOT NULL, summary TEXT,
            source_json TEXT, source_document_id TEXT REFERENCES documents(id),
            \(recordColumns))
        """,
        "CREATE INDEX rail_links_source ON rail_links(source_document_id)",
    ], dataStep: linkDossiers)

    /// Turns every dossier's link names into references: names that differ only in order, case,
    /// spacing or dash become one link (`RailLinkNames`); each new link is as visible as the
    /// most visible dossier that named it (so an internal dossier's link name stays internal).
    /// Every link created and every dossier changed gets an audit entry.
    @Sendable static func linkDossiers(_ db: any SQLDatabase) async throws {
        let actor = AuditActor(name: "migration:7", via: "migration")
        var links: [RailLink] = []
        var changed: [(id: String, names: [String], ids: [String])] = []
        let openness: [Visibility] = [.public, .internal, .delegationPrivate]
        for row in try await db.raw("SELECT id, rail_links_json, visibility FROM dossiers ORDER BY id").all() {
            let id = try row.decode(column: "id", as: String.self)
            let names = try JSONColumn.decodeList(String.self, try row.decode(column: "rail_links_json", as: String.self),
                                                  column: "rail_links_json")
            let visibility = try storedEnum(Visibility.self, try row.decode(column: "visibility", as: String.self), column: "visibility")
            var ids: [String] = []
            for name in names {
                var found = RailLinkNames.resolve(name, among: links)
                if found.isEmpty {
                    var linkID = RailLinkNames.identifier(for: name), suffix = 2
                    while links.contains(where: { $0.id == linkID }) { linkID = RailLinkNames.identifier(for: name) + "-\(suffix)"; suffix += 1 }
                    links.append(RailLink(id: linkID, name: name, visibility: visibility))
                    found = [linkID]
                } else {
                    for linkID in found {
                        guard let index = links.firstIndex(where: { $0.id == linkID }) else { continue }
                        if !links[index].names.contains(name) { links[index].aliases.append(name) }
                        let current = openness.firstIndex(of: links[index].visibility) ?? 0
                        links[index].visibility = openness[min(current, openness.firstIndex(of: visibility) ?? 0)]
                    }
                }
                ids += found.filter { !ids.contains($0) }
            }
            if ids != names { changed.append((id, names, ids)) }
        }
        let log = AuditLog(db: db)
        for link in links {
            try await db.insert(into: "rail_links")
                .columns("id", "name", "aliases_json", "stations_json", "status", "uses_json", "sides_json", "summary",
                         "source_json", "source_document_id", "visibility", "version", "updated_at")
                .values(SQLBind(link.id), SQLBind(link.name), SQLBind(JSONColumn.encode(link.aliases)), SQLBind("[]"),
                        SQLLiteral.null, SQLBind("[]"), SQLBind("[]"), SQLLiteral.null, SQLLiteral.null, SQLLiteral.null,
                        SQLBind(link.visibility.rawValue), SQLBind(1), SQLBind(Timestamp.now()))
                .run()
            try await log.append(actor: actor, kind: RecordKind.railLink.rawValue, id: link.id, action: "migrate",
                                 changes: FieldChange.between(nil as RailLink?, link))
        }
        for dossier in changed {
            try await db.update("dossiers").set("rail_links_json", to: SQLBind(JSONColumn.encode(dossier.ids)))
                .where("id", .equal, SQLBind(dossier.id)).run()
            try await log.append(actor: actor, kind: RecordKind.dossier.rawValue, id: dossier.id, action: "migrate",
                                 changes: [FieldChange(field: "railLinkIDs", before: JSONColumn.encode(dossier.names),
                                                       after: JSONColumn.encode(dossier.ids))])
        }
    }
}
