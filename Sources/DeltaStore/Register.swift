import DeltaDomain
import SQLKit

/// Read access to the register for one reader. Every query filters on the reader's scope.
///
/// Create one per request from `DatabaseEngine.read`; the only state it keeps is what a public-only
/// reader is shown, read once (such a reader never writes, so it cannot go stale).
public struct Register: Sendable {
    /// The connection the register reads from (stores that work beside it use the same one).
    public let db: any SQLDatabase
    /// What this reader may see.
    public let scope: ReadScope

    /// What a public-only reader is shown, read once per register view (see `shownRecords()`).
    let shownCache: SharedRead<ShownRecords>
    /// The register version, read once per register view when a read is remembered (`ReadMemo`).
    let versionCache: SharedRead<Int>

    /// A register view over a connection for a scope.
    public init(db: any SQLDatabase, scope: ReadScope) {
        self.init(db: db, scope: scope, versionCache: SharedRead())
    }

    /// A view sharing another view's register version (the same connection, or one read at the
    /// same version: `beside`), and its shown records when given.
    init(db: any SQLDatabase, scope: ReadScope, versionCache: SharedRead<Int>, shownCache: SharedRead<ShownRecords> = SharedRead()) {
        self.db = db
        self.scope = scope
        self.versionCache = versionCache
        self.shownCache = shownCache
    }

    /// The connection, for the stores that read beside the register (meetings, notes).
    public var database: any SQLDatabase { db }

    /// The same connection read with another scope (for rules that must see every record, such as
    /// "does a hidden agreement still quote this text").
    public func with(scope: ReadScope) -> Register { Register(db: db, scope: scope) }

    func select(_ table: String) -> SQLSelectBuilder {
        db.select().column("*").from(table).where("visibility", .in, scope.rawValues)
    }

    /// Records read at a time by work that goes through a whole kind (`StoredRecord.load(ids:from:)`):
    /// the search index's rebuild, an import's comparison with what is stored. Large enough that
    /// the reads' number stays small (a hundred at a thousand times the demo), small enough that a
    /// part is a few megabytes, and far under both engines' limits on binds.
    public static let recordsPerRead = 2_000

    /// The ids of the records of a kind this reader may see, without reading the records (an
    /// import checks its references against them).
    public func ids<R: StoredRecord>(of type: R.Type) async throws -> Set<String> {
        Set(try await db.select().column("id").from(R.table).where("visibility", .in, scope.rawValues).all()
            .map { try $0.decode(column: "id", as: String.self) })
    }

    func rows<R: Decodable & Sendable & SendableMetatype>(_ type: R.Type, _ query: SQLSelectBuilder) async throws -> [R] {
        try await query.decodeEach { try ColumnDecoder.decode(R.self, from: $0) }
    }

    /// The records of a one-table kind among `ids` this reader may see, in one statement, in no
    /// particular order (`StoredRecord.load(ids:from:)`).
    func records<Row: RecordRow>(_ type: Row.Type, in table: String, ids: [String],
                                 _ rule: (ShownRecords) -> (Row.Record) -> Row.Record?) async throws -> [Row.Record] {
        guard !ids.isEmpty else { return [] }
        return try await showing(try await rows(Row.self, select(table).where("id", .in, ids)).map { try $0.model() }, rule)
    }

    /// All organisations, by name.
    public func organisations() async throws -> [Organisation] {
        if let tables = try await rememberedLookupTables() { return tables.organisations }
        return try await showing(try await rows(OrganisationRow.self, select("organisations").orderBy("name")).map { try $0.model() },
                                 ShownRecords.organisation)
    }

    /// One organisation.
    public func organisation(id: String) async throws -> Organisation? { try await organisations(ids: [id]).first }

    /// The organisations among `ids` this reader may see, in no particular order (`StoredRecord.load(ids:from:)`).
    public func organisations(ids: [String]) async throws -> [Organisation] {
        try await records(OrganisationRow.self, in: "organisations", ids: ids, ShownRecords.organisation)
    }

    /// All documents, newest first (unknown dates last), with their relations.
    public func documents() async throws -> [Document] {
        let documents = try await rows(DocumentRow.self, select("documents").orderBy("date", .descending).orderBy("id"))
        let relations = Dictionary(grouping: try await relationRows(), by: \.documentId)
        return try await showing(try documents.map { row in try row.model(relations: (relations[row.id] ?? []).map { try $0.model() }) },
                                 ShownRecords.document)
    }

    /// Relation rows of visible documents, in order (optionally of some documents only).
    private func relationRows(documentIDs: [String]? = nil) async throws -> [DocumentRelationRow] {
        var query = db.select().column(SQLColumn("*", table: "r"))
            .from(SQLAlias(SQLIdentifier("document_relations"), as: SQLIdentifier("r")))
            .join(SQLAlias(SQLIdentifier("documents"), as: SQLIdentifier("d")), on: SQLColumn("id", table: "d"), .equal, SQLColumn("document_id", table: "r"))
            .where(SQLColumn("visibility", table: "d"), .in, SQLBind.group(scope.rawValues))
        if let documentIDs { query = query.where(SQLColumn("document_id", table: "r"), .in, SQLBind.group(documentIDs)) }
        return try await rows(DocumentRelationRow.self, query.orderBy(SQLColumn("document_id", table: "r")).orderBy(SQLColumn("position", table: "r")))
    }

    /// A document with the relations of other visible documents that point at it, in two
    /// statements: the document, then every relation from or to it.
    public func documentWithIncomingRelations(id: String) async throws -> (document: Document, incoming: [(documentID: String, relation: DocumentRelation)])? {
        guard let row = try await rows(DocumentRow.self, select("documents").where("id", .equal, id)).first else { return nil }
        let query = db.select().column(SQLColumn("*", table: "r"))
            .from(SQLAlias(SQLIdentifier("document_relations"), as: SQLIdentifier("r")))
            .join(SQLAlias(SQLIdentifier("documents"), as: SQLIdentifier("d")), on: SQLColumn("id", table: "d"), .equal, SQLColumn("document_id", table: "r"))
            .where(SQLColumn("visibility", table: "d"), .in, SQLBind.group(scope.rawValues))
            .where(SQLGroupExpression(SQLBinaryExpression(
                SQLBinaryExpression(SQLColumn("document_id", table: "r"), .equal, SQLBind(id)), .or,
                SQLBinaryExpression(SQLColumn("target_id", table: "r"), .equal, SQLBind(id)))))
            .orderBy(SQLColumn("document_id", table: "r")).orderBy(SQLColumn("position", table: "r"))
        let relations = try await rows(DocumentRelationRow.self, query)
        guard let document = try await showing(try row.model(relations: try relations.filter { $0.documentId == id }.map { try $0.model() }),
                                               ShownRecords.document) else { return nil }
        var incoming = try relations.filter { $0.documentId != id && $0.targetId == id }.map { ($0.documentId, try $0.model()) }
        if showsOnlyPublic {
            let shown = try await shownRecords()
            incoming = incoming.filter { shown.contains(.document, $0.0) }
        }
        return (document, incoming)
    }

    /// All documents without their text, newest first: for lists and links.
    public func documentHeaders() async throws -> [DocumentHeader] {
        let query = db.select().columns("id", "kind", "title", "date_json", "place", "reference").from("documents")
            .where("visibility", .in, scope.rawValues).orderBy("date", .descending).orderBy("id")
        return try await query.all().map(LookupTables.documentHeader(from:))
    }

    /// Who signed each of these documents (those the reader may see), without their text: one read.
    public func signatories(documentIDs: [String]) async throws -> [String: [Signatory]] {
        guard !documentIDs.isEmpty else { return [:] }
        let rows = try await db.select().columns("id", "signatories_json").from("documents")
            .where("id", .in, documentIDs).where("visibility", .in, scope.rawValues).all()
        // What a public-only reader is shown: the document itself, and an organisation only when it is shown too.
        let shown = showsOnlyPublic ? try await shownRecords() : nil
        var result: [String: [Signatory]] = [:]
        for row in rows {
            let id = try row.decode(column: "id", as: String.self)
            if let shown, !shown.contains(.document, id) { continue }
            var signatories = try JSONColumn.decodeList(Signatory.self, try row.decode(column: "signatories_json", as: String.self), column: "signatories_json")
            if let shown {
                for index in signatories.indices where !shown.contains(.organisation, signatories[index].organisationID) {
                    signatories[index].organisationID = nil
                }
            }
            result[id] = signatories
        }
        return result
    }

    /// One document.
    public func document(id: String) async throws -> Document? { try await documents(ids: [id]).first }

    /// The documents among `ids` this reader may see, with their relations and without their text,
    /// in no particular order (`StoredRecord.load(ids:from:)`).
    public func documents(ids: [String]) async throws -> [Document] {
        guard !ids.isEmpty else { return [] }
        let documents = try await rows(DocumentRow.self, select("documents").where("id", .in, ids))
        let relations = Dictionary(grouping: try await relationRows(documentIDs: ids), by: \.documentId)
        return try await showing(try documents.map { row in try row.model(relations: (relations[row.id] ?? []).map { try $0.model() }) },
                                 ShownRecords.document)
    }

    /// A document's paragraphs in order (empty when the document is not visible).
    public func paragraphs(documentID: String) async throws -> [Paragraph] {
        try await paragraphs(documentIDs: [documentID])[documentID] ?? []
    }

    /// The paragraphs of several documents, by document id (an import looks its quotes up in them):
    /// `recordsPerRead` documents a statement.
    public func paragraphs(documentIDs: [String]) async throws -> [String: [Paragraph]] {
        var found: [String: [Paragraph]] = [:]
        for part in documentIDs.parts(of: Self.recordsPerRead) {
            let query = db.select().column(SQLColumn("*", table: "p")).from(SQLAlias(SQLIdentifier("document_paragraphs"), as: SQLIdentifier("p")))
                .join(SQLAlias(SQLIdentifier("documents"), as: SQLIdentifier("d")), on: SQLColumn("id", table: "d"), .equal, SQLColumn("document_id", table: "p"))
                .where(SQLColumn("document_id", table: "p"), .in, SQLBind.group(Array(part)))
                .where(SQLColumn("visibility", table: "d"), .in, SQLBind.group(scope.rawValues))
                .orderBy(SQLColumn("document_id", table: "p")).orderBy(SQLColumn("position", table: "p"))
            for row in try await rows(ParagraphRow.self, query) { found[row.documentId, default: []].append(try row.model()) }
        }
        return found
    }

    /// All bodies, by name.
    public func bodies() async throws -> [Body] {
        if let tables = try await rememberedLookupTables() { return tables.bodies }
        return try await showing(try await rows(BodyRow.self, select("bodies").orderBy("name")).map { try $0.model() }, ShownRecords.body)
    }

    /// One body.
    public func body(id: String) async throws -> Body? { try await bodies(ids: [id]).first }

    /// The bodies among `ids` this reader may see, in no particular order (`StoredRecord.load(ids:from:)`).
    public func bodies(ids: [String]) async throws -> [Body] {
        try await records(BodyRow.self, in: "bodies", ids: ids, ShownRecords.body)
    }

    /// Memberships of a body (or of every visible body), in the order they were recorded.
    public func memberships(bodyID: String? = nil) async throws -> [Membership] {
        try await memberships(bodyIDs: bodyID.map { [$0] })
    }

    /// Memberships of the bodies among `bodyIDs` (nil: every visible body), by body.
    public func memberships(bodyIDs: [String]?) async throws -> [Membership] {
        var query = db.select().column(SQLColumn("*", table: "m")).from(SQLAlias(SQLIdentifier("memberships"), as: SQLIdentifier("m")))
            .join(SQLAlias(SQLIdentifier("bodies"), as: SQLIdentifier("b")), on: SQLColumn("id", table: "b"), .equal, SQLColumn("body_id", table: "m"))
            .where(SQLColumn("visibility", table: "b"), .in, SQLBind.group(scope.rawValues))
        if let bodyIDs { query = query.where(SQLColumn("body_id", table: "m"), .in, SQLBind.group(bodyIDs)) }
        query = query.orderBy(SQLColumn("body_id", table: "m")).orderBy(SQLColumn("position", table: "m"))
        return try await showing(try await rows(MembershipRow.self, query).map { try $0.model() }, ShownRecords.membership)
    }

    /// All dossiers, by title.
    public func dossiers() async throws -> [Dossier] {
        if let tables = try await rememberedLookupTables() { return tables.dossiers }
        return try await showing(try await rows(DossierRow.self, select("dossiers").orderBy("title")).map { try $0.model() }, ShownRecords.dossier)
    }

    /// One dossier.
    public func dossier(id: String) async throws -> Dossier? { try await dossiers(ids: [id]).first }

    /// The dossiers among `ids` this reader may see, in no particular order (`StoredRecord.load(ids:from:)`).
    public func dossiers(ids: [String]) async throws -> [Dossier] {
        try await records(DossierRow.self, in: "dossiers", ids: ids, ShownRecords.dossier)
    }

    /// The organisations, document headers, bodies and dossiers this reader may see, in one
    /// statement (see `LookupTables`).
    public func lookupTables() async throws -> LookupTables {
        if let tables = try await rememberedLookupTables() { return tables }
        return try await lookupTables(of: try await LookupTables.read(visibilities: scope.rawValues, on: db))
    }

    /// The lookup tables as this reader's scope gives them, remembered per scope (`StoreRead.scoped`);
    /// nil where nothing is remembered.
    private func rememberedLookupTables() async throws -> LookupTables? {
        guard ReadMemo.current != nil, (db as? CancellableDatabase)?.readsOnly == true else { return nil }
        return try await remembered(StoreRead.scoped(.lookupTables)) {
            try await lookupTables(of: try await withShownAlongside { try await rememberedLookups() })
        }
    }

    /// The lookup tables read with every visibility (or this reader's), as this reader may see them.
    private func lookupTables(of every: EveryLookup) async throws -> LookupTables {
        LookupTables(organisations: try await scoped(every.tables.organisations, ShownRecords.organisation),
                     documents: every.documentVisibilities.allSatisfy(scope.allows) ? every.tables.documents
                         : zip(every.tables.documents, every.documentVisibilities).filter { scope.allows($1) }.map(\.0),
                     bodies: try await scoped(every.tables.bodies, ShownRecords.body),
                     dossiers: try await scoped(every.tables.dossiers, ShownRecords.dossier))
    }

    /// The four lookup tables with every visibility, read in one statement and remembered once per
    /// register version for every reader; nil where nothing is remembered (see `remembered`).
    ///
    /// Why once for every reader: the public, each kind of official and each language read the same
    /// rows, and organisations, bodies and dossiers were decoded again for each of them and for
    /// their own lists (at 1 000×, decoding these tables was a fifth of the first overview). Each
    /// reader filters them (`scoped`) and keeps nothing.
    private func rememberedLookups() async throws -> EveryLookup {
        let everything = Register(db: db, scope: .everything, versionCache: versionCache)
        return try await everything.remembered(StoreRead.lookupTables) {
            try await LookupTables.read(visibilities: ReadScope.everything.rawValues, on: db)
        }
    }

    /// Agreements, optionally only those of a dossier or of a document, in document order.
    public func agreements(dossierID: String? = nil, documentID: String? = nil) async throws -> [Agreement] {
        if dossierID == nil, documentID == nil {
            return try await rememberedKind(StoreRead.agreements, ShownRecords.agreement) { try await $0.readAgreements(where: []) }
        }
        var conditions: [any SQLExpression] = []
        if let documentID { conditions.append(SQLBinaryExpression(SQLColumn("document_id", table: "a"), .equal, SQLBind(documentID))) }
        if let dossierID {
            let ofDossier = db.select().column("agreement_id").from("agreement_dossiers").where("dossier_id", .equal, dossierID).select
            conditions.append(SQLBinaryExpression(SQLColumn("id", table: "a"), .in, SQLGroupExpression(ofDossier)))
        }
        return try await agreements(where: conditions)
    }

    /// The ids of the documents holding an agreement in this reader's scope, in no particular
    /// order: one statement, which reads no agreement. Before what a public reader is shown, so a
    /// document may hold none that the reader is shown (`agreements(documentIDs:)` tells).
    public func documentsWithAgreements() async throws -> Set<String> {
        Set(try await db.select().distinct().column("document_id").from("agreements").where("visibility", .in, scope.rawValues)
            .decodeEach { try $0.decode(column: "document_id", as: String.self) })
    }

    /// The agreements this reader may see from the documents among `documentIDs`, in document
    /// order: one statement, which reads those agreements only.
    public func agreements(documentIDs: [String]) async throws -> [Agreement] {
        guard !documentIDs.isEmpty else { return [] }
        return try await agreements(where: [SQLBinaryExpression(SQLColumn("document_id", table: "a"), .in, SQLBind.group(documentIDs))])
    }

    /// The agreements this reader may see on the dossiers it may see carried by the bodies
    /// `bodyIDs`, in document order: one statement, which reads those agreements only.
    public func agreements(ofBodies bodyIDs: [String]) async throws -> [Agreement] {
        guard !bodyIDs.isEmpty else { return [] }
        let ofBodies = db.select().column("agreement_id").from("agreement_dossiers")
            .where("dossier_id", .in, SQLGroupExpression(dossiers(ofBodies: bodyIDs))).select
        return try await agreements(where: [SQLBinaryExpression(SQLColumn("id", table: "a"), .in, SQLGroupExpression(ofBodies))])
    }

    /// The ids of the dossiers this reader's scope allows that are carried by `bodyIDs`, as a subquery.
    private func dossiers(ofBodies bodyIDs: [String]) -> any SQLExpression {
        db.select().column("id").from("dossiers").where("body_id", .in, SQLBind.group(bodyIDs))
            .where("visibility", .in, SQLBind.group(scope.rawValues)).select
    }

    /// One agreement.
    public func agreement(id: String) async throws -> Agreement? { try await agreements(ids: [id]).first }

    /// The agreements among `ids` this reader may see, in document order (`StoredRecord.load(ids:from:)`).
    public func agreements(ids: [String]) async throws -> [Agreement] {
        guard !ids.isEmpty else { return [] }
        return try await agreements(where: [SQLBinaryExpression(SQLColumn("id", table: "a"), .in, SQLBind.group(ids))])
    }

    /// Visible agreements matching `conditions`, with their dossiers and in document order, read in
    /// one statement: an agreement comes once per dossier it belongs to (LEFT JOIN, so also with
    /// none), with the position of its paragraph.
    private func agreements(where conditions: [any SQLExpression]) async throws -> [Agreement] {
        try await showing(try await readAgreements(where: conditions), ShownRecords.agreement)
    }

    /// `agreements(where:)` before what a public reader is shown is applied.
    private func readAgreements(where conditions: [any SQLExpression]) async throws -> [Agreement] {
        var query = db.select()
            .column(SQLColumn("*", table: "a"))
            .column(SQLAlias(SQLColumn("dossier_id", table: "l"), as: SQLIdentifier("link_dossier_id")))
            .column(SQLAlias(SQLColumn("position", table: "p"), as: SQLIdentifier("paragraph_position")))
            .from(SQLAlias(SQLIdentifier("agreements"), as: SQLIdentifier("a")))
            .join(SQLAlias(SQLIdentifier("agreement_dossiers"), as: SQLIdentifier("l")), method: SQLJoinMethod.left,
                  on: SQLBinaryExpression(SQLColumn("agreement_id", table: "l"), .equal, SQLColumn("id", table: "a")))
            .join(SQLAlias(SQLIdentifier("document_paragraphs"), as: SQLIdentifier("p")), method: SQLJoinMethod.left,
                  on: SQLBinaryExpression(
                    SQLBinaryExpression(SQLColumn("document_id", table: "p"), .equal, SQLColumn("document_id", table: "a")), .and,
                    SQLBinaryExpression(SQLColumn("anchor", table: "p"), .equal, SQLColumn("anchor", table: "a"))))
            .where(SQLColumn("visibility", table: "a"), .in, SQLBind.group(scope.rawValues))
        for condition in conditions { query = query.where(condition) }
        let ordered = query.orderBy(SQLColumn("id", table: "a")).orderBy(SQLColumn("position", table: "l"))
        let found = try await ordered.fold(into: [(row: AgreementRow, paragraph: Int, dossierIDs: [String])]()) { found, row in
            let id = try row.decode(column: "id", as: String.self)
            if found.last?.row.id != id {
                found.append((try ColumnDecoder.decode(AgreementRow.self, from: row),
                              try row.decode(column: "paragraph_position", as: Int?.self) ?? 0, []))
            }
            if let dossierID = try row.decode(column: "link_dossier_id", as: String?.self) { found[found.count - 1].dossierIDs.append(dossierID) }
        }
        return try found
            .sorted { ($0.paragraph, $0.row.spanStart, $0.row.id) < ($1.paragraph, $1.row.spanStart, $1.row.id) }
            .map { try $0.row.model(dossierIDs: $0.dossierIDs) }
    }

    /// A delegation's private notes on a dossier and on the dossier's agreements this reader may
    /// see, each note on an agreement with the agreement's title: notes on the dossier first, then
    /// those on its agreements, each oldest first; none when the dossier is not visible. One
    /// statement, however many agreements.
    public func notes(onDossier dossierID: String, delegation: String) async throws -> [(note: PrivateNote, agreementTitle: String?)] {
        let agreementKind = SQLBind(RecordKind.agreement.rawValue), dossierKind = SQLBind(RecordKind.dossier.rawValue)
        let ofDossier = db.select().column("agreement_id").from("agreement_dossiers").where("dossier_id", .equal, dossierID).select
        let onDossier = SQLBinaryExpression(
            SQLBinaryExpression(SQLColumn("record_kind", table: "n"), .equal, dossierKind), .and,
            SQLBinaryExpression(SQLColumn("record_id", table: "n"), .equal, SQLBind(dossierID)))
        // The join keeps only visible agreements, so `a.id` is NULL for a hidden one.
        let onAgreement = SQLBinaryExpression(SQLColumn("id", table: "a"), .in, SQLGroupExpression(ofDossier))
        let rows = try await db.select()
            .column(SQLColumn("*", table: "n"))
            .column(SQLAlias(SQLColumn("title", table: "a"), as: SQLIdentifier("agreement_title")))
            .from(SQLAlias(SQLIdentifier("private_notes"), as: SQLIdentifier("n")))
            .join(SQLAlias(SQLIdentifier("agreements"), as: SQLIdentifier("a")), method: SQLJoinMethod.left,
                  on: SQLBinaryExpression(
                    SQLBinaryExpression(
                        SQLBinaryExpression(SQLColumn("record_kind", table: "n"), .equal, agreementKind), .and,
                        SQLBinaryExpression(SQLColumn("id", table: "a"), .equal, SQLColumn("record_id", table: "n"))), .and,
                    SQLBinaryExpression(SQLColumn("visibility", table: "a"), .in, SQLBind.group(scope.rawValues))))
            .where(SQLColumn("delegation", table: "n"), .equal, SQLBind(delegation))
            // Nothing at all about a dossier this reader may not see.
            .where(SQLBind(dossierID), .in, SQLGroupExpression(
                db.select().column("id").from("dossiers").where("id", .equal, dossierID).where("visibility", .in, scope.rawValues).select))
            .where(SQLGroupExpression(SQLBinaryExpression(SQLGroupExpression(onDossier), .or, SQLGroupExpression(onAgreement))))
            .orderBy(SQLColumn("created_at", table: "n")).orderBy(SQLColumn("id", table: "n"))
            .all()
        let notes = try rows.map { row in
            (note: try PrivateNote(stored: row), agreementTitle: try row.decode(column: "agreement_title", as: String?.self))
        }
        return notes.filter { $0.note.recordKind == .dossier } + notes.filter { $0.note.recordKind == .agreement }
    }

    /// Milestones, optionally of one dossier, by deadline, each with all its dossiers (one
    /// statement: a milestone comes once per dossier link).
    public func milestones(dossierID: String? = nil) async throws -> [Milestone] {
        if dossierID == nil {
            return try await rememberedKind(StoreRead.milestones, ShownRecords.milestone) { try await $0.readMilestones(where: []) }
        }
        return try await milestones(where: dossierID.map { id in
            [SQLBinaryExpression(SQLColumn("id", table: "m"), .in, SQLGroupExpression(
                db.select().column("milestone_id").from("milestone_dossiers").where("dossier_id", .equal, id).select))]
        } ?? [])
    }

    /// The milestones this reader may see on the dossiers it may see carried by the bodies
    /// `bodyIDs`, by due date: one statement, which reads those milestones only.
    public func milestones(ofBodies bodyIDs: [String]) async throws -> [Milestone] {
        guard !bodyIDs.isEmpty else { return [] }
        let ofBodies = db.select().column("milestone_id").from("milestone_dossiers")
            .where("dossier_id", .in, SQLGroupExpression(dossiers(ofBodies: bodyIDs))).select
        return try await milestones(where: [SQLBinaryExpression(SQLColumn("id", table: "m"), .in, SQLGroupExpression(ofBodies))])
    }

    /// One milestone.
    public func milestone(id: String) async throws -> Milestone? { try await milestones(ids: [id]).first }

    /// The milestones among `ids` this reader may see, by deadline (`StoredRecord.load(ids:from:)`).
    public func milestones(ids: [String]) async throws -> [Milestone] {
        guard !ids.isEmpty else { return [] }
        return try await milestones(where: [SQLBinaryExpression(SQLColumn("id", table: "m"), .in, SQLBind.group(ids))])
    }

    private func milestones(where conditions: [any SQLExpression]) async throws -> [Milestone] {
        try await showing(try await readMilestones(where: conditions), ShownRecords.milestone)
    }

    /// `milestones(where:)` before what a public reader is shown is applied.
    private func readMilestones(where conditions: [any SQLExpression]) async throws -> [Milestone] {
        var query = db.select()
            .column(SQLColumn("*", table: "m"))
            .column(SQLAlias(SQLColumn("dossier_id", table: "l"), as: SQLIdentifier("link_dossier_id")))
            .from(SQLAlias(SQLIdentifier("milestones"), as: SQLIdentifier("m")))
            .join(SQLAlias(SQLIdentifier("milestone_dossiers"), as: SQLIdentifier("l")), method: SQLJoinMethod.left,
                  on: SQLBinaryExpression(SQLColumn("milestone_id", table: "l"), .equal, SQLColumn("id", table: "m")))
            .where(SQLColumn("visibility", table: "m"), .in, SQLBind.group(scope.rawValues))
        for condition in conditions { query = query.where(condition) }
        query = query.orderBy(SQLColumn("due_latest", table: "m")).orderBy(SQLColumn("due_earliest", table: "m"))
            .orderBy(SQLColumn("id", table: "m")).orderBy(SQLColumn("position", table: "l"))
        // A milestone's rows (one per dossier) come together; each milestone is made as soon as
        // its last row has come. Why: holding every row's columns until the end took 26 MB at a
        // thousand times the demo, the server's peak on its first page.
        var reading = try await query.fold(into: MilestoneReading()) { reading, row in
            let id = try row.decode(column: "id", as: String.self)
            if reading.pending?.row.id != id {
                try reading.finish()
                reading.pending = (try ColumnDecoder.decode(MilestoneRow.self, from: row), [])
            }
            if let dossierID = try row.decode(column: "link_dossier_id", as: String?.self) { reading.pending?.dossierIDs.append(dossierID) }
        }
        try reading.finish()
        return reading.milestones.compacted()
    }

    /// Milestones made from their rows, and the rows of the one still being read.
    private struct MilestoneReading: Sendable {
        var milestones: [Milestone] = []
        var pending: (row: MilestoneRow, dossierIDs: [String])?

        mutating func finish() throws {
            guard let pending else { return }
            milestones.append(try pending.row.model(dossierIDs: pending.dossierIDs))
            self.pending = nil
        }
    }

    /// One meeting.
    public func meeting(id: String) async throws -> Meeting? { try await meetings(ids: [id]).first }

    /// The meetings among `ids` this reader may see, in no particular order (`StoredRecord.load(ids:from:)`).
    public func meetings(ids: [String]) async throws -> [Meeting] {
        try await records(MeetingRow.self, in: "meetings", ids: ids, ShownRecords.meeting)
    }

    /// One investment.
    public func investment(id: String) async throws -> Investment? { try await investments(ids: [id]).first }

    /// The investments among `ids` this reader may see, each with every reference (as an edit form
    /// needs it; the list read leaves out those to hidden records), in no particular order
    /// (`StoredRecord.load(ids:from:)`).
    public func investments(ids: [String]) async throws -> [Investment] {
        try await records(InvestmentRow.self, in: "investments", ids: ids, ShownRecords.investment)
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
        if bodyID == nil { return try await rememberedKind(StoreRead.meetings, ShownRecords.meeting) { try await $0.readMeetings(bodyID: nil) } }
        return try await showing(try await readMeetings(bodyID: bodyID), ShownRecords.meeting)
    }

    /// The meetings before what a public reader is shown is applied.
    private func readMeetings(bodyID: String?) async throws -> [Meeting] {
        var query = select("meetings")
        if let bodyID { query = query.where("body_id", .equal, bodyID) }
        return try await rows(MeetingRow.self, query.orderBy("when_latest").orderBy("id")).map { try $0.model() }
    }

    /// The goal tree's nodes, by level and title.
    public func goals() async throws -> [Goal] {
        try await showing(try await rows(GoalRow.self, select("goals").orderBy("id")).map { try $0.model() }, ShownRecords.goal)
    }

    /// One goal-tree node.
    public func goal(id: String) async throws -> Goal? { try await goals(ids: [id]).first }

    /// The goals among `ids` this reader may see, in no particular order (`StoredRecord.load(ids:from:)`).
    public func goals(ids: [String]) async throws -> [Goal] {
        try await records(GoalRow.self, in: "goals", ids: ids, ShownRecords.goal)
    }

    /// All indicators.
    public func indicators() async throws -> [Indicator] {
        try await showing(try await rows(IndicatorRow.self, select("indicators").orderBy("goal_id").orderBy("id")).map { try $0.model() }, ShownRecords.indicator)
    }

    /// One indicator.
    public func indicator(id: String) async throws -> Indicator? { try await indicators(ids: [id]).first }

    /// The indicators among `ids` this reader may see, in no particular order (`StoredRecord.load(ids:from:)`).
    public func indicators(ids: [String]) async throws -> [Indicator] {
        try await records(IndicatorRow.self, in: "indicators", ids: ids, ShownRecords.indicator)
    }

    /// The rail links, by name.
    public func railLinks() async throws -> [RailLink] {
        try await rememberedKind(StoreRead.railLinks, ShownRecords.railLink) { register in
            try await register.rows(RailLinkRow.self, register.select("rail_links").orderBy("name").orderBy("id")).map { try $0.model() }
        }
    }

    /// One rail link.
    public func railLink(id: String) async throws -> RailLink? { try await railLinks(ids: [id]).first }

    /// The railLinks among `ids` this reader may see, in no particular order (`StoredRecord.load(ids:from:)`).
    public func railLinks(ids: [String]) async throws -> [RailLink] {
        try await records(RailLinkRow.self, in: "rail_links", ids: ids, ShownRecords.railLink)
    }

    /// The allocation regimes, by country and title.
    public func allocationRegimes() async throws -> [AllocationRegime] {
        try await showing(try await rows(AllocationRegimeRow.self, select("allocation_regimes").orderBy("country").orderBy("title").orderBy("id")).map { try $0.model() },
                          ShownRecords.allocationRegime)
    }

    /// One allocation regime.
    public func allocationRegime(id: String) async throws -> AllocationRegime? { try await allocationRegimes(ids: [id]).first }

    /// The allocationRegimes among `ids` this reader may see, in no particular order (`StoredRecord.load(ids:from:)`).
    public func allocationRegimes(ids: [String]) async throws -> [AllocationRegime] {
        try await records(AllocationRegimeRow.self, in: "allocation_regimes", ids: ids, ShownRecords.allocationRegime)
    }

    /// The allocation regimes, by country and title, each with the title of its source document
    /// when this reader may see that document (nil otherwise, or without a source), in one statement.
    public func allocationRegimesWithSourceTitles() async throws -> [(regime: AllocationRegime, sourceTitle: String?)] {
        let rows = try await db.select()
            .column(SQLColumn("*", table: "r"))
            .column(SQLAlias(SQLColumn("title", table: "d"), as: SQLIdentifier("source_title")))
            .from(SQLAlias(SQLIdentifier("allocation_regimes"), as: SQLIdentifier("r")))
            .join(SQLAlias(SQLIdentifier("documents"), as: SQLIdentifier("d")), method: SQLJoinMethod.left,
                  on: SQLBinaryExpression(
                    SQLBinaryExpression(SQLColumn("id", table: "d"), .equal, SQLColumn("source_document_id", table: "r")), .and,
                    SQLBinaryExpression(SQLColumn("visibility", table: "d"), .in, SQLBind.group(scope.rawValues))))
            .where(SQLColumn("visibility", table: "r"), .in, SQLBind.group(scope.rawValues))
            .orderBy(SQLColumn("country", table: "r")).orderBy(SQLColumn("title", table: "r")).orderBy(SQLColumn("id", table: "r"))
            .all()
        let regimes = try rows.map { row in
            (regime: try ColumnDecoder.decode(AllocationRegimeRow.self, from: row).model(),
             sourceTitle: try row.decode(column: "source_title", as: String?.self))
        }
        guard showsOnlyPublic, !regimes.isEmpty else { return regimes }
        let shown = try await shownRecords()
        return regimes.compactMap { entry in shown.allocationRegime(entry.regime).map { ($0, entry.sourceTitle) } }
    }

    /// Investments, optionally of one dossier.
    public func investments(dossierID: String? = nil) async throws -> [Investment] {
        var query = select("investments")
        if let dossierID { query = query.where("dossier_id", .equal, dossierID) }
        let investments = try await rows(InvestmentRow.self, query.orderBy("country").orderBy("maximum_cents", .descending).orderBy("id")).map { try $0.model() }
        guard scope != .everything, !investments.isEmpty else { return investments }
        if showsOnlyPublic { return try await showing(investments, ShownRecords.investment) }
        // A visible amount may refer to a record this reader may not see; the reference is left
        // out so a hidden record is never named (or its id shown) through a visible one.
        let visible = try await visibleIDs(["dossiers", "investments", "agreements", "goals", "organisations", "documents"])
        // An amount put in by an organisation the reader may not see is not shown at all: its
        // funder cannot be left out the way a reference can.
        return investments.filter { visible.contains("organisations/" + $0.organisationID) }.map { investment in
            var shown = investment
            if let id = shown.source?.documentID, !visible.contains("documents/" + id) { shown.source = nil }
            if let id = shown.dossierID, !visible.contains("dossiers/" + id) { shown.dossierID = nil }
            if let id = shown.partOfID, !visible.contains("investments/" + id) { shown.partOfID = nil }
            if let id = shown.agreementID, !visible.contains("agreements/" + id) { shown.agreementID = nil }
            if let id = shown.measureID, !visible.contains("goals/" + id) { shown.measureID = nil }
            return shown
        }
    }

    /// The ids ("table/id") of the records of `tables` this reader may see, in one statement.
    func visibleIDs(_ tables: [String]) async throws -> Set<String> {
        var parts: [SQLQueryString] = []
        for table in tables {
            parts.append("SELECT \(literal: table + "/") AS t, id FROM \(ident: table) WHERE visibility IN (\(binds: scope.rawValues))")
        }
        let query = parts.dropFirst().reduce(parts[0]) { $0 + " UNION ALL " + $1 }
        let rows = try await db.raw(query).all()
        return Set(try rows.map { try $0.decode(column: "t", as: String.self) + $0.decode(column: "id", as: String.self) })
    }
}
