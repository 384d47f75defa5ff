import DeltaStore
import Dispatch
import Foundation
import SQLKit
import Testing

// SQLite keeps a connection's read transaction open while a statement on it runs: a read that
// shared the connection of a long read saw the register as it was when that one began.

@Suite("A read sees what was committed before it began")
struct ReadSnapshotTests {
    @Test("a read started while another read is still running sees a write committed in between")
    func readAfterWrite() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("snapshot-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        // Two readers: before the fix, reads took them in turn, so the third read below ran on the
        // connection of the first, which was still running.
        let engine = try await SQLiteEngine(path: path, readerCount: 2)
        try await engine.transaction { db in
            try await db.raw("CREATE TABLE t (x INTEGER)").run()
            try await db.raw("INSERT INTO t VALUES (1), (2), (3)").run()
        }
        let started = DispatchSemaphore(value: 0), resume = DispatchSemaphore(value: 0)
        // A long read: it stops at its first row until told to go on.
        let long = Task {
            try await engine.read { db in
                try await db.select().column("x").from("t").fold(into: 0) { count, _ in
                    if count == 0 { started.signal(); resume.wait() }
                    count += 1
                }
            }
        }
        await withCheckedContinuation { continuation in DispatchQueue.global().async { started.wait(); continuation.resume() } }
        _ = try await engine.read { db in try await db.raw("SELECT 1 AS one").all() }
        try await engine.transaction { db in try await db.raw("INSERT INTO t VALUES (4)").run() }
        let seen = try await engine.read { db in
            try await db.raw("SELECT COUNT(*) AS n FROM t").first()?.decode(column: "n", as: Int.self)
        }
        resume.signal()
        #expect(try await long.value == 3)
        #expect(seen == 4, "the read saw \(seen ?? -1) rows: an older snapshot")
        await engine.shutdown()
    }
}
