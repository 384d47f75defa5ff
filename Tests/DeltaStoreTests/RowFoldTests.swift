import DeltaStore
import SQLKit
import Synchronization
import Testing

// The whole kinds are decoded a row at a time as the database hands the rows over
// (`SQLQueryFetcher.fold`): every row once, in order, and a failing row stops the read.

@Suite("Rows decoded as they come")
struct RowFoldTests {
    @Test("a fold sees every row once, in the statement's order, on both engines", arguments: allEngines)
    func inOrder(kind: EngineKind) async throws {
        try await withDatabase(kind) { database in
            try await Demo.importInto(database.engine)
            let (all, folded, decoded) = try await database.engine.read { db in
                let query = db.select().column("id").from("agreements").orderBy("document_id").orderBy("id")
                let all = try await query.all().map { try $0.decode(column: "id", as: String.self) }
                let folded = try await query.fold(into: [String]()) { ids, row in ids.append(try row.decode(column: "id", as: String.self)) }
                let decoded = try await query.decodeEach { try $0.decode(column: "id", as: String.self) }
                return (all, folded, decoded)
            }
            #expect(all.count > 10, "\(all.count) agreements")
            #expect(folded == all)
            #expect(decoded == all)
        }
    }

    @Test("the first row that fails to decode stops the fold: its error is thrown, and no later row is decoded", arguments: allEngines)
    func firstErrorThrown(kind: EngineKind) async throws {
        struct Refused: Error, Equatable { let id: String }
        final class Calls: Sendable { let count = Atomic<Int>(0) }
        try await withDatabase(kind) { database in
            try await Demo.importInto(database.engine)
            let ids = try await database.engine.read { db in
                try await db.select().column("id").from("agreements").orderBy("id").all().map { try $0.decode(column: "id", as: String.self) }
            }
            #expect(ids.count > 3)
            let refused = ids[2], calls = Calls()
            await #expect(throws: Refused(id: refused)) {
                try await database.engine.read { db in
                    try await db.select().column("id").from("agreements").orderBy("id").fold(into: 0) { _, row in
                        calls.count.add(1, ordering: .relaxed)
                        let id = try row.decode(column: "id", as: String.self)
                        if id == refused { throw Refused(id: id) }
                    }
                }
            }
            #expect(calls.count.load(ordering: .relaxed) == 3)
        }
    }
}
