import DeltaDomain
import SQLKit

/// The full-text index of the register (`search_entries`), kept in the same transaction as every
/// change, and the one place that queries it.
///
/// The entries are ordinary rows on both engines, with the searched texts folded by
/// `SearchText`; what differs is only how they are matched and ranked:
/// - SQLite: an FTS5 table over the rows (`search_text`, kept in step by triggers), matched with
///   quoted words and ranked by `bm25`;
/// - PostgreSQL: a `tsvector` column generated with the Dutch configuration (so with Dutch stemming
///   and stop words), matched with `to_tsquery` and ranked by `ts_rank_cd`.
/// Titles weigh more than texts on both.
public struct SearchIndex: Sendable {
    let db: any SQLDatabase

    /// An index over a connection (inside the transaction of the change, for writes).
    public init(db: any SQLDatabase) { self.db = db }

    /// The columns written for every entry, in order.
    static let columns = ["source", "kind", "record_id", "anchor", "position", "title", "text", "title_index", "text_index", "visibility",
                          "body_ids", "dossier_ids", "year", "countries", "page_kind", "page_id"]
    /// Entries written per statement (16 values each, far under both engines' limits on binds).
    static let batchSize = 200

    /// The record a set of entries is rebuilt from ("document/verklaring-2026", "meeting/…").
    static func source(_ kind: RecordKind, _ id: String) -> String { "\(kind.rawValue)/\(id)" }

    /// A list as one text that `LIKE '% value %'` can look into.
    static func list(_ values: [String]) -> String { " " + values.joined(separator: " ") + " " }

    // MARK: Writing

    /// Brings the entries of a record just written up to date. Records that are not searched
    /// (bodies, investments, goals, …) have none.
    public func update<R: StoredRecord>(_ record: R) async throws {
        let source = Self.source(R.recordKind, record.id)
        switch record {
        case let meeting as Meeting:
            try await updateMeeting(meeting)
        case let organisation as Organisation:
            try await replace(source: source, with: SearchEntries.entries(organisation))
        case let document as Document:
            try await replace(source: source, with: SearchEntries.entries(document, context: try await context()))
        case let agreement as Agreement:
            try await replace(source: source, with: SearchEntries.entries(agreement, context: try await context()))
        case let dossier as Dossier:
            try await replace(source: source, with: SearchEntries.entries(dossier, context: try await context()))
        case let milestone as Milestone:
            try await replace(source: source, with: SearchEntries.entries(milestone, context: try await context()))
        case let link as RailLink:
            try await replace(source: source, with: SearchEntries.entries(link))
        default:
            return
        }
    }

    /// Brings the entries of a meeting's minutes up to date (after approval or a correction).
    public func updateMeeting(id: String) async throws {
        guard let meeting = try await Register(db: db, scope: .everything).meeting(id: id) else { return }
        try await updateMeeting(meeting)
    }

    private func updateMeeting(_ meeting: Meeting) async throws {
        let store = MeetingStore(db: db)
        let minutes = try await store.minutes(meetingID: meeting.id)
        // Draft minutes have no entries: only approval needs the outcomes read.
        let outcomes = minutes.status == .approved ? try await store.outcomes(meetingID: meeting.id) : []
        try await replace(source: Self.source(.meeting, meeting.id), with: SearchEntries.entries(meeting, minutes: minutes, outcomes: outcomes))
    }

    /// Empties the index and indexes every record again; returns the number of entries.
    ///
    /// Each kind is read `partSize` records at a time (by id), so the rebuild holds one part of
    /// the register, never a whole kind: at a thousand times the demo the whole reads of the
    /// agreements and milestones were an import's peak of memory.
    @discardableResult
    public func rebuild(partSize: Int = Register.recordsPerRead) async throws -> Int {
        try await db.delete(from: "search_entries").run()
        let register = Register(db: db, scope: .everything)
        let context = try await context()
        var count = 0
        // The entries of a part of the records (folding their texts is most of the work) are
        // made while the part before is written (`Pipeline`), many records to a statement.
        func index<R: StoredRecord>(_ records: [R], _ entries: @escaping @Sendable (R) -> [SearchEntry]) async throws {
            try await Pipeline.run(records, partSize: Self.recordsPerPart, prepare: { part in
                part.flatMap { record in
                    let source = Self.source(R.recordKind, record.id)
                    return entries(record).map { Self.values(of: $0, source: source) }
                }
            }, write: { rows in
                try await insert(rows)
                count += rows.count
            })
        }
        func inParts<R: StoredRecord>(_ type: R.Type, _ body: ([R]) async throws -> Void) async throws {
            for part in try await register.ids(of: R.self).sorted().parts(of: partSize) {
                try await body(try await R.load(ids: Array(part), from: register))
            }
        }
        try await inParts(Organisation.self) { try await index($0) { SearchEntries.entries($0) } }
        try await inParts(Document.self) { try await index($0) { SearchEntries.entries($0, context: context) } }
        try await inParts(Dossier.self) { try await index($0) { SearchEntries.entries($0, context: context) } }
        try await inParts(Agreement.self) { try await index($0) { SearchEntries.entries($0, context: context) } }
        try await inParts(Milestone.self) { try await index($0) { SearchEntries.entries($0, context: context) } }
        try await inParts(RailLink.self) { try await index($0) { SearchEntries.entries($0) } }
        let store = MeetingStore(db: db)
        try await inParts(Meeting.self) { meetings in
            let minutes = try await store.minutes(meetingIDs: meetings.map(\.id))
            let outcomes = try await store.outcomes(meetingIDs: meetings.map(\.id))
            try await index(meetings) { meeting in
                guard let record = minutes[meeting.id] else { return [] }
                return SearchEntries.entries(meeting, minutes: record, outcomes: outcomes[meeting.id] ?? [])
            }
        }
        return count
    }

    /// Records whose entries are made at a time by `rebuild`.
    static let recordsPerPart = 200

    /// What entries read about other records, as stored now: three columns, not the lookup tables,
    /// whose titles and summaries were most of the rebuild's memory at 1 000× (and read on every edit).
    private func context() async throws -> SearchEntries.Context {
        var countries: [String: Country] = [:], documentYears: [String: Int] = [:], dossierBodies: [String: String] = [:]
        for row in try await db.select().columns("id", "country").from("organisations").all() {
            countries[try row.decode(column: "id", as: String.self)] =
                try storedEnum(Country.self, try row.decode(column: "country", as: String.self), column: "country")
        }
        for row in try await db.select().columns("id", "date_json").from("documents").all() {
            let date = try JSONColumn.decode(FuzzyPeriod.self, try row.decode(column: "date_json", as: String?.self), column: "date_json")
            if let year = date?.earliest.year { documentYears[try row.decode(column: "id", as: String.self)] = year }
        }
        for row in try await db.select().columns("id", "body_id").from("dossiers").all() {
            if let body = try row.decode(column: "body_id", as: String?.self) { dossierBodies[try row.decode(column: "id", as: String.self)] = body }
        }
        return SearchEntries.Context(countries: countries, documentYears: documentYears, dossierBodies: dossierBodies)
    }

    private func replace(source: String, with entries: [SearchEntry]) async throws {
        try await db.delete(from: "search_entries").where("source", .equal, source).run()
        try await insert(entries, source: source)
    }

    private func insert(_ entries: [SearchEntry], source: String) async throws {
        try await insert(entries.map { Self.values(of: $0, source: source) })
    }

    /// An entry's values in the order of `columns`, its texts folded for the engines.
    static func values(of entry: SearchEntry, source: String) -> [MultiRowInsert.Value] {
        let values: [any Encodable & Sendable] = [
            source, entry.kind.rawValue, entry.recordID, entry.anchor, entry.position, entry.title, entry.text,
            entry.titleIsSearched ? SearchText.indexed(entry.title) : "", SearchText.indexed(entry.text), entry.visibility.rawValue,
            Self.list(entry.bodyIDs), Self.list(entry.dossierIDs), entry.year, Self.list(entry.countries.map(\.rawValue)),
            entry.pageKind.rawValue, entry.pageID,
        ]
        return values.map { .bind($0) }
    }

    /// Writes entries' values (from `values(of:source:)`), `batchSize` to a statement.
    private func insert(_ rows: [[MultiRowInsert.Value]]) async throws {
        for part in rows.parts(of: Self.batchSize) {
            try await db.execute(sql: MultiRowInsert(table: "search_entries", columns: Self.columns, rows: part)) { _ in }
        }
    }

    // MARK: Searching

    /// A page of results for `query` among the entries `scope` may see, best first, and the
    /// number of results of every kind. Two statements, whatever the size of the register.
    public func search(_ query: SearchQuery, scope: ReadScope) async throws -> SearchResults {
        guard !query.isEmpty, !scope.rawValues.isEmpty else { return .none }
        let isPostgres = db.dialect.name == "postgresql"
        let from: SQLQueryString = isPostgres
            ? "FROM search_entries e, to_tsquery('dutch', \(bind: query.tsqueryExpression)) AS q WHERE e.search_vector @@ q"
            : "FROM search_text JOIN search_entries e ON e.entry_id = search_text.rowid WHERE search_text MATCH \(bind: query.fts5Expression)"
        // bm25 is lower for better matches; both scores are turned into "higher is better", then
        // weighed by kind.
        let rank: SQLQueryString = isPostgres ? "ts_rank_cd(e.search_vector, q, 1)::float8" : "-bm25(search_text, 4.0, 1.0)"
        let boosts = SearchKind.allCases.filter { $0.boost != 1 }
            .map { "WHEN '\($0.rawValue)' THEN \($0.boost)" }.joined(separator: " ")
        let score: SQLQueryString = boosts.isEmpty ? rank : "(\(rank)) * (CASE e.kind \(unsafeRaw: boosts) ELSE 1.0 END)"

        let page: SQLQueryString = """
            SELECT e.kind, e.record_id, e.anchor, e.title, e.text, e.year, e.page_kind, e.page_id, \(score) AS score \(from)\
            \(conditions(query, scope: scope, withKinds: true)) ORDER BY score DESC, e.kind, e.record_id, e.position \
            LIMIT \(bind: query.limit) OFFSET \(bind: query.offset)
            """
        let hits = try await db.raw(page).all().map(Self.hit(from:))
        let countStatement: SQLQueryString = "SELECT e.kind, COUNT(*) AS n \(from)\(conditions(query, scope: scope, withKinds: false)) GROUP BY e.kind"
        var counts: [SearchKind: Int] = [:]
        for row in try await db.raw(countStatement).all() {
            counts[try storedEnum(SearchKind.self, try row.decode(column: "kind", as: String.self), column: "kind")] = try row.decode(column: "n", as: Int.self)
        }
        let total = counts.filter { query.kinds.isEmpty || query.kinds.contains($0.key) }.values.reduce(0, +)
        return SearchResults(hits: hits, counts: counts, total: total)
    }

    /// The filters: visibility always, then type, year, body and country when asked for.
    private func conditions(_ query: SearchQuery, scope: ReadScope, withKinds: Bool) -> SQLQueryString {
        var sql: SQLQueryString = " AND e.visibility IN (\(binds: scope.rawValues))"
        if withKinds, !query.kinds.isEmpty { sql += " AND e.kind IN (\(binds: query.kinds.map(\.rawValue).sorted()))" }
        if let year = query.year { sql += " AND e.year = \(bind: year)" }
        if let body = query.bodyID { sql += " AND e.body_ids LIKE \(bind: Self.pattern(containing: body)) ESCAPE '!'" }
        if let country = query.country { sql += " AND e.countries LIKE \(bind: Self.pattern(containing: country.rawValue)) ESCAPE '!'" }
        return sql
    }

    /// A `LIKE` pattern that finds `value` as one element of a `list(_:)` text, wildcards escaped.
    static func pattern(containing value: String) -> String {
        var escaped = ""
        for character in value {
            if character == "!" || character == "%" || character == "_" { escaped.append("!") }
            escaped.append(character)
        }
        return "% \(escaped) %"
    }

    private static func hit(from row: any SQLRow) throws -> SearchHit {
        SearchHit(kind: try storedEnum(SearchKind.self, try row.decode(column: "kind", as: String.self), column: "kind"),
                  recordID: try row.decode(column: "record_id", as: String.self), anchor: try row.decode(column: "anchor", as: String?.self),
                  title: try row.decode(column: "title", as: String.self), text: try row.decode(column: "text", as: String.self),
                  year: try row.decode(column: "year", as: Int?.self),
                  pageKind: try storedEnum(RecordKind.self, try row.decode(column: "page_kind", as: String.self), column: "page_kind"),
                  pageID: try row.decode(column: "page_id", as: String.self), score: try row.decode(column: "score", as: Double.self))
    }
}
