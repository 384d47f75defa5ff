import DeltaDomain
import SQLKit

/// The four small tables every page uses to name records — organisations, document headers,
/// bodies and dossiers — as one reader may see them, each in its list order.
///
/// Read with `Register.lookupTables()` in one statement: a page that names records costs one
/// query for all of them, however many there are.
public struct LookupTables: Sendable {
    /// Organisations by name.
    public let organisations: [Organisation]
    /// Document headers, newest first.
    public let documents: [DocumentHeader]
    /// Bodies by name.
    public let bodies: [Body]
    /// Dossiers by title (`dossierOrder` when read with `Register.lookupTables()`).
    public let dossiers: [Dossier]

    /// The order dossiers are listed in: by title, then id, in Swift's order of strings.
    public static func dossierOrder(_ left: Dossier, _ right: Dossier) -> Bool { (left.title, left.id) < (right.title, right.id) }

    /// Tables from lists already read (for callers that hold them).
    public init(organisations: [Organisation], documents: [DocumentHeader], bodies: [Body], dossiers: [Dossier]) {
        self.organisations = organisations
        self.documents = documents
        self.bodies = bodies
        self.dossiers = dossiers
    }
}

extension LookupTables {
    /// Which table a row of the combined statement came from; the value is the statement's first
    /// sort key, so the rows arrive grouped by table.
    enum Source: String, CaseIterable {
        case organisations = "1-organisations", documents = "2-documents", bodies = "3-bodies", dossiers = "4-dossiers"
    }

    /// Every column any of the four tables contributes; a table without a column gives NULL.
    /// All are TEXT except `version`, so each column has one type across the branches (PostgreSQL
    /// resolves a UNION column's type from its branches).
    static let columns: [String] = [
        "id", "name", "title", "short_name", "country", "level", "parent_id", "website", "kind", "date", "place", "reference",
        "description", "cadence_json", "since", "meetings_recorded_since", "date_json", "source_json", "summary", "themes_json", "body_id", "leads_json",
        "rail_links_json", "mandate_json", "visibility", "updated_at",
    ]

    /// The columns of each table that the combined statement reads (the others are NULL).
    static func present(in source: Source) -> Set<String> {
        switch source {
        case .organisations: ["id", "name", "short_name", "country", "level", "parent_id", "website", "visibility", "updated_at"]
        case .documents: ["id", "kind", "title", "date", "date_json", "place", "reference", "visibility", "updated_at"]
        case .bodies: ["id", "name", "kind", "description", "cadence_json", "parent_id", "since", "meetings_recorded_since", "source_json",
                       "visibility", "updated_at"]
        case .dossiers: ["id", "title", "summary", "themes_json", "body_id", "leads_json", "rail_links_json", "mandate_json", "visibility", "updated_at"]
        }
    }

    static func table(of source: Source) -> String {
        switch source {
        case .organisations: "organisations"
        case .documents: "documents"
        case .bodies: "bodies"
        case .dossiers: "dossiers"
        }
    }

    /// The name a list is ordered by: organisation and body name, dossier title; documents are
    /// ordered by date instead (newest first), so they give NULL here.
    static func sortKey(of source: Source) -> String? {
        switch source {
        case .organisations, .bodies: "name"
        case .dossiers: "title"
        case .documents: nil
        }
    }

    /// One branch of the statement: a table's rows in the reader's scope, in the shared column list.
    static func branch(_ source: Source, visibilities: [String], on db: any SQLDatabase) -> SQLSelect {
        let present = present(in: source)
        let orderName: any SQLExpression = if let name = sortKey(of: source) { SQLColumn(name) } else { SQLLiteral.null }
        var query = db.select()
            .column(SQLAlias(SQLLiteral.string(source.rawValue), as: SQLIdentifier("source")))
            .column(SQLAlias(orderName, as: SQLIdentifier("sort_key")))
        for column in columns {
            let value: any SQLExpression = present.contains(column) ? SQLColumn(column) : SQLAlias(SQLLiteral.null, as: SQLIdentifier(column))
            query = query.column(value)
        }
        return query.column("version").from(table(of: source)).where("visibility", .in, visibilities).select
    }

    /// The combined statement: the four branches, grouped by table and each in its list order.
    static func query(visibilities: [String], on db: any SQLDatabase) -> SQLUnionBuilder {
        var union = SQLUnionBuilder(on: db, initialQuery: branch(.organisations, visibilities: visibilities, on: db))
        for source in Source.allCases.dropFirst() { union = union.union(all: branch(source, visibilities: visibilities, on: db)) }
        // Output column names, as a compound statement must be ordered by; NULL sort keys only
        // ever meet NULL ones (documents), so engines that place NULLs differently agree.
        return union.orderBy("source").orderBy("sort_key").orderBy("date", .descending).orderBy("id")
    }

    /// The combined statement's rows, decoded as they come (`fold(into:_:)`), in their order.
    static func read(visibilities: [String], on db: any SQLDatabase) async throws -> EveryLookup {
        try await query(visibilities: visibilities, on: db).fold(into: Reading()) { reading, row in try reading.add(row) }.result
    }

    /// The four lists and the documents' visibilities, a row at a time.
    private struct Reading: Sendable {
        var organisations: [Organisation] = [], documents: [DocumentHeader] = [], bodies: [Body] = [], dossiers: [Dossier] = []
        var documentVisibilities: [Visibility] = []

        mutating func add(_ row: any SQLRow) throws {
            let source = try storedEnum(Source.self, try row.decode(column: "source", as: String.self), column: "source")
            switch source {
            case .organisations: organisations.append(try ColumnDecoder.decode(OrganisationRow.self, from: row).model())
            case .documents:
                documents.append(try documentHeader(from: row))
                documentVisibilities.append(try storedEnum(Visibility.self, try row.decode(column: "visibility", as: String.self), column: "visibility"))
            case .bodies: bodies.append(try ColumnDecoder.decode(BodyRow.self, from: row).model())
            case .dossiers: dossiers.append(try ColumnDecoder.decode(DossierRow.self, from: row).model())
            }
        }

        var result: EveryLookup {
            // Dossiers by title and id in Swift's order of strings, the same on both engines (the
            // statement's order differs between their collations): the order pages list them in,
            // so no page sorts a copy.
            EveryLookup(tables: LookupTables(organisations: organisations.compacted(), documents: documents.compacted(),
                                             bodies: bodies.compacted(), dossiers: dossiers.sorted(by: LookupTables.dossierOrder).compacted()),
                        documentVisibilities: documentVisibilities.compacted())
        }
    }

    /// A document header from a row holding the `documents` header columns.
    static func documentHeader(from row: any SQLRow) throws -> DocumentHeader {
        DocumentHeader(id: try row.decode(column: "id", as: String.self),
                       kind: try storedEnum(DocumentKind.self, try row.decode(column: "kind", as: String.self), column: "kind"),
                       title: try row.decode(column: "title", as: String.self),
                       date: try JSONColumn.decode(FuzzyPeriod.self, try row.decode(column: "date_json", as: String?.self), column: "date_json"),
                       place: try row.decode(column: "place", as: String?.self),
                       reference: try row.decode(column: "reference", as: String?.self))
    }
}

/// The lookup tables as read, before a reader's scope filters them (`Register.lookupTables()`),
/// with each document header's visibility beside it: a header has none of its own.
struct EveryLookup: Sendable {
    let tables: LookupTables
    let documentVisibilities: [Visibility]
}
