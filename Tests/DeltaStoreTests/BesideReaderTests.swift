@testable import DeltaStore
import DeltaDomain
import DeltaImport
import DeltaTestSupport
import SQLKit
import Synchronization
import Testing

/// A read started beside another on a second SQLite reader connection (`BesideReader`): at the
/// same register version only, never waiting for a connection, and giving what the one
/// connection gives. PostgreSQL has no such reader: its reads side by side stay on one connection.
@Suite("A second reader beside a read")
struct BesideReaderTests {
    /// A migrated SQLite register with the hidden-records file imported, `readers` reader connections.
    func withRegister<T: Sendable>(readers: Int, _ body: (SQLiteEngine) async throws -> T) async throws -> T {
        try await withDatabase(.sqlite, sqliteReaders: readers) { database in
            _ = try await Importer.run(files: [TestPaths.hiddenRecordsFixture], engine: database.engine)
            return try await body(try #require(database.engine as? SQLiteEngine))
        }
    }

    @Test("a read beside another runs on a connection of its own at the same version; none is waited for when all are held")
    func ownConnection() async throws {
        try await withRegister(readers: 2) { engine in
            let (beside, besideOfBeside, withoutReader) = try await engine.read { db in
                let version = try await AuditLog(db: db).head()
                // A table of this connection only: the reader beside does not see it.
                try await db.raw("CREATE TEMP TABLE only_here (x INTEGER)").run()
                let beside = try await engine.readBeside(at: version) { other in
                    let here = try await other.raw("SELECT COUNT(*) AS n FROM sqlite_temp_master WHERE name = 'only_here'").first()?
                        .decode(column: "n", as: Int.self)
                    // Both readers are held now: a third read beside is refused at once, not waited for.
                    let third = try await engine.readBeside(at: version) { _ in "ran" }
                    return (here, third)
                }
                let withoutReader = try await engine.readBeside(at: version) { _ in "ran" }
                try await db.raw("DROP TABLE temp.only_here").run()
                return (beside?.0, beside?.1, withoutReader)
            }
            #expect(beside == 0, "the read beside ran on another connection")
            #expect(besideOfBeside == nil)
            #expect(withoutReader == "ran", "the reader was given back")
        }
    }

    @Test("a read beside at a version the register has moved past is not run")
    func changedVersion() async throws {
        try await withRegister(readers: 2) { engine in
            let before = try await engine.read { try await AuditLog(db: $0).head() }
            let directory = try TemporaryDirectory()
            let file = try directory.write("more.yaml", """
                format: deltaberaad/1
                organisations:
                  - {id: org-later, name: Later toegevoegd, country: NL, level: national}
                """)
            _ = try await Importer.run(files: [file], engine: engine)
            let stale = try await engine.readBeside(at: before) { _ in "ran" }
            let now = try await engine.read { try await AuditLog(db: $0).head() }
            let current = try await engine.readBeside(at: now) { _ in "ran" }
            #expect(now > before)
            #expect(stale == nil)
            #expect(current == "ran")
        }
    }

    @Test("pages' remembered reads give what the public is shown the same with a reader beside, with one reader, and unremembered")
    func sameRecords() async throws {
        struct Seen: Equatable, Sendable { var dossiers: [Dossier]; var milestones: [Milestone]; var agreements: [Agreement]; var shown: ShownRecords }
        func seen(_ engine: SQLiteEngine, memo: ReadMemo?) async throws -> Seen {
            try await ReadMemo.$current.withValue(memo) {
                try await engine.read { db in
                    let register = Register(db: db, scope: .publicOnly)
                    return Seen(dossiers: try await register.dossiers(), milestones: try await register.milestones(),
                                agreements: try await register.agreements(), shown: try await register.shownRecords())
                }
            }
        }
        let twoReaders = try await withRegister(readers: 2) { try await seen($0, memo: ReadMemo()) }
        let oneReader = try await withRegister(readers: 1) { try await seen($0, memo: ReadMemo()) }
        let unremembered = try await withRegister(readers: 2) { try await seen($0, memo: nil) }
        #expect(twoReaders == unremembered)
        #expect(oneReader == unremembered)
        #expect(!unremembered.milestones.isEmpty && !unremembered.dossiers.contains { $0.id.hasPrefix("zz") })
    }

    @Test("what a scope's share of a whole kind is read from, beside too, is an ingredient of the share; the share is not")
    func ingredientsOfAShare() async throws {
        try await withRegister(readers: 2) { engine in
            let memo = ReadMemo()
            func milestones() async throws -> [Milestone] {
                try await ReadMemo.$current.withValue(memo) {
                    try await engine.read { try await Register(db: $0, scope: .publicOnly).milestones() }
                }
            }
            let first = try await milestones()
            // The public's share, every milestone with every visibility, and what the public is
            // shown (read on the reader beside, in a task of its own).
            #expect(memo.count == 3)
            let later = ContinuousClock.now.advanced(by: .seconds(2))
            #expect(memo.forget(unusedFor: .seconds(10), ingredientsUnusedFor: .seconds(1), now: later) == 2)
            let misses = memo.misses.load(ordering: .relaxed)
            #expect(try await milestones() == first)
            #expect(memo.misses.load(ordering: .relaxed) == misses, "the share is still remembered")
        }
    }
}
