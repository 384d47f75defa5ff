import DeltaDomain
import SQLKit

/// Read access to the register for one reader. Every query filters on the reader's scope.
///
/// Create one per request from `DatabaseEngine.read`; it holds no state of its own.
public struct Register: Sendable {
    let db: any SQLDatabase
    /// What this reader may see.
    public let scope: ReadScope

    /// A register view over a connection for a scope.
    public init(db: any SQLDatabase, scope: ReadScope) {
        self.db = db
        self.scope = scope
    }

    /// The connection, for the stores that read beside the register (meetings, notes).
    public var database: any SQLDatabase { db }

    /// The same connection read with another scope (for rules that must see every record, such as
    /// "does a hidden agreement still quote this text").
    public func with(scope: ReadScope) -> Register { Register(db: db, scope: scope) }

    private func select(_ table: String) -> SQLSelectBuilder {
        db.select().column("*").from(table).where("visibility", .in, scope.rawValues)
    }

    private func rows<R: Decodable>(_ type: R.Type, _ query: SQLSelectBuilder) async throws -> [R] {
        try await query.all().map { try $0.decode(model: R.self, with: RowCoding.decoder) }
    }

    /// All organisations, by name.
    public func organisations() async throws -> [Organisation] {
        try await rows(OrganisationRow.self, select("organisations").orderBy("name")).map { try $0.model() }
    }

    /// One organisation.
    public func organisation(id: String) async throws -> Organisation? {
        try await rows(OrganisationRow.self, select("organisations").where("id", .equal, id)).first?.model()
    }

    /// All documents, newest first.
    public func documents() async throws -> [Document] {
        try await rows(DocumentRow.self, select("documents").orderBy("date", .descending).orderBy("id")).map { try $0.model() }
    }

    /// All documents without their text, newest first: for lists and links.
    public func documentHeaders() async throws -> [DocumentHeader] {
        let query = db.select().columns("id", "kind", "title", "date", "place", "reference").from("documents")
            .where("visibility", .in, scope.rawValues).orderBy("date", .descending).orderBy("id")
        return try await query.all().map { row in
            DocumentHeader(id: try row.decode(column: "id", as: String.self),
                           kind: try storedEnum(DocumentKind.self, try row.decode(column: "kind", as: String.self), column: "kind"),
                           title: try row.decode(column: "title", as: String.self),
                           date: try storedDate(try row.decode(column: "date", as: String.self), column: "date")!,
                           place: try row.decode(column: "place", as: String?.self),
                           reference: try row.decode(column: "reference", as: String?.self))
        }
    }

    /// One document.
    public func document(id: String) async throws -> Document? {
        try await rows(DocumentRow.self, select("documents").where("id", .equal, id)).first?.model()
    }

    /// A document's paragraphs in order (empty when the document is not visible).
    public func paragraphs(documentID: String) async throws -> [Paragraph] {
        let query = db.select().column(SQLColumn("*", table: "p")).from(SQLAlias(SQLIdentifier("document_paragraphs"), as: SQLIdentifier("p")))
            .join(SQLAlias(SQLIdentifier("documents"), as: SQLIdentifier("d")), on: SQLColumn("id", table: "d"), .equal, SQLColumn("document_id", table: "p"))
            .where(SQLColumn("document_id", table: "p"), .equal, SQLBind(documentID))
            .where(SQLColumn("visibility", table: "d"), .in, SQLBind.group(scope.rawValues))
            .orderBy(SQLColumn("position", table: "p"))
        return try await rows(ParagraphRow.self, query).map { try $0.model() }
    }

    /// All bodies, by name.
    public func bodies() async throws -> [Body] {
        try await rows(BodyRow.self, select("bodies").orderBy("name")).map { try $0.model() }
    }

    /// One body.
    public func body(id: String) async throws -> Body? {
        try await rows(BodyRow.self, select("bodies").where("id", .equal, id)).first?.model()
    }

    /// Memberships of a body (or of every visible body), in the order they were recorded.
    public func memberships(bodyID: String? = nil) async throws -> [Membership] {
        var query = db.select().column(SQLColumn("*", table: "m")).from(SQLAlias(SQLIdentifier("memberships"), as: SQLIdentifier("m")))
            .join(SQLAlias(SQLIdentifier("bodies"), as: SQLIdentifier("b")), on: SQLColumn("id", table: "b"), .equal, SQLColumn("body_id", table: "m"))
            .where(SQLColumn("visibility", table: "b"), .in, SQLBind.group(scope.rawValues))
        if let bodyID { query = query.where(SQLColumn("body_id", table: "m"), .equal, SQLBind(bodyID)) }
        query = query.orderBy(SQLColumn("body_id", table: "m")).orderBy(SQLColumn("position", table: "m"))
        return try await rows(MembershipRow.self, query).map { try $0.model() }
    }

    /// All dossiers, by title.
    public func dossiers() async throws -> [Dossier] {
        try await rows(DossierRow.self, select("dossiers").orderBy("title")).map { try $0.model() }
    }

    /// One dossier.
    public func dossier(id: String) async throws -> Dossier? {
        try await rows(DossierRow.self, select("dossiers").where("id", .equal, id)).first?.model()
    }

    /// Agreements, optionally only those of a dossier or of a document, in document order.
    public func agreements(dossierID: String? = nil, documentID: String? = nil) async throws -> [Agreement] {
        var query = select("agreements")
        if let documentID { query = query.where("document_id", .equal, documentID) }
        if let dossierID {
            query = query.where(SQLIdentifier("id"), .in, SQLGroupExpression(
                db.select().column("agreement_id").from("agreement_dossiers").where("dossier_id", .equal, dossierID).select))
        }
        let found = try await rows(AgreementRow.self, query.orderBy("document_id").orderBy("id"))
        let links = try await agreementDossierLinks()
        let paragraphOrder = try await paragraphPositions(documentIDs: Set(found.map(\.documentId)))
        return try found
            .sorted { (paragraphOrder["\($0.documentId)#\($0.anchor)"] ?? 0, $0.spanStart, $0.id) < (paragraphOrder["\($1.documentId)#\($1.anchor)"] ?? 0, $1.spanStart, $1.id) }
            .map { try $0.model(dossierIDs: links[$0.id] ?? []) }
    }

    /// One agreement.
    public func agreement(id: String) async throws -> Agreement? {
        guard let row = try await rows(AgreementRow.self, select("agreements").where("id", .equal, id)).first else { return nil }
        return try row.model(dossierIDs: try await agreementDossierLinks()[id] ?? [])
    }

    private func agreementDossierLinks() async throws -> [String: [String]] {
        let rows = try await db.select().columns("agreement_id", "dossier_id").from("agreement_dossiers")
            .orderBy("agreement_id").orderBy("position").all()
        var links: [String: [String]] = [:]
        for row in rows {
            links[try row.decode(column: "agreement_id", as: String.self), default: []]
                .append(try row.decode(column: "dossier_id", as: String.self))
        }
        return links
    }

    private func paragraphPositions(documentIDs: Set<String>) async throws -> [String: Int] {
        guard !documentIDs.isEmpty else { return [:] }
        let rows = try await db.select().columns("document_id", "anchor", "position").from("document_paragraphs")
            .where("document_id", .in, Array(documentIDs)).all()
        var positions: [String: Int] = [:]
        for row in rows {
            let key = "\(try row.decode(column: "document_id", as: String.self))#\(try row.decode(column: "anchor", as: String.self))"
            positions[key] = try row.decode(column: "position", as: Int.self)
        }
        return positions
    }

    /// Milestones, optionally of one dossier, by deadline.
    public func milestones(dossierID: String? = nil) async throws -> [Milestone] {
        var query = select("milestones")
        if let dossierID { query = query.where("dossier_id", .equal, dossierID) }
        return try await rows(MilestoneRow.self, query.orderBy("due_latest").orderBy("due_earliest").orderBy("id")).map { try $0.model() }
    }

    /// One milestone.
    public func milestone(id: String) async throws -> Milestone? {
        try await rows(MilestoneRow.self, select("milestones").where("id", .equal, id)).first?.model()
    }

    /// One meeting.
    public func meeting(id: String) async throws -> Meeting? {
        try await rows(MeetingRow.self, select("meetings").where("id", .equal, id)).first?.model()
    }

    /// One investment.
    public func investment(id: String) async throws -> Investment? {
        try await rows(InvestmentRow.self, select("investments").where("id", .equal, id)).first?.model()
    }

    /// A visible record with its stored version (for ETags and conflict checks).
    public func versioned<R: StoredRecord>(_ type: R.Type, id: String) async throws -> (record: R, version: Int)? {
        guard let record = try await R.load(id: id, from: self),
              let row = try await db.select().column("version").from(R.table).where("id", .equal, id).first()
        else { return nil }
        return (record, try row.decode(column: "version", as: Int.self))
    }

    /// Meetings, optionally of one body, by date.
    public func meetings(bodyID: String? = nil) async throws -> [Meeting] {
        var query = select("meetings")
        if let bodyID { query = query.where("body_id", .equal, bodyID) }
        return try await rows(MeetingRow.self, query.orderBy("when_latest").orderBy("id")).map { try $0.model() }
    }

    /// Investments, optionally of one dossier.
    public func investments(dossierID: String? = nil) async throws -> [Investment] {
        var query = select("investments")
        if let dossierID { query = query.where("dossier_id", .equal, dossierID) }
        return try await rows(InvestmentRow.self, query.orderBy("country").orderBy("maximum_cents", .descending).orderBy("id")).map { try $0.model() }
    }
}
