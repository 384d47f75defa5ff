import DeltaDomain
import DeltaReports
import DeltaServices
import DeltaStore
import Crypto
import Foundation
import Hummingbird
import Synchronization

/// The network map as files: `/network.svg` (standalone) and `/network.png` for reports, drawn
/// by headless Chromium from the same SVG. PNGs are kept by the SVG's bytes (the SVG already
/// differs per language and per reader), so an unchanged map is drawn once; one drawing at a
/// time, so a burst of requests cannot start a browser each.
struct NetworkController: Sendable {
    let engine: any DatabaseEngine
    let configuration: AppConfiguration
    let drawings = PNGDrawings()

    func addRoutes(pages router: RouterGroup<AppRequestContext>) {
        router.get("/network.svg") { _, context -> Response in
            let svg = try await svgFile(context)
            return InvestmentController.file(svg, type: "image/svg+xml; charset=utf-8", name: "network.svg", inline: true)
        }
        router.get("/network.png") { _, context -> Response in
            let map = try await drawnMap(context)
            let svg = map.svgFile(title: context.labels.text("network.mapTitle"), description: context.labels.text("network.mapTitle"))
            let png: Data
            do {
                png = try await drawings.png(svg: svg, width: Int(map.width), height: Int(map.height))
            } catch is HeadlessChromium.Failure {
                throw HTTPError(.serviceUnavailable, message: context.labels.text("network.pngUnavailable"))
            }
            var headers = HTTPFields()
            headers[.contentType] = "image/png"
            headers[.contentDisposition] = "inline; filename=\"network.png\""
            return Response.tagged(headers: headers, body: ByteBuffer(bytes: png))
        }
    }

    private func drawnMap(_ context: AppRequestContext) async throws -> NetworkMap {
        let scope = context.readScope
        let today = configuration.today()
        return try await engine.read { db in
            try await Register(db: db, scope: scope).networkFacts(today: today, labels: context.labels).map()
        }
    }

    private func svgFile(_ context: AppRequestContext) async throws -> String {
        let map = try await drawnMap(context)
        return map.svgFile(title: context.labels.text("network.mapTitle"), description: NetworkFacts.textAlternative(map, labels: context.labels))
    }
}

/// PNG drawings of maps, by the SVG's digest; at most 16 kept, one drawn at a time.
final class PNGDrawings: Sendable {
    private let cache = Mutex<[String: Data]>([:])
    private let gate = AsyncSemaphore(limit: 1)

    func png(svg: String, width: Int, height: Int) async throws -> Data {
        let key = SHA256.hash(data: Data(svg.utf8)).map { String(format: "%02x", $0) }.joined()
        if let kept = cache.withLock({ $0[key] }) { return kept }
        return try await gate.withPermit {
            if let kept = cache.withLock({ $0[key] }) { return kept }
            let png = try await HeadlessChromium.png(svg: svg, width: width, height: height)
            cache.withLock { cache in
                if cache.count >= 16 { cache.removeAll() }
                cache[key] = png
            }
            return png
        }
    }
}
