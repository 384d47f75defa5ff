import DeltaImport
import Foundation
import Testing

/// Programs started at the same moment must not share anything: a child that inherits another's
/// pipe or exit-watching socket holds that other's waiter until it ends too. With Foundation's
/// `Process` about a quarter of 400 concurrent children had such extra descriptors, and a long
/// one (a server a test ran) hung the whole test run.
@Suite("Running other programs")
struct ExternalProgramTests {
    @Test("64 programs started at once each hold only standard input, output and error")
    func nothingInherited() async throws {
        let listings = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<64 {
                group.addTask {
                    let outcome = try await ExternalProgram.run("/bin/sh", ["-c", "ls /proc/$$/fd; true"], input: "ignored")
                    #expect(outcome.succeeded, "\(outcome.errors)")
                    return outcome.output
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(listings.count == 64)
        for listing in listings {
            let descriptors = listing.split(whereSeparator: \.isWhitespace).sorted()
            #expect(descriptors == ["0", "1", "2"], "a child held more than its own three: \(descriptors)")
        }
    }

    @Test("input, environment, working directory and both outputs; the exit code as the program gave it")
    func roundTrip() async throws {
        let outcome = try await ExternalProgram.run("sh", ["-c", "cat; printf ' %s %s' \"$DELTA_TEST\" \"$(pwd)\"; echo oops >&2; exit 3"],
                                                    input: "Partijen spreken af", environment: ["DELTA_TEST": "é"], directory: "/tmp")
        #expect(outcome.output == "Partijen spreken af é /tmp")
        #expect(outcome.errors == "oops\n")
        #expect(outcome.status == 3 && outcome.exited && !outcome.succeeded)
    }

    @Test("a program past its time is killed and named; one that is not there is named too")
    func limits() async throws {
        // The program says who it is, then sleeps ten minutes: once the run has thrown, that
        // process must be gone (killed and reaped), whatever the machine's load made the wait.
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("external-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let pidFile = directory.appendingPathComponent("pid").path
        await #expect(throws: ExternalProgram.TimedOut.self) {
            _ = try await ExternalProgram.run("sh", ["-c", "echo $$ > '\(pidFile)'; exec sleep 600"], timeout: .seconds(5))
        }
        let written = try String(contentsOfFile: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        let pid = try #require(pid_t(written), "no pid in \(pidFile)")
        let alive = kill(pid, 0) == 0
        #expect(!alive, "the program (pid \(pid)) still runs after its time limit")
        await #expect(throws: ExternalProgram.NotStarted.self) {
            _ = try await ExternalProgram.run("/nonexistent/deltaberaad-tool", [])
        }
        await #expect(throws: (any Error).self) {
            _ = try await ExternalProgram.run("sh", ["-c", "yes | head -c 100000"], outputLimit: 1000)
        }
    }
}
