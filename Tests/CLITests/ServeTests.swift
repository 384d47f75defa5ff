import DeltaImport
import Foundation
import Subprocess
import Testing
#if canImport(System)
import System
#else
import SystemPackage
#endif
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
        // SIGTERM (sent when the body ends) is a graceful shutdown (ServiceLifecycle): the server
        // finishes what is in flight and exits normally, rather than dying of the signal.
        let ended = try await ServedRegister.with(["--demo", "--today", "2026-11-23"], in: folder, port: Int.random(in: 20_000...40_000)) { base in
            let (status, body) = try await Self.get("\(base)/api/overview")
            #expect(status == 200)
            let object = try JSONSerialization.jsonObject(with: body) as? [String: Any]
            let today = object?["today"] as? String
            #expect(today == "2026-11-23", "--today pins the date")
            let dossiers = object?["dossiers"] as? [Any]
            #expect((dossiers?.count ?? 0) >= 10, "the demo's dossiers are served")
        }
        #expect(ended.status == .exited(0), "the server handles SIGTERM instead of dying of it, and exits 0")
    }

    private static func get(_ url: String) async throws -> (Int, Data) {
        let (data, response) = try await URLSession.shared.data(from: URL(string: url)!)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, data)
    }
}

/// Options out of range are refused with their range, before any database is opened.
@Suite("Serve: options")
struct ServeOptionTests {
    @Test("an option out of range names its range, exits non-zero and opens no database", arguments: [
        (["--extraction-patience", "60001"], "--extraction-patience is a number of milliseconds from 0 to 60000"),
        (["--extraction-patience=-1"], "--extraction-patience is a number of milliseconds from 0 to 60000"),
        (["--request-deadline", "0"], "--request-deadline is a number of seconds from 1 to 3600"),
    ])
    func outOfRange(options: [String], message: String) async throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("never.sqlite").path
        let result = try await CLI.run(["serve", "--db", database, "--port", "1"] + options)
        #expect(result.status != 0)
        #expect(result.errors.contains(message), "\(result.errors)")
        #expect(!FileManager.default.fileExists(atPath: database), "nothing is written")
    }
}

/// Idle or half-open connections do not hold the server: a client that stops mid-request is
/// disconnected after `--idle-timeout` seconds (issue “Proven under load”: they never were).
@Suite("Serve: idle connections")
struct IdleConnectionTests {
    @Test("a request head that never ends is closed after --idle-timeout")
    func idleTimeout() async throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        guard FileManager.default.isExecutableFile(atPath: CLI.executable.path) else { throw CLI.Missing() }
        let port = Int.random(in: 40_001...50_000)
        // A real server process and a raw TCP client (Python's socket module) on loopback.
        let script = """
        import socket, subprocess, sys, time
        server = subprocess.Popen([sys.argv[1], "serve", "--db", sys.argv[2], "--port", sys.argv[3], "--idle-timeout", "2"],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            for _ in range(300):
                try:
                    s = socket.create_connection(("127.0.0.1", int(sys.argv[3])), timeout=1); break
                except OSError:
                    time.sleep(0.1)
            s.sendall(b"GET /_ping HTTP/1.1\\r\\nHost: test\\r\\n")
            start = time.time(); s.settimeout(15)
            try:
                data = s.recv(100)
                print("closed %.1f %d" % (time.time() - start, len(data)))
            except socket.timeout:
                print("open")
        finally:
            server.terminate(); server.wait()
        """
        let python = try await ExternalProgram.run("python3", ["-c", script, CLI.executable.path, folder.appendingPathComponent("idle.sqlite").path, String(port)],
                                                   directory: CLI.packageRoot.path, timeout: .seconds(120))
        let text = python.output
        let words = text.split(separator: " ").map(String.init)
        #expect(words.first == "closed", "the server closed the idle connection: \(text)")
        let seconds = words.count > 1 ? Double(words[1]) ?? 99 : 99
        #expect(seconds >= 1.5 && seconds < 10, "after about the idle timeout of 2 s: \(text)")
    }
}

/// `serve --log-format json`: every log line is a JSON object, one per answered request, and no
/// address (which may hold a feed's secret) is written, only the route that answered.
@Suite("Serve: structured logs")
struct StructuredLogTests {
    @Test("each line is JSON; a request line names method, route, status and duration, never the secret in the address")
    func jsonLines() async throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let ended = try await ServedRegister.with(["--demo", "--log-format", "json"], in: folder, port: Int.random(in: 50_001...60_000)) { base in
            _ = try await URLSession.shared.data(from: URL(string: "\(base)/dossiers/3rx")!)
            _ = try await URLSession.shared.data(from: URL(string: "\(base)/feeds/zzsecretzz/calendar.ics")!)
        }
        let text = ended.errors
        let lines = text.split(separator: "\n")
        #expect(lines.count >= 3)
        var requests: [[String: Any]] = []
        for line in lines {
            let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            #expect(object != nil, "not JSON: \(line)")
            if let object, object["message"] as? String == "request" { requests.append(object) }
        }
        let dossier = requests.first { $0["route"] as? String == "/dossiers/{id}" }
        #expect(dossier?["status"] as? String == "200")
        #expect(dossier?["method"] as? String == "GET")
        #expect(Double(dossier?["ms"] as? String ?? "") != nil)
        #expect(requests.contains { $0["route"] as? String == "/feeds/{secret}/calendar.ics" && $0["status"] as? String == "404" })
        #expect(!text.contains("zzsecretzz"), "the secret in an address is never logged")
    }
}

/// A `deltaberaad serve` process on a loopback port, started as a person starts it.
enum ServedRegister {
    /// Starts the server, runs `body` with the address it answers on once `/_ping` answers, then
    /// stops it with SIGTERM and waits for it; how it ended and what it wrote on standard error.
    /// Through swift-subprocess, never Foundation's `Process` (see `ExternalProgram` why); if
    /// `body` throws, the server is killed.
    static func with(_ arguments: [String], in folder: URL, port: Int,
                     _ body: (String) async throws -> Void) async throws -> (status: TerminationStatus, errors: String) {
        guard FileManager.default.isExecutableFile(atPath: CLI.executable.path) else { throw CLI.Missing() }
        let result = try await Subprocess.run(
            .path(FilePath(CLI.executable.path)),
            arguments: Arguments(["serve", "--db", folder.appendingPathComponent("serve.sqlite").path, "--port", String(port)] + arguments),
            workingDirectory: FilePath(CLI.packageRoot.path),
            input: .none, output: .discarded, error: .string(limit: 16 << 20)
        ) { execution in
            let base = "http://127.0.0.1:\(port)"
            var ready = false
            for _ in 0..<120 where !ready {
                try await Task.sleep(for: .milliseconds(250))
                ready = (try? await URLSession.shared.data(from: URL(string: "\(base)/_ping")!)) != nil
            }
            #expect(ready, "the server answered /_ping within 30 seconds")
            if ready { try await body(base) }
            try execution.send(signal: .terminate)
        }
        return (result.terminationStatus, result.standardError)
    }
}
