import Foundation
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `deltaberaad serve --demo` as a person starts it: a real process on a loopback port.
@Suite("Serve")
struct ServeTests {
    @Test("serve --demo answers on its port with the demo register, and stops on SIGTERM")
    func serveDemo() async throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let port = Int.random(in: 20_000...40_000)
        let process = Process()
        process.executableURL = CLI.executable
        process.arguments = ["serve", "--demo", "--db", folder.appendingPathComponent("serve.sqlite").path,
                             "--port", String(port), "--today", "2026-11-23"]
        process.currentDirectoryURL = CLI.packageRoot
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard FileManager.default.isExecutableFile(atPath: CLI.executable.path) else { throw CLI.Missing() }
        try process.run()
        defer { if process.isRunning { process.terminate() } }

        let base = "http://127.0.0.1:\(port)"
        var ready = false
        for _ in 0..<120 where !ready {
            try await Task.sleep(for: .milliseconds(250))
            ready = (try? await Self.get("\(base)/_ping"))?.0 == 200
        }
        #expect(ready, "the server answered /_ping within 30 seconds")

        let (status, body) = try await Self.get("\(base)/api/overview")
        #expect(status == 200)
        let object = try JSONSerialization.jsonObject(with: body) as? [String: Any]
        let today = object?["today"] as? String
        #expect(today == "2026-11-23", "--today pins the date")
        let dossiers = object?["dossiers"] as? [Any]
        #expect((dossiers?.count ?? 0) >= 10, "the demo's dossiers are served")

        // SIGTERM is a graceful shutdown (ServiceLifecycle): the server finishes what is in flight
        // and exits normally, rather than dying of the signal.
        process.terminate()
        process.waitUntilExit()
        #expect(process.terminationReason == .exit, "the server handles SIGTERM instead of dying of it")
        #expect(process.terminationStatus == 0, "and exits 0")
    }

    private static func get(_ url: String) async throws -> (Int, Data) {
        let (data, response) = try await URLSession.shared.data(from: URL(string: url)!)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, data)
    }
}
