import DeltaStore
import SQLKit
import Testing

@Suite("Waiting for a PostgreSQL connection, and the version listener")
struct PostgresLeaseTests {
    /// What a read on an engine whose server cannot be reached ends with: the error's description.
    static func outcome(leaseTimeout: Duration, cancelAfter: Duration?) async -> String {
        // Nothing listens on port 1: the pool keeps the read waiting for a connection.
        guard let engine = try? PostgresEngine(url: "postgres://nobody@127.0.0.1:1/none", leaseTimeout: leaseTimeout) else { return "no engine" }
        let read = Task { try await engine.read { db in try await db.raw("SELECT 1").run() } }
        if let cancelAfter {
            try? await Task.sleep(for: cancelAfter)
            read.cancel()
        }
        let result = await read.result
        await engine.shutdown()
        switch result {
        case .success: return "answered"
        case .failure(let error as StoreError):
            if case .unavailable = error { return "unavailable" }
            return "store error \(error)"
        case .failure(let error): return error is CancellationError ? "cancelled" : "other \(type(of: error))"
        }
    }

    @Test("a wait cut short by the request's own cancellation is not reported as the database being away")
    func cancelledWait() async {
        let outcome = await Self.outcome(leaseTimeout: .seconds(30), cancelAfter: .milliseconds(300))
        #expect(outcome != "unavailable")
        #expect(outcome != "answered")
    }

    @Test("a wait that reaches the lease timeout is reported as the database being away")
    func timedOutWait() async {
        #expect(await Self.outcome(leaseTimeout: .milliseconds(300), cancelAfter: nil) == "unavailable")
    }

    @Test("no version listener starts once the engine is shut down")
    func noListenerAfterShutdown() async throws {
        let engine = try PostgresEngine(url: "postgres://nobody@127.0.0.1:1/none", leaseTimeout: .milliseconds(200))
        _ = try? await engine.registerVersion()
        #expect(engine.hasListener)
        await engine.shutdown()
        #expect(!engine.hasListener)
        _ = try? await engine.registerVersion()
        #expect(!engine.hasListener)
    }
}
