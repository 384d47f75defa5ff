import DeltaDomain
import DeltaStore
import SQLKit
import Testing

@Suite("Migrations")
struct MigrationTests {
    @Test("a fresh database gets every migration in order, a second run applies nothing", arguments: allEngines)
    func migratesOnceAndIsIdempotent(kind: EngineKind) async throws {
        try await withDatabase(kind, migrated: false) { database in
            let first = try await Migrator.migrate(database.engine)
            #expect(first == Migrator.migrations.map(\.version))
            #expect(Migrator.migrations.map(\.version) == [1, 2, 3, 4, 5, 6, 7, 8, 9])

            let second = try await Migrator.migrate(database.engine)
            #expect(second == [], "running the migrations again must apply nothing")

            let recorded = try await database.engine.read { db in
                try await db.raw("SELECT version, name, applied_at FROM schema_migrations ORDER BY version").all()
                    .map { row in
                        (version: try row.decode(column: "version", as: Int.self),
                         name: try row.decode(column: "name", as: String.self),
                         appliedAt: try row.decode(column: "applied_at", as: String.self))
                    }
            }
            #expect(recorded.map(\.version) == [1, 2, 3, 4, 5, 6, 7, 8, 9])
            #expect(recorded.map(\.name) == ["register", "accounts-and-audit", "meetings-agenda-minutes", "format-2", "allocation-regimes", "search", "rail-links", "obstacles", "version-notice"])
            #expect(!recorded.map(\.appliedAt).contains(""))

            // Every table of the register exists and is empty.
            let counts = try await rowCounts(database.engine)
            let empty = Dictionary(uniqueKeysWithValues: allTables.map { ($0, 0) })
            #expect(counts == empty)
        }
    }

    @Test("a register written by version 3 keeps its documents' dates and its milestones' dossiers after format 2", arguments: allEngines)
    func format2KeepsVersion3Data(kind: EngineKind) async throws {
        try await withDatabase(kind, migrated: false) { database in
            try await Migrator.migrate(database.engine, upTo: 3)
            let now = "2026-01-01T00:00:00Z"
            try await database.engine.transaction { db in
                try await db.raw("""
                    INSERT INTO documents (id, kind, title, date, language, signatories_json, issuers_json, body_text, updated_at)
                    VALUES ('doc', 'minutes', 'Verslag', '2026-03-02', 'nl', '[]', '[]', 'Tekst.', \(bind: now))
                    """).run()
                try await db.raw("""
                    INSERT INTO dossiers (id, title, summary, themes_json, leads_json, rail_links_json, updated_at)
                    VALUES ('d', 'Dossier', 'Samenvatting', '[]', '[]', '[]', \(bind: now))
                    """).run()
                try await db.raw("""
                    INSERT INTO milestones (id, dossier_id, title, due_wording, due_earliest, due_latest, due_precision, status, updated_at)
                    VALUES ('m', 'd', 'Mijlpaal', 'eind 2026', '2026-10-01', '2026-12-31', 'quarter', 'planned', \(bind: now))
                    """).run()
                try await db.raw("""
                    INSERT INTO organisations (id, name, country, level, updated_at) VALUES ('o', 'Org', 'NL', 'national', \(bind: now))
                    """).run()
                try await db.raw("""
                    INSERT INTO investments (id, title, amount_kind, minimum_cents, maximum_cents, wording, organisation_id, country,
                                             funding_source, updated_at)
                    VALUES ('i', 'Geld', 'exact', 100, 100, '€1', 'o', 'NL', 'Het Mobiliteitsfonds', \(bind: now))
                    """).run()
            }
            #expect(try await Migrator.migrate(database.engine, upTo: 4) == [4])
            let (document, milestone, investment) = try await database.engine.read { db in
                let register = Register(db: db, scope: .everything)
                return (try await register.document(id: "doc"), try await register.milestone(id: "m"), try await register.investment(id: "i"))
            }
            #expect(document?.date == FuzzyPeriod(day: CalendarDate(iso: "2026-03-02")!, wording: "2026-03-02"))
            #expect(document?.isStub == false && document?.relations == [])
            #expect(milestone?.dossierIDs == ["d"])
            #expect(investment?.fundingSource == .nlMobiliteitsfonds)
        }
    }

    @Test("migration 5 replaces the unused development allocation_regimes table and keeps version 4 data", arguments: allEngines)
    func allocationRegimesAfterVersion4(kind: EngineKind) async throws {
        try await withDatabase(kind, migrated: false) { database in
            try await Migrator.migrate(database.engine, upTo: 4)
            let now = "2026-01-01T00:00:00Z"
            try await database.engine.transaction { db in
                // What a development build of migration 4 created (and nothing ever wrote).
                try await db.raw("""
                    CREATE TABLE allocation_regimes (
                        country TEXT PRIMARY KEY, text TEXT NOT NULL, version BIGINT NOT NULL DEFAULT 1, updated_at TEXT NOT NULL)
                    """).run()
                try await db.raw("""
                    INSERT INTO organisations (id, name, country, level, updated_at) VALUES ('o', 'Org', 'NL', 'national', \(bind: now))
                    """).run()
            }
            #expect(try await Migrator.migrate(database.engine) == [5, 6, 7, 8, 9])
            let regime = AllocationRegime(id: "r", country: .NL, fundingSources: [.nlMobiliteitsfonds], title: "Mobiliteitsfonds",
                                          explanation: "Uitleg.")
            try await database.engine.transaction { db in
                _ = try await RecordEditor(db: db, actor: .importer()).save(regime, expectedVersion: nil, action: "test")
            }
            let (organisation, stored) = try await database.engine.read { db in
                let register = Register(db: db, scope: .everything)
                return (try await register.organisation(id: "o"), try await register.allocationRegimes())
            }
            #expect(organisation?.name == "Org")
            #expect(stored == [regime])
        }
    }

    @Test("migration 7 turns the dossiers' free-text rail links into references to link records", arguments: allEngines)
    func railLinksBecomeReferences(kind: EngineKind) async throws {
        try await withDatabase(kind, migrated: false) { database in
            try await Migrator.migrate(database.engine, upTo: 6)
            let now = "2026-01-01T00:00:00Z"
            let dossiers: [(id: String, links: String, visibility: String)] = [
                ("limburg", #"["Drielandentrein", "Weert–Hamont", "Hasselt–Maastricht"]"#, "public"),
                ("hamont-weert", #"["Hamont-Weert"]"#, "public"),
                ("mol-weert", #"["Mol – Weert", "hamont–weert"]"#, "public"),
                ("geheim", #"["Geheime Boog", "Mol–Weert"]"#, "internal"),
                ("leeg", "[]", "public"),
            ]
            try await database.engine.transaction { db in
                for dossier in dossiers {
                    try await db.raw("""
                        INSERT INTO dossiers (id, title, summary, themes_json, leads_json, rail_links_json, visibility, updated_at)
                        VALUES (\(bind: dossier.id), 'Dossier', 'Samenvatting', '[]', '[]', \(bind: dossier.links), \(bind: dossier.visibility), \(bind: now))
                        """).run()
                }
            }
            #expect(try await Migrator.migrate(database.engine) == [7, 8, 9])
            let (links, stored, dossierHistory, linkHistory) = try await database.engine.read { db in
                let register = Register(db: db, scope: .everything)
                let log = AuditLog(db: db)
                return (try await register.railLinks(), try await register.dossiers(),
                        try await log.entries(kind: "dossier", id: "limburg"), try await log.entries(kind: "railLink", id: "hamont-weert"))
            }
            // Names that differ in order, dash, spacing or case are one link; the first spelling names it.
            #expect(links.map(\.id).sorted() == ["drielandentrein", "geheime-boog", "hamont-weert", "hasselt-maastricht", "mol-weert"])
            let byID = Dictionary(uniqueKeysWithValues: links.map { ($0.id, $0) })
            // Dossiers are read by id: "geheim" names Mol–Weert first, "hamont-weert" names Hamont-Weert first.
            #expect(byID["hamont-weert"]?.name == "Hamont-Weert")
            #expect(Set(byID["hamont-weert"]?.aliases ?? []) == ["Weert–Hamont", "hamont–weert"])
            #expect(byID["mol-weert"]?.name == "Mol–Weert")
            #expect(byID["mol-weert"]?.aliases == ["Mol – Weert"])
            let references = Dictionary(uniqueKeysWithValues: stored.map { ($0.id, $0.railLinkIDs) })
            #expect(references["limburg"] == ["drielandentrein", "hamont-weert", "hasselt-maastricht"])
            #expect(references["hamont-weert"] == ["hamont-weert"])
            #expect(references["mol-weert"] == ["mol-weert", "hamont-weert"])
            #expect(references["geheim"] == ["geheime-boog", "mol-weert"])
            #expect(references["leeg"] == [])
            // A name only an internal dossier uses stays internal; a link public dossiers name is public.
            #expect(byID["geheime-boog"]?.visibility == .internal)
            #expect(byID["mol-weert"]?.visibility == .public, "first named by an internal dossier, then by a public one")
            // Nothing is known about the links yet: no status, no stations, no guess.
            #expect(links.allSatisfy { $0.status == nil && $0.stations.isEmpty && $0.sides.isEmpty })
            // Every change is in the audit log.
            #expect(dossierHistory.last?.action == "migrate")
            #expect(linkHistory.map(\.action) == ["migrate"])
            let verified = try await database.engine.read { db in try await AuditLog(db: db).verify() }
            #expect(verified.firstProblem == nil)
            // Migrating again changes nothing.
            #expect(try await Migrator.migrate(database.engine) == [])
        }
    }

    @Test("migrating a database that holds data keeps the data", arguments: allEngines)
    func migratingAgainKeepsData(kind: EngineKind) async throws {
        try await withDatabase(kind) { database in
            try await Demo.importInto(database.engine)
            let before = try await rowCounts(database.engine)
            #expect(try await Migrator.migrate(database.engine) == [])
            #expect(try await rowCounts(database.engine) == before)
        }
    }

    @Test("two instances migrating the same database at once apply each migration exactly once", arguments: allEngines)
    func concurrentMigrations(kind: EngineKind) async throws {
        try await withDatabase(kind, migrated: false) { database in
            let other = try await database.openAnotherEngine()
            do {
                let engine = database.engine
                async let mine = Migrator.migrate(engine)
                async let theirs = Migrator.migrate(other)
                let applied = try await [mine, theirs]
                let all = applied.flatMap { $0 }
                #expect(all == [1, 2, 3, 4, 5, 6, 7, 8, 9], "applied: \(applied)")
                let versions = try await engine.read { db in
                    try await db.raw("SELECT version FROM schema_migrations").all()
                        .map { try $0.decode(column: "version", as: Int.self) }
                }
                #expect(versions == [1, 2, 3, 4, 5, 6, 7, 8, 9])
                await other.shutdown()
            } catch {
                await other.shutdown()
                throw error
            }
        }
    }
}
