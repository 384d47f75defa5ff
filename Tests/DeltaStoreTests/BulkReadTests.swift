import DeltaDomain
import DeltaImport
import DeltaStore
import Foundation
import SQLKit
import Synchronization
import Testing

// The bulk reads that keep a page's query count fixed must give exactly what the record-by-record
// reads give, on both engines and in every scope.

@Suite("Bulk reads equal the record-by-record reads")
struct BulkReadTests {
    static let actor = AuditActor(name: "secretaris", via: "session")
    static let scopes: [ReadScope] = [.publicOnly, .everything]

    /// Hides one agreement and one dossier from anonymous readers, so the scopes differ.
    static func hideSome(_ engine: any DatabaseEngine) async throws {
        try await engine.transaction { db in
            try await db.update("agreements").set("visibility", to: Visibility.internal.rawValue)
                .where("id", .equal, "verklaring-2026-afsprakenkader").run()
            try await db.update("dossiers").set("visibility", to: Visibility.internal.rawValue).where("id", .equal, "kijfhoek").run()
        }
    }

    /// The demo in a fresh database of `kind`, with `hideSome` applied.
    static func withDemoHidingSome(_ kind: EngineKind, _ body: (any DatabaseEngine) async throws -> Void) async throws {
        try await withDatabase(kind) { database in
            try await Demo.importInto(database.engine)
            try await hideSome(database.engine)
            try await body(database.engine)
        }
    }

    @Test("whole kinds remembered once for every reader give each scope exactly what its own statements give", arguments: allEngines)
    func wholeKindsSharedByScopes(kind: EngineKind) async throws {
        try await Self.withDemoHidingSome(kind) { engine in
            // One record of every other remembered kind hidden too, one of them from officials
            // outside the delegations.
            try await engine.transaction { db in
                for (table, visibility) in [("milestones", Visibility.internal), ("meetings", .delegationPrivate),
                                            ("organisations", .internal), ("rail_links", .internal), ("bodies", .delegationPrivate),
                                            ("documents", .internal)] {
                    let id = try await db.select().column("id").from(table).orderBy("id").first()!.decode(column: "id", as: String.self)
                    try await db.update(table).set("visibility", to: visibility.rawValue).where("id", .equal, id).run()
                }
            }
            struct Kinds: Equatable, Sendable {
                var organisations: [Organisation], dossiers: [Dossier], bodies: [Body], agreements: [Agreement]
                var milestones: [Milestone], meetings: [Meeting], railLinks: [RailLink]
                // The lookup tables, which organisations, bodies and dossiers share.
                var tables: [[String]]
            }
            func kinds(_ scope: ReadScope) async throws -> Kinds {
                try await reading(engine, scope: scope) { register in
                    let tables = try await register.lookupTables()
                    return Kinds(organisations: try await register.organisations(), dossiers: try await register.dossiers(),
                                 bodies: try await register.bodies(), agreements: try await register.agreements(),
                                 milestones: try await register.milestones(), meetings: try await register.meetings(),
                                 railLinks: try await register.railLinks(),
                                 tables: [tables.organisations.map(\.id), tables.documents.map(\.id), tables.bodies.map(\.id),
                                          tables.dossiers.map(\.id)])
                }
            }
            let memo = ReadMemo()
            let scopes: [ReadScope] = [.everything, .publicOnly, ReadScope(visibilities: [.public, .internal]),
                                       ReadScope(visibilities: [.public, .delegationPrivate])]
            var sizes: [Int] = []
            for scope in scopes {
                let own = try await kinds(scope)
                let shared = try await ReadMemo.$current.withValue(memo) { try await kinds(scope) }
                #expect(shared == own, "scope \(scope.visibilities.map(\.rawValue).sorted())")
                sizes.append(own.organisations.count + own.milestones.count + own.meetings.count + own.railLinks.count
                             + own.bodies.count + own.tables[1].count)
            }
            // The scopes differ, so the filter had something to do; the lookup tables and the four
            // other kinds were read once, for every visibility (one more miss is what a public
            // reader is shown), and each scope's share of the five was worked out once
            // (`StoreRead.scoped`; read per scope instead, the misses would be 5 more per scope).
            #expect(Set(sizes).count == 4, "\(sizes)")
            #expect(memo.misses.load(ordering: .relaxed) <= 5 + 1 + 5 * scopes.count)
        }
    }

    @Test("a body tree's agreements and milestones, read by their bodies, are the whole kinds' on its dossiers, in their order", arguments: allEngines)
    func ofBodies(kind: EngineKind) async throws {
        try await Self.withDemoHidingSome(kind) { engine in
            for scope in Self.scopes {
                try await reading(engine, scope: scope) { register in
                    let dossiers = try await register.dossiers()
                    var checked = 0
                    for body in try await register.bodies() {
                        // The body and one more, so that a read by several bodies is checked too.
                        let bodies = [body.id, "werkgroep-3rx"]
                        let carried = Set(dossiers.filter { $0.bodyID.map(bodies.contains) ?? false }.map(\.id))
                        let agreements = try await register.agreements().filter { !carried.isDisjoint(with: $0.dossierIDs) }
                        let milestones = try await register.milestones().filter { !carried.isDisjoint(with: $0.dossierIDs) }
                        #expect(try await register.agreements(ofBodies: bodies).map(\.id) == agreements.map(\.id), "\(bodies)")
                        #expect(try await register.milestones(ofBodies: bodies).map(\.id) == milestones.map(\.id), "\(bodies)")
                        checked += agreements.count + milestones.count
                    }
                    #expect(checked > 0)
                    #expect(try await register.agreements(ofBodies: []).isEmpty)
                }
            }
        }
    }

    @Test("the lookup tables, read in one statement, are the four lists in their order", arguments: allEngines)
    func lookupTables(kind: EngineKind) async throws {
        try await withDatabase(kind) { database in
            _ = try await Demo.importInto(database.engine)
            try await Self.hideSome(database.engine)
            for scope in Self.scopes {
                let (tables, organisations, documents, bodies, dossiers) = try await database.engine.read { db in
                    let register = Register(db: db, scope: scope)
                    return (try await register.lookupTables(), try await register.organisations(), try await register.documentHeaders(),
                            try await register.bodies(), try await register.dossiers())
                }
                #expect(tables.organisations == organisations, "organisations in scope \(scope.visibilities)")
                #expect(tables.documents == documents, "documents in scope \(scope.visibilities)")
                #expect(tables.bodies == bodies, "bodies in scope \(scope.visibilities)")
                #expect(tables.dossiers == dossiers, "dossiers in scope \(scope.visibilities)")
                #expect(!tables.dossiers.isEmpty && !tables.documents.isEmpty)
                let hidden = tables.dossiers.contains { $0.id == "kijfhoek" }
                #expect(hidden == scope.allows(.internal), "an internal dossier only in a scope that allows it")
            }
        }
    }

    @Test("agreements read with their dossiers in one statement: every dossier, in order, and only visible ones", arguments: allEngines)
    func agreements(kind: EngineKind) async throws {
        try await withDatabase(kind) { database in
            _ = try await Demo.importInto(database.engine)
            try await Self.hideSome(database.engine)
            let links = try await database.engine.read { db in
                try await db.select().columns("agreement_id", "dossier_id").from("agreement_dossiers")
                    .orderBy("agreement_id").orderBy("position").all()
                    .map { (try $0.decode(column: "agreement_id", as: String.self), try $0.decode(column: "dossier_id", as: String.self)) }
            }
            let stored = Dictionary(grouping: links, by: \.0).mapValues { $0.map(\.1) }
            for scope in Self.scopes {
                let (all, dossiers, documents) = try await database.engine.read { db in
                    let register = Register(db: db, scope: scope)
                    return (try await register.agreements(), try await register.dossiers(), try await register.documentHeaders())
                }
                let dossierLists = all.map(\.dossierIDs)
                // A public-only reader is not told of the hidden dossiers (ShownRecords); officials see every link.
                let publicOnly = !scope.allows(.internal) && !scope.allows(.delegationPrivate)
                let shownDossiers = Set(dossiers.map(\.id))
                let storedLists = all.map { (stored[$0.id] ?? []).filter { !publicOnly || shownDossiers.contains($0) } }
                #expect(dossierLists == storedLists, "each agreement carries all its dossiers it may name, in their order")
                let hidden = all.contains { $0.id == "verklaring-2026-afsprakenkader" }
                #expect(hidden == scope.allows(.internal))
                for dossier in dossiers {
                    let ofDossier = try await database.engine.read { db in try await Register(db: db, scope: scope).agreements(dossierID: dossier.id) }
                    let expected = all.filter { $0.dossierIDs.contains(dossier.id) }
                    #expect(ofDossier == expected, "agreements of \(dossier.id), in the same order as the full list")
                }
                for document in documents {
                    let ofDocument = try await database.engine.read { db in try await Register(db: db, scope: scope).agreements(documentID: document.id) }
                    let expected = all.filter { $0.source.documentID == document.id }
                    #expect(ofDocument == expected, "agreements of \(document.id)")
                }
                for agreement in all.prefix(12) {
                    let one = try await database.engine.read { db in try await Register(db: db, scope: scope).agreement(id: agreement.id) }
                    #expect(one == agreement)
                }
                let hiddenOne = try await database.engine.read { db in
                    try await Register(db: db, scope: scope).agreement(id: "verklaring-2026-afsprakenkader")
                }
                #expect((hiddenOne != nil) == scope.allows(.internal))
            }
        }
    }

    @Test("agendas, outcomes and minutes of many meetings in one statement each equal the per-meeting reads", arguments: allEngines)
    func meetings(kind: EngineKind) async throws {
        try await withDatabase(kind) { database in
            _ = try await Demo.importInto(database.engine)
            let engine = database.engine
            let meetings = try await engine.read { db in try await Register(db: db, scope: .everything).meetings() }
            try await engine.transaction { db in
                let store = MeetingStore(db: db)
                for (number, meeting) in meetings.enumerated() where number % 3 != 2 {
                    let items = (0..<2).map {
                        AgendaItem(id: "\(meeting.id)-\($0)", meetingID: meeting.id, position: $0, title: "Punt \($0 + 1)", reason: .manual)
                    }
                    try await store.replaceAgenda(meetingID: meeting.id, with: items, actor: Self.actor)
                    for (position, item) in items.enumerated() {
                        try await store.addOutcome(Outcome(id: "\(item.id)-o", meetingID: meeting.id, agendaItemID: item.id,
                                                           kind: position == 0 ? .decision : .action, text: "Uitkomst", ownerID: "ienw",
                                                           due: FuzzyPeriod.parse("eind 2026")), actor: Self.actor)
                    }
                    if number % 2 == 0 { try await store.approve(meetingID: meeting.id, on: meeting.when.latest, by: "chair", actor: Self.actor) }
                }
            }
            let ids = meetings.map(\.id)
            let bodyIDs = Array(Set(meetings.map(\.bodyID))).sorted()
            let (agendas, outcomes, minutes, byBody) = try await engine.read { db in
                let store = MeetingStore(db: db)
                return (try await store.agenda(meetingIDs: ids), try await store.outcomes(meetingIDs: ids),
                        try await store.minutes(meetingIDs: ids), try await store.outcomes(bodyIDs: bodyIDs))
            }
            #expect(!outcomes.isEmpty && !agendas.isEmpty)
            for meeting in meetings {
                let (agenda, outcome, record) = try await engine.read { db in
                    let store = MeetingStore(db: db)
                    return (try await store.agenda(meetingID: meeting.id), try await store.outcomes(meetingID: meeting.id),
                            try await store.minutes(meetingID: meeting.id))
                }
                #expect((agendas[meeting.id] ?? []) == agenda, "agenda of \(meeting.id)")
                #expect((outcomes[meeting.id] ?? []) == outcome, "outcomes of \(meeting.id)")
                #expect(minutes[meeting.id] == record, "minutes of \(meeting.id)")
            }
            for bodyID in bodyIDs {
                let expected = meetings.filter { $0.bodyID == bodyID }.flatMap { outcomes[$0.id] ?? [] }
                let single = try await engine.read { db in try await MeetingStore(db: db).outcomes(bodyID: bodyID) }
                #expect((byBody[bodyID] ?? []) == expected, "outcomes of body \(bodyID), meeting by meeting")
                #expect(single == expected, "outcomes(bodyID:) of \(bodyID)")
            }
            let none = try await engine.read { db in
                let store = MeetingStore(db: db)
                return (try await store.agenda(meetingIDs: []).count, try await store.outcomes(meetingIDs: []).count,
                        try await store.minutes(meetingIDs: []).count, try await store.outcomes(bodyIDs: []).count)
            }
            let allEmpty = none == (0, 0, 0, 0)
            #expect(allEmpty, "no ids, no rows (and no query with an empty IN list)")
        }
    }

    @Test("a delegation's notes on a dossier and its visible agreements, in one statement", arguments: allEngines)
    func notes(kind: EngineKind) async throws {
        try await withDatabase(kind) { database in
            _ = try await Demo.importInto(database.engine)
            try await Self.hideSome(database.engine)
            let engine = database.engine
            let dossierID = "ertms"
            let agreements = try await engine.read { db in try await Register(db: db, scope: .everything).agreements(dossierID: dossierID) }
            let hiddenID = "verklaring-2026-afsprakenkader"
            let onHidden = agreements.contains { $0.id == hiddenID }
            try #require(onHidden, "the hidden agreement belongs to the dossier")
            let firstVisible = agreements.first { $0.id != hiddenID }
            let visible = try #require(firstVisible, "the dossier has a public agreement too")
            try await engine.transaction { db in
                let accounts = AccountStore(db: db)
                try await accounts.create(Account(id: "rita", displayName: "Rita", delegation: "NL", role: .reader), passwordHash: "x")
                try await accounts.create(Account(id: "bart", displayName: "Bart", delegation: "BE", role: .reader), passwordHash: "x")
                let notes = NoteStore(db: db)
                func note(_ id: String, _ kind: RecordKind, _ record: String, _ delegation: String, _ at: String) -> PrivateNote {
                    PrivateNote(id: id, recordKind: kind, recordID: record, delegation: delegation, authorID: delegation == "NL" ? "rita" : "bart",
                                authorName: "Auteur", text: "Notitie \(id)", createdAt: at)
                }
                // Written out of order: the read orders them.
                try await notes.add(note("n-agreement-late", .agreement, visible.id, "NL", "2026-11-03T10:00:00Z"), actor: Self.actor)
                try await notes.add(note("n-dossier", .dossier, dossierID, "NL", "2026-11-02T10:00:00Z"), actor: Self.actor)
                try await notes.add(note("n-agreement-early", .agreement, visible.id, "NL", "2026-11-01T10:00:00Z"), actor: Self.actor)
                try await notes.add(note("n-hidden", .agreement, hiddenID, "NL", "2026-11-01T11:00:00Z"), actor: Self.actor)
                try await notes.add(note("n-other-dossier", .dossier, "3rx", "NL", "2026-11-01T12:00:00Z"), actor: Self.actor)
                try await notes.add(note("n-be", .dossier, dossierID, "BE", "2026-11-01T13:00:00Z"), actor: Self.actor)
                try await notes.add(note("n-hidden-dossier", .dossier, "kijfhoek", "NL", "2026-11-01T14:00:00Z"), actor: Self.actor)
            }
            for scope in Self.scopes {
                let found = try await engine.read { db in try await Register(db: db, scope: scope).notes(onDossier: dossierID, delegation: "NL") }
                let ids = found.map(\.note.id)
                let expected = ["n-dossier", "n-agreement-early"] + (scope.allows(.internal) ? ["n-hidden"] : []) + ["n-agreement-late"]
                #expect(ids == expected, "dossier notes first, then agreement notes oldest first, hidden agreements left out")
                let titles = found.map(\.agreementTitle)
                let expectedTitles: [String?] = [nil, visible.title] + (scope.allows(.internal) ? [agreements.first { $0.id == hiddenID }?.title] : [])
                    + [visible.title]
                #expect(titles == expectedTitles, "an agreement note carries the agreement's title")
            }
            for scope in Self.scopes {
                let onHiddenDossier = try await engine.read { db in try await Register(db: db, scope: scope).notes(onDossier: "kijfhoek", delegation: "NL") }
                let expected = scope.allows(.internal) ? ["n-hidden-dossier"] : []
                #expect(onHiddenDossier.map(\.note.id) == expected, "nothing about a dossier the reader may not see")
            }
            let belgian = try await engine.read { db in try await Register(db: db, scope: .everything).notes(onDossier: dossierID, delegation: "BE") }
            #expect(belgian.map(\.note.id) == ["n-be"], "another delegation sees only its own")
        }
    }
}
