import DeltaImport
import DeltaStore
@testable import DeltaWeb
import Foundation
import Synchronization
import HTTPTypes
import Hummingbird
import HummingbirdCore
import HummingbirdTesting
import Testing

/// The probes a supervisor uses, and load shed instead of queued.
@Suite("Health probes and the bound on requests in flight")
struct HealthTests {
    @Test("live answers while the process serves; ready only when the database answers and every migration is applied")
    func probes() async throws {
        try await withDemoApp { client in
            let live = try await client.get("/health/live")
            #expect(live.status == .ok)
            let ready = try await client.get("/health/ready")
            #expect(ready.status == .ok)
            #expect(try ready.json()["pendingMigrations"] == .array([]))
        }
        // A database that was never migrated is not ready: 503 with the versions missing and when to ask again.
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("health-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let empty = try await SQLiteEngine(path: directory.appendingPathComponent("empty.sqlite").path)
        let answer = try await withApp(engine: empty) { client in try await client.get("/health/ready") }
        await empty.shutdown()
        #expect(answer.status == .serviceUnavailable)
        #expect(answer.headers[.retryAfter] != nil)
        let pending = try answer.json()["pendingMigrations"]?.array.count ?? 0
        #expect(pending == Migrator.migrations.count)
    }

    @Test("beyond the limit a request is refused at once with 503 and Retry-After; the probes still answer; the count returns to zero")
    func shedding() async throws {
        let router = Router(context: AppRequestContext.self)
        let limiter = InFlightLimitMiddleware(limit: 2)
        let gate = Gate()
        router.add(middleware: ErrorProbe())
        router.add(middleware: limiter)
        router.get("/slow") { _, _ -> String in await gate.wait(); return "done" }
        router.get("/fast") { _, _ -> String in "fast" }
        router.get("/health/live") { _, _ -> String in "live" }
        try await Application(router: router).test(.router) { client in
            try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for _ in 0..<2 { group.addTask { try await client.execute(uri: "/slow", method: .get).status } }
                // Wait until both slow requests hold their places.
                for _ in 0..<200 where limiter.counter.value.load(ordering: .relaxed) < 2 { try await Task.sleep(for: .milliseconds(10)) }
                let refused = try await client.execute(uri: "/fast", method: .get)
                #expect(refused.status == .serviceUnavailable)
                #expect(refused.headers[.retryAfter] == "1")
                #expect(try await client.execute(uri: "/health/live", method: .get).status == .ok)
                await gate.open()
                var statuses: [HTTPResponse.Status] = []
                for try await status in group { statuses.append(status) }
                #expect(statuses == [.ok, .ok])
            }
            #expect(try await client.execute(uri: "/fast", method: .get).status == .ok)
        }
        #expect(limiter.counter.value.load(ordering: .relaxed) == 0)
    }

    @Test("work past the deadline is cancelled and answered 503 with Retry-After; quick requests and the probes are untouched")
    func deadline() async throws {
        let router = Router(context: AppRequestContext.self)
        let stopped = Flag()
        router.add(middleware: ErrorProbe())
        let deadline = RequestDeadlineMiddleware(deadline: .milliseconds(200))
        router.add(middleware: deadline)
        router.get("/stuck") { _, _ -> String in
            do { try await Task.sleep(for: .seconds(60)) } catch { await stopped.set(); throw error }
            return "never"
        }
        router.get("/quick") { _, _ -> String in "quick" }
        // Work cancelled by something else than the deadline (the server stopping) is not called slow.
        router.get("/cancelled") { _, _ -> String in throw CancellationError() }
        router.get("/health/live") { _, _ -> String in try await Task.sleep(for: .milliseconds(400)); return "live" }
        try await Application(router: router).test(.router) { client in
            let stuck = try await client.execute(uri: "/stuck", method: .get)
            #expect(stuck.status == .serviceUnavailable)
            #expect(stuck.headers[.retryAfter] == "1" && stuck.headers[.errorKey] == "error.explain.deadline")
            #expect(await stopped.isSet)
            let cancelled = try await client.execute(uri: "/cancelled", method: .get)
            #expect(cancelled.status == .serviceUnavailable && cancelled.headers[.errorKey] == "error.explain.503")
            // The request's own task cancelled before its deadline (the server stopping): not called slow either.
            let stopping = Task { try await client.execute(uri: "/stuck", method: .get) }
            try await Task.sleep(for: .milliseconds(50))
            stopping.cancel()
            let stopped = try await stopping.value
            #expect(stopped.status == .serviceUnavailable && stopped.headers[.errorKey] == "error.explain.503")
            #expect(try await client.execute(uri: "/quick", method: .get).status == .ok)
            // A probe is never cut short: a supervisor must tell "slow" from "dead".
            #expect(try await client.execute(uri: "/health/live", method: .get).status == .ok)
            // No request leaves its timer behind, whether its deadline came or its answer did.
            for _ in 0..<50 { _ = try await client.execute(uri: "/quick", method: .get) }
            #expect(deadline.watch.waiting == 0)
        }
    }

    @Test("the work of a client that closes its connection is cancelled at once, not at the deadline")
    func clientGone() async throws {
        let router = Router(context: AppRequestContext.self)
        let stopped = Flag()
        router.add(middleware: ErrorProbe())
        let connections = ConnectionWatches()
        let deadline = RequestDeadlineMiddleware(deadline: .seconds(600), connections: connections)
        router.add(middleware: deadline)
        router.get("/stuck") { _, _ -> String in
            do { try await Task.sleep(for: .seconds(60)) } catch { await stopped.set(); throw error }
            return "never"
        }
        router.get("/quick") { _, _ -> String in "quick" }
        // As `buildApplication` does: the connection's handler sees the client's input end.
        let server = HTTP1Channel.Configuration(additionalChannelHandlers: [ClientGoneHandler(connections: connections)])
        try await Application(router: router, server: .http1(configuration: server)).test(.live) { client in
            let port = try #require(client.port)
            // A kept-alive connection's requests leave nothing behind.
            for _ in 0..<20 { #expect(try await client.execute(uri: "/quick", method: .get).status == .ok) }
            // A raw client (Python's socket module) asks, waits a moment and hangs up.
            let script = """
                import socket, time
                s = socket.create_connection(("127.0.0.1", \(port)))
                s.sendall(b"GET /stuck HTTP/1.1\\r\\nHost: localhost\\r\\n\\r\\n")
                time.sleep(0.3)
                s.close()
                """
            let python = try await ExternalProgram.run("/usr/bin/python3", ["-c", script])
            #expect(python.succeeded, "\(python.errors)")
            let until = ContinuousClock.now + .seconds(30)
            while await !stopped.isSet, ContinuousClock.now < until { try await Task.sleep(for: .milliseconds(20)) }
            #expect(await stopped.isSet, "the work was cancelled when its client left, long before the deadline")
            #expect(deadline.watch.waiting == 0)
            // The closed connection is let go.
            let released = ContinuousClock.now + .seconds(10)
            while connections.count > 1, ContinuousClock.now < released { try await Task.sleep(for: .milliseconds(20)) }
            #expect(connections.count <= 1, "only the test client's kept-alive connection is watched")
        }
    }

    @Test("a deadline's wait ends when its time has come, or at once when cancelled, and leaves nothing behind")
    func deadlineWatch() async throws {
        let watch = DeadlineWatch()
        let start = ContinuousClock.now
        await watch.wait(until: start + .milliseconds(120))
        #expect(ContinuousClock.now - start >= .milliseconds(120), "never before its time")
        let far = Task { await watch.wait(until: ContinuousClock.now + .seconds(600)) }
        try await Task.sleep(for: .milliseconds(100))
        #expect(watch.waiting == 1)
        far.cancel()
        await far.value
        #expect(watch.waiting == 0)
        // Cancelled before it began to wait: it does not wait at all.
        let early = Task { await watch.wait(until: ContinuousClock.now + .seconds(600)) }
        early.cancel()
        await early.value
        #expect(watch.waiting == 0)
    }
}

/// Set once, read by the test.
actor Flag {
    private(set) var isSet = false
    func set() { isSet = true }
}

/// Lets requests wait until the test opens it.
actor Gate {
    private var isOpen = false
    private var waiting: [CheckedContinuation<Void, Never>] = []
    func wait() async {
        if isOpen { return }
        await withCheckedContinuation { waiting.append($0) }
    }
    func open() {
        isOpen = true
        for continuation in waiting { continuation.resume() }
        waiting = []
    }
}

/// The part of the real pipeline the limiter relies on: an AppError becomes its status, with Retry-After on 503.
struct ErrorProbe: RouterMiddleware {
    typealias Context = AppRequestContext
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do { return try await next(request, context) } catch let error as AppError {
            var headers = HTTPFields()
            if error.status == .serviceUnavailable { headers[.retryAfter] = "1" }
            headers[.errorKey] = error.key
            return Response(status: error.status, headers: headers)
        }
    }
}

extension HTTPField.Name {
    /// The catalogue key of an `AppError`, as `ErrorProbe` passes it on.
    static let errorKey = Self("X-Error-Key")!
}
