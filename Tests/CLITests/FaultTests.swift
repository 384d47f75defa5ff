import DeltaTestSupport
import Foundation
import Testing

/// The fault tests of issue “Proven under load”: real `deltaberaad serve` processes, PostgreSQL
/// clusters of their own that are stopped and started, SIGKILL in the middle of writes, two
/// servers on one database. They are Python scripts (`Tests/faults/test_*.py`: process control
/// and many concurrent HTTP clients) and take minutes, so they run in `scripts/test --long`
/// (DELTABERAAD_LONG_TESTS=1) only.
@Suite("Faults (scripts/test --long)", .enabled(if: ProcessInfo.processInfo.environment["DELTABERAAD_LONG_TESTS"] == "1"),
       .serialized)
struct FaultTests {
    @Test("kill -9 during a burst of writes, SQLite and PostgreSQL: integrity, acknowledged writes, no half writes, audit chain")
    func killDuringWrites() throws { try Self.run("test_kill9") }

    @Test("PostgreSQL stopped mid-request: 503 documents and pages, not ready, nothing half-written, recovery without restart")
    func databaseOutage() throws { try Self.run("test_database_outage") }

    @Test("two servers on one PostgreSQL: sessions work across both, conflicts are detected, one audit chain, one throttle")
    func twoInstances() throws { try Self.run("test_two_instances") }

    /// Runs one script's unittest cases against the built executable; its output is the failure message.
    static func run(_ module: String) throws {
        guard FileManager.default.isExecutableFile(atPath: CLI.executable.path) else { throw CLI.Missing() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-m", "unittest", "-v", module]
        process.currentDirectoryURL = CLI.packageRoot.appendingPathComponent("Tests/faults")
        var environment = ProcessInfo.processInfo.environment
        environment["DELTABERAAD_BINARY"] = CLI.executable.path
        process.environment = environment
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("deltaberaad-\(module)-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        process.waitUntilExit()
        try handle.close()
        let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        try? FileManager.default.removeItem(at: log)
        #expect(process.terminationStatus == 0, "\(module) failed:\n\(output)")
    }
}
