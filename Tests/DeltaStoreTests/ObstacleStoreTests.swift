import DeltaDomain
import DeltaImport
import DeltaStore
import Foundation
import SQLKit
import Testing

/// The obstacle register's storage on both engines: the record beside the private report, the
/// status link by secret, messages with audit entries, the intake's atomic count, and exports
/// that never hold a contact address.
@Suite("Obstacle register storage")
struct ObstacleStoreTests {
    static let marker = "marker-q7z3@example.org"
    static let report = ObstacleReport(title: "Reiskosten", description: "Grensarbeiders kunnen reiskosten niet aftrekken.",
                                       placeBelgium: "Hamont-Achel", placeNetherlands: "Weert", domain: .tax)
    static let now = Date(timeIntervalSince1970: 1_795_000_000)

    static func receive(_ engine: any DatabaseEngine, secret: String = "geheim") async throws -> Obstacle {
        let obstacle = report.obstacle(id: "gb-2026-abcdef", reference: "GB-2026-ABCDEF", reportedOn: "2026-11-23")
        try await engine.transaction { db in
            try await ObstacleDesk(db: db).receive(report, obstacle: obstacle, contact: marker, secret: secret,
                                                   actor: AuditActor(name: "reporter", via: "intake"), now: now)
        }
        return obstacle
    }

    @Test("a report is stored as an internal record with its report beside it; the status link finds it by secret only", arguments: allEngines)
    func receiveAndRead(kind: EngineKind) async throws {
        try await withDatabase(kind) { database in
            let engine = database.engine
            let obstacle = try await Self.receive(engine)
            let (view, wrong, publicList, internalList) = try await engine.read { db in
                (try await ObstacleDesk(db: db).reporterView(secret: "geheim"), try await ObstacleDesk(db: db).reporterView(secret: "geheim2"),
                 try await Register(db: db, scope: .publicOnly).obstacles(), try await Register(db: db, scope: .everything).obstacles())
            }
            #expect(view?.obstacle == obstacle)
            #expect(view?.report == Self.report)
            #expect(wrong == nil)
            #expect(publicList.isEmpty)
            #expect(internalList.map(\.id) == ["gb-2026-abcdef"])
            // Only the hash of the secret is stored.
            let stored = try await engine.read { db in try await db.raw("SELECT secret_hash FROM obstacle_reports").first()?.decode(column: "secret_hash", as: String.self) }
            #expect(stored == Secrets.sha256("geheim"))
        }
    }

    @Test("messages are kept in order, each with a hash-chained audit entry in the same transaction", arguments: allEngines)
    func messages(kind: EngineKind) async throws {
        try await withDatabase(kind) { database in
            let engine = database.engine
            _ = try await Self.receive(engine)
            let editor = AuditActor(name: "root", via: "session")
            try await engine.transaction { db in
                try await ObstacleDesk(db: db).send("We bekijken het.", obstacleID: "gb-2026-abcdef", actor: editor, now: Self.now)
                try await ObstacleDesk(db: db).send("Het is doorgestuurd.", obstacleID: "gb-2026-abcdef", actor: editor, now: Self.now)
            }
            let (messages, entries, chain) = try await engine.read { db in
                (try await ObstacleDesk(db: db).messages(obstacleID: "gb-2026-abcdef"),
                 try await AuditLog(db: db).entries(kind: "obstacle", id: "gb-2026-abcdef"), try await AuditLog(db: db).verify())
            }
            #expect(messages.map(\.text) == ["We bekijken het.", "Het is doorgestuurd."])
            #expect(entries.map(\.action) == ["report", "message", "message"])
            #expect(chain.firstProblem == nil)
            // The audit log holds the record's fields, never the contact address.
            #expect(!entries.contains { entry in entry.changes.contains { ($0.after ?? "").contains(Self.marker) } })
        }
    }

    @Test("the intake count is one statement per submission and starts over after the window", arguments: allEngines)
    func intakeCount(kind: EngineKind) async throws {
        try await withDatabase(kind) { database in
            let engine = database.engine
            func count(_ at: Date) async throws -> Int {
                try await engine.transaction { db in try await ObstacleDesk(db: db).countSubmission(clientKey: "a", now: at, windowSeconds: 3600) }
            }
            #expect(try await count(Self.now) == 1)
            #expect(try await count(Self.now.addingTimeInterval(10)) == 2)
            #expect(try await count(Self.now.addingTimeInterval(20)) == 3)
            #expect(try await count(Self.now.addingTimeInterval(3601)) == 1)
            // Parallel submissions each see the ones before them: ten at once end at ten.
            try await withThrowingTaskGroup(of: Int.self) { group in
                for index in 0..<10 { group.addTask { try await count(Self.now.addingTimeInterval(3_700 + Double(index) / 100)) } }
                var seen: [Int] = []
                for try await value in group { seen.append(value) }
                #expect(seen.sorted() == Array(2...11))
            }
        }
    }

    @Test("a full export writes the obstacle record, never the contact address, the report as sent or the messages", arguments: allEngines)
    func export(kind: EngineKind) async throws {
        try await withDatabase(kind) { database in
            let engine = database.engine
            _ = try await Self.receive(engine)
            try await engine.transaction { db in
                try await ObstacleDesk(db: db).send("Antwoord aan de melder.", obstacleID: "gb-2026-abcdef", actor: AuditActor(name: "root", via: "session"), now: Self.now)
            }
            let snapshot = try await engine.read { db in try await Exporter.snapshot(of: Register(db: db, scope: .everything)) }
            #expect(snapshot.obstacles.map(\.id) == ["gb-2026-abcdef"])
            let directory = try TemporaryDirectory()
            let files = try Exporter.write(snapshot, to: directory.url.path)
            let text = try files.map { try String(contentsOfFile: $0, encoding: .utf8) }.joined()
            #expect(text.contains("GB-2026-ABCDEF"))
            #expect(!text.contains(Self.marker))
            #expect(!text.contains("Antwoord aan de melder."))
        }
    }
}
