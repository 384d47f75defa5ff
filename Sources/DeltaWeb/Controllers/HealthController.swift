import DeltaStore
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Prometheus

/// Probes for a process supervisor or load balancer:
/// `/health/live` answers 200 as long as the process serves HTTP (restart it when it does not);
/// `/health/ready` answers 200 only when the database answers and every migration is applied
/// (send it traffic only then), else 503 with what is missing. Neither reads the register.
/// `/metrics`: request counts and durations in the Prometheus text format (`RequestMetricsMiddleware`).
struct HealthController: Sendable {
    let engine: any DatabaseEngine
    let metrics: PrometheusCollectorRegistry

    struct Readiness: Codable, Sendable {
        let status: String
        let database: String
        let pendingMigrations: [Int]
    }

    func addRoutes(pages router: RouterGroup<AppRequestContext>) {
        router.get("/health/live") { _, _ -> Response in
            Self.answer(Readiness(status: "live", database: "unchecked", pendingMigrations: []), status: .ok)
        }
        router.get("/metrics") { _, _ -> Response in
            var headers = HTTPFields()
            headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
            headers[.cacheControl] = "no-store"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: metrics.emitToBuffer())))
        }
        router.get("/health/ready") { _, _ -> Response in
            do {
                let pending = try await engine.read { db in try await Migrator.pending(db) }
                let ready = pending.isEmpty
                return Self.answer(Readiness(status: ready ? "ready" : "migrations-pending", database: "answers", pendingMigrations: pending),
                                   status: ready ? .ok : .serviceUnavailable)
            } catch {
                return Self.answer(Readiness(status: "database-unavailable", database: "unavailable", pendingMigrations: []),
                                   status: .serviceUnavailable)
            }
        }
    }

    private static func answer(_ readiness: Readiness, status: HTTPResponse.Status) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        headers[.cacheControl] = "no-store"
        if status == .serviceUnavailable { headers[.retryAfter] = "5" }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = (try? encoder.encode(readiness)) ?? Data()
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
