import DeltaDomain
import DeltaImport
import DeltaStore
import SQLKit
import Testing

// See TestDatabase.swift: no closure literal inside #expect arguments; values are computed first.

/// Runs a search on `engine` as `scope` would.
func search(_ engine: any DatabaseEngine, _ text: String, scope: ReadScope = .publicOnly, kinds: Set<SearchKind> = [],
            bodyID: String? = nil, year: Int? = nil, country: Country? = nil, limit: Int? = nil) async throws -> SearchResults {
    var query = try SearchQuery(text)
    query.kinds = kinds
    query.bodyID = bodyID
    query.year = year
    query.country = country
    try query.page(limit: limit, offset: nil)
    let asked = query
    return try await engine.read { db in try await SearchIndex(db: db).search(asked, scope: scope) }
}

/// "kind/id" of each hit, best first.
func keys(_ results: SearchResults) -> [String] {
    results.hits.map { "\($0.kind.rawValue)/\($0.recordID)" }
}

@Suite("Full-text search")
struct SearchTests {
    /// Real questions about the demo register and the records that answer them: the first
    /// result must be one of `first`, and every one of `top` must be among the first five.
    struct RealQuery: Sendable, CustomTestStringConvertible {
        let text: String
        let first: Set<String>
        let top: [String]
        var testDescription: String { text }
    }

    static let realQueries: [RealQuery] = [
        RealQuery(text: "3RX", first: ["dossier/3rx", "agreement/verklaring-2026-3rx"], top: ["dossier/3rx", "agreement/verklaring-2026-3rx"]),
        RealQuery(text: "Hamont", first: ["dossier/hamont-weert", "agreement/top-2025-hamont-weert"],
                  top: ["dossier/hamont-weert", "agreement/top-2025-hamont-weert"]),
        RealQuery(text: "ERTMS uitrol", first: ["dossier/ertms", "agreement/verklaring-2026-ertms"],
                  top: ["dossier/ertms", "agreement/verklaring-2026-ertms"]),
        RealQuery(text: "militaire mobiliteit", first: ["dossier/militaire-mobiliteit"], top: ["dossier/militaire-mobiliteit"]),
        RealQuery(text: "tweemaal per jaar", first: ["agreement/verklaring-2026-werkgroep-tweemaal-per-jaar"],
                  top: ["agreement/verklaring-2026-werkgroep-tweemaal-per-jaar"]),
    ]

    @Test("real queries find the records that answer them first", arguments: allEngines)
    func realQueriesRank(kind: EngineKind) async throws {
        try await withDatabase(kind) { database in
            try await Demo.importInto(database.engine)
            for query in Self.realQueries {
                let found = keys(try await search(database.engine, query.text))
                let first = found.first ?? "nothing"
                #expect(query.first.contains(first), "\(kind) “\(query.text)”: first \(first); all \(found.prefix(8))")
                let topFive = Set(found.prefix(5))
                let missing = query.top.filter { !topFive.contains($0) }
                #expect(missing.isEmpty, "\(kind) “\(query.text)”: \(missing) not in the first five \(found.prefix(5))")
            }
        }
    }

    @Test("diacritics and case do not matter; the snippet marks the word as written", arguments: allEngines)
    func diacritics(kind: EngineKind) async throws {
        try await withDatabase(kind) { database in
            try await Demo.importInto(database.engine)
            for text in ["coordinatie", "COÖRDINATIE", "Coördinatie"] {
                let results = try await search(database.engine, text)
                let found = keys(results)
                #expect(found.contains("dossier/ertms"), "\(kind) “\(text)”: \(found.prefix(8))")
                let paragraph = results.hits.first { $0.kind == .document && $0.text.contains("coördinatie en de uitrol") }
                let snippet = paragraph.map { SearchSnippet(text: $0.text, query: try! SearchQuery(text)) }
                let marked = snippet?.parts.filter(\.marked).map(\.text) ?? []
                #expect(marked == ["coördinatie"], "\(kind) “\(text)”: marked \(marked)")
                #expect(paragraph?.anchor?.hasPrefix("p") == true, "a paragraph result carries its anchor: \(String(describing: paragraph?.anchor))")
            }
        }
    }

    @Test("the last word matches as a beginning on both engines; PostgreSQL also stems Dutch words", arguments: allEngines)
    func prefixAndStemming(kind: EngineKind) async throws {
        do {
            try await withDatabase(kind) { database in
                try await Demo.importInto(database.engine)
                // "uitr" is no word, only the beginning of "uitrol".
                let prefix = keys(try await search(database.engine, "ERTMS uitr"))
                #expect(prefix.first == "dossier/ertms" || prefix.first == "agreement/verklaring-2026-ertms", "\(kind): \(prefix.prefix(5))")
                // The agreement says "mijlpalen": PostgreSQL's Dutch stemmer finds it from "mijlpaal";
                // SQLite has no Dutch stemmer (and "mijlpaal" does not begin "mijlpalen").
                let plural = keys(try await search(database.engine, "mijlpalen werkgroep"))
                let singular = keys(try await search(database.engine, "mijlpaal werkgroep"))
                #expect(plural.contains("agreement/verklaring-2026-werkgroep-tweemaal-per-jaar"), "\(kind): \(plural.prefix(5))")
                if kind == .sqlite {
                    #expect(!singular.contains("agreement/verklaring-2026-werkgroep-tweemaal-per-jaar"), "SQLite does not stem: \(singular.prefix(5))")
                } else {
                    #expect(singular.contains("agreement/verklaring-2026-werkgroep-tweemaal-per-jaar"), "stemmed: \(singular.prefix(5))")
                }
            }
        }
    }

    @Test("filters by type, body, year and country; the counts leave the type filter out", arguments: allEngines)
    func filters(kind: EngineKind) async throws {
        try await withDatabase(kind) { database in
            try await Demo.importInto(database.engine)
            let engine = database.engine
            let all = try await search(engine, "3RX", limit: 50)
            let agreements = try await search(engine, "3RX", kinds: [.agreement], limit: 50)
            let agreementKinds = Set(agreements.hits.map(\.kind))
            #expect(agreementKinds == [.agreement])
            #expect(agreements.total == all.counts[.agreement])
            #expect(agreements.counts == all.counts, "the counts do not depend on the type chosen")
            #expect(all.total == all.counts.values.reduce(0, +))

            let in2018 = try await search(engine, "3RX", year: 2018, limit: 50)
            let years = Set(in2018.hits.map(\.year))
            #expect(years == [2018], "\(kind): \(years)")
            #expect(!in2018.hits.isEmpty)

            let workingGroup = try await search(engine, "3RX", bodyID: "werkgroep-be-nl", limit: 50)
            #expect(keys(workingGroup).contains("dossier/3rx"), "\(keys(workingGroup))")
            let documentsInGroup = workingGroup.hits.filter { $0.kind == .document }
            #expect(documentsInGroup.isEmpty, "documents belong to no body")
            // A wildcard in the body is a character, not a pattern.
            let wildcard = try await search(engine, "3RX", bodyID: "%", limit: 50)
            #expect(wildcard.hits.isEmpty && wildcard.total == 0)

            let german = try await search(engine, "spoor", country: .DE, limit: 50)
            let belgian = try await search(engine, "spoor", country: .BE, limit: 50)
            #expect(german.total < belgian.total, "\(kind): DE \(german.total), BE \(belgian.total)")
        }
    }

    @Test("hidden records are never found by those who may not see them, nor counted", arguments: allEngines)
    func visibility(kind: EngineKind) async throws {
        try await withDatabase(kind) { database in
            let engine = database.engine
            try await Demo.importInto(engine)
            try await engine.transaction { db in
                let register = Register(db: db, scope: .everything)
                var dossier = try #require(try await register.dossier(id: "3rx"))
                dossier.visibility = .internal
                let editor = RecordEditor(db: db, actor: .importer())
                let version = try await editor.version(of: Dossier.self, id: "3rx")
                try await editor.save(dossier, expectedVersion: version)
                var document = try #require(try await register.document(id: "verklaring-top-2018"))
                document.visibility = .delegationPrivate
                try await editor.save(document, expectedVersion: try await editor.version(of: Document.self, id: "verklaring-top-2018"))
            }
            let anonymous = try await search(engine, "3RX", limit: 50)
            let reader = try await search(engine, "3RX", scope: ReadScope(visibilities: [.public, .internal]), limit: 50)
            let everything = try await search(engine, "3RX", scope: .everything, limit: 50)
            #expect(!keys(anonymous).contains("dossier/3rx"))
            #expect(anonymous.counts[.dossier] == nil, "\(anonymous.counts)")
            #expect(keys(reader).contains("dossier/3rx"))
            let privateParagraphs = anonymous.hits.filter { $0.pageID == "verklaring-top-2018" } + reader.hits.filter { $0.pageID == "verklaring-top-2018" }
            #expect(privateParagraphs.isEmpty, "no paragraph of a delegation-private document")
            let everythingSees = everything.hits.contains { $0.pageID == "verklaring-top-2018" }
            #expect(everythingSees)
            #expect(anonymous.total < reader.total && reader.total < everything.total)
        }
    }

    @Test("an edit updates the index in its own transaction: the new text is found, the old is gone, a rollback keeps both as they were",
          arguments: allEngines)
    func editInTransaction(kind: EngineKind) async throws {
        try await withDatabase(kind) { database in
            let engine = database.engine
            try await Demo.importInto(engine)
            let before = keys(try await search(engine, "weerbaarheid", limit: 50))
            #expect(before.contains("dossier/militaire-mobiliteit"))

            struct Abandoned: Error {}
            var abandoned = false
            do {
                try await engine.transaction { db in
                    var dossier = try #require(try await Register(db: db, scope: .everything).dossier(id: "militaire-mobiliteit"))
                    dossier.summary = "Een kazernetraject door de Kempen."
                    let editor = RecordEditor(db: db, actor: .importer())
                    try await editor.save(dossier, expectedVersion: try await editor.version(of: Dossier.self, id: dossier.id))
                    throw Abandoned()
                }
            } catch is Abandoned {
                abandoned = true
            }
            #expect(abandoned)
            #expect(try await search(engine, "kazernetraject").hits.isEmpty, "a rolled-back edit leaves nothing in the index")

            try await engine.transaction { db in
                var dossier = try #require(try await Register(db: db, scope: .everything).dossier(id: "militaire-mobiliteit"))
                dossier.summary = "Een kazernetraject door de Kempen."
                let editor = RecordEditor(db: db, actor: .importer())
                try await editor.save(dossier, expectedVersion: try await editor.version(of: Dossier.self, id: dossier.id))
            }
            let after = keys(try await search(engine, "kazernetraject"))
            #expect(after == ["dossier/militaire-mobiliteit"])
            let old = keys(try await search(engine, "weerbaarheid", limit: 50))
            #expect(!old.contains("dossier/militaire-mobiliteit"), "the old summary is gone: \(old)")
            #expect(old.contains("agreement/verklaring-2026-militaire-mobiliteit"), "other records keep their text: \(old)")
        }
    }

    @Test("decisions are found once the minutes are approved, and corrections with them", arguments: allEngines)
    func approvedMinutes(kind: EngineKind) async throws {
        try await withDatabase(kind) { database in
            let engine = database.engine
            try await Demo.importInto(engine)
            let meetingID = "top-2025-gent"
            let actor = AuditActor(name: "test", via: "test")
            try await engine.transaction { db in
                let store = MeetingStore(db: db)
                try await store.addOutcome(Outcome(id: "d1", meetingID: meetingID, kind: .decision, text: "De stuurgroep Zwanenvijver wordt opgericht."),
                                           actor: actor)
                try await store.addOutcome(Outcome(id: "a1", meetingID: meetingID, kind: .action, text: "Het secretariaat nodigt de Zwanenvijver uit."),
                                           actor: actor)
            }
            #expect(try await search(engine, "Zwanenvijver", scope: .everything).hits.isEmpty, "draft minutes are not searched")
            try await engine.transaction { db in
                try await MeetingStore(db: db).approve(meetingID: meetingID, on: day("2025-12-01"), by: "chair", actor: actor)
            }
            let approved = try await search(engine, "Zwanenvijver")
            let found = keys(approved)
            #expect(Set(found) == ["decision/d1", "minutes/\(meetingID)"], "\(found)")
            let decision = approved.hits.first { $0.kind == .decision }
            #expect(decision?.pageKind == .meeting && decision?.pageID == meetingID && decision?.anchor == "outcome-d1")

            try await engine.transaction { db in
                try await MeetingStore(db: db).addCorrection(meetingID: meetingID, text: "Lees Eendenkooi in plaats van Zwanenvijver.", actor: actor)
            }
            #expect(keys(try await search(engine, "Eendenkooi")) == ["minutes/\(meetingID)"])
        }
    }

    @Test("rebuild indexes every record again; a query too long or with too many words is refused", arguments: allEngines)
    func rebuild(kind: EngineKind) async throws {
        try await withDatabase(kind) { database in
            let engine = database.engine
            try await Demo.importInto(engine)
            let before = try await search(engine, "Hamont", scope: .everything, limit: 50)
            try await engine.transaction { db in try await db.raw("DELETE FROM search_entries").run() }
            #expect(try await search(engine, "Hamont", scope: .everything).hits.isEmpty)
            let count = try await engine.transaction { db in try await SearchIndex(db: db).rebuild() }
            #expect(count > 100)
            let after = try await search(engine, "Hamont", scope: .everything, limit: 50)
            #expect(keys(after) == keys(before))
            #expect(after.counts == before.counts)
        }
        var problems: [SearchQuery.Problem] = []
        for text in [String(repeating: "a", count: 201), "a b c d e f g h i j k"] {
            do { _ = try SearchQuery(text) } catch { problems.append(error) }
        }
        #expect(problems == [.tooLong(limit: SearchQuery.maximumLength), .tooManyWords(limit: SearchQuery.maximumWords)])
    }

    @Test("a rebuild that reads each kind a part at a time writes the same entries as one that reads it whole", arguments: allEngines)
    func rebuildInParts(kind: EngineKind) async throws {
        try await withDatabase(kind) { database in
            let engine = database.engine
            try await Demo.importInto(engine)
            let columns = ["source", "kind", "record_id", "anchor", "position", "title", "text", "title_index", "text_index", "visibility",
                           "body_ids", "dossier_ids", "year", "countries", "page_kind", "page_id"]
            let row = columns.map { "COALESCE(CAST(\($0) AS TEXT), '-')" }.joined(separator: " || '|' || ")
            func entries(partSize: Int) async throws -> [String] {
                try await engine.transaction { db in
                    let count = try await SearchIndex(db: db).rebuild(partSize: partSize)
                    let entries = try await db.raw("SELECT \(unsafeRaw: row) AS e FROM search_entries").all()
                        .map { try $0.decode(column: "e", as: String.self) }
                    #expect(entries.count == count)
                    return entries.sorted()
                }
            }
            let whole = try await entries(partSize: 1_000_000)
            #expect(whole.count > 100)
            // The demo has several records of every searched kind, so parts of one and of seven
            // split every kind, seven leaving a remainder.
            #expect(try await entries(partSize: 1) == whole)
            #expect(try await entries(partSize: 7) == whole)
        }
    }

    @Test("operators and quotes in a query are words, never syntax", arguments: allEngines)
    func hostileQueries(kind: EngineKind) async throws {
        try await withDatabase(kind) { database in
            try await Demo.importInto(database.engine)
            for text in ["\"3RX", "3RX OR", "NEAR(3rx", "3rx:*", "3rx & !", "'); DROP TABLE search_entries; --", "*", "-", "   ", "title:3rx", "^3rx"] {
                let results = try await search(database.engine, text)
                let words = try SearchQuery(text).words
                #expect(words.allSatisfy { $0.allSatisfy { $0.isLetter || $0.isNumber } }, "\(words)")
                if words == ["3rx"] { #expect(!results.hits.isEmpty, "“\(text)” finds 3RX") }
            }
            #expect(try await search(database.engine, "Hamont").total > 0, "the index is still there")
        }
    }

    @Test("a snippet is text around the first match, marked by parts, with the markup it quotes as plain text")
    func snippets() throws {
        let text = "Inleiding. " + String(repeating: "Woorden zonder belang. ", count: 10)
            + "De werkgroep komt tweemaal per jaar bijeen. <script>alert(1)</script> " + String(repeating: "Slot. ", count: 60)
        let snippet = SearchSnippet(text: text, query: try SearchQuery("tweemaal jaar"))
        #expect(snippet.parts.filter(\.marked).map(\.text) == ["tweemaal", "jaar"])
        #expect(snippet.text.hasPrefix("… ") && snippet.text.hasSuffix(" …"))
        #expect(snippet.text.contains("<script>alert(1)</script>"), "the snippet is text; escaping is the renderer's")
        #expect(snippet.text.count <= SearchSnippet.length + 4)
        let start = SearchSnippet(text: "Kort.", query: try SearchQuery("nergens"))
        #expect(start.parts == [SearchSnippet.Part(text: "Kort.", marked: false)])
        // Another form of a word is marked too (the engines' stemming), a word that merely begins alike is not.
        let forms = SearchSnippet(text: "De afspraken over de perrons.", query: try SearchQuery("afspraak per bijeen"))
        #expect(forms.parts.filter(\.marked).map(\.text) == ["afspraken"])
    }
}

@Suite("Full-text search: migration")
struct SearchMigrationTests {
    @Test("migration 6 indexes what a version 5 register already holds", arguments: allEngines)
    func indexesExistingRecords(kind: EngineKind) async throws {
        try await withDatabase(kind, migrated: false) { database in
            try await Migrator.migrate(database.engine, upTo: 5)
            try await database.engine.transaction { db in
                try await db.raw("""
                    INSERT INTO dossiers (id, title, summary, themes_json, leads_json, rail_links_json, updated_at)
                    VALUES ('d', 'Verbinding Zandvoort–Knokke', 'Een studie naar de kustlijn.', '[]', '[]', '[]', '2026-01-01T00:00:00Z')
                    """).run()
            }
            #expect(try await Migrator.migrate(database.engine) == [6, 7, 8, 9])
            #expect(keys(try await search(database.engine, "kustlijn")) == ["dossier/d"])
        }
    }
}
