import Foundation
import Subprocess
#if canImport(System)
import System
#else
import SystemPackage
#endif

/// Another program (pdftotext, Chromium, pg_dump, and in the tests the CLI and Python) run to
/// its end, its output collected, killed when it takes too long.
///
/// Why not Foundation's `Process`: on Linux it opens its pipes and its exit-watching socket
/// without close-on-exec and closes inherited descriptors in a way that races with other
/// threads starting programs. A child started at the same moment as another keeps a copy of the
/// other's pipe or socket, so the other's end of output, or its exit, is not seen until that
/// child ends too. A long-lived child (a server a test runs) then holds a waiter forever; this
/// hung the whole test run. swift-subprocess opens every descriptor close-on-exec and closes
/// all others in the child atomically, and waits without holding a thread.
public enum ExternalProgram {
    /// How a program ended and what it wrote.
    public struct Outcome: Sendable {
        /// The exit code; for a program ended by a signal, 128 + the signal, as a shell says it.
        public let status: Int32
        /// The program ended by itself (not by a signal).
        public let exited: Bool
        /// What it wrote on standard output, decoded as UTF-8.
        public let output: String
        /// What it wrote on standard error, decoded as UTF-8.
        public let errors: String

        /// It exited with 0.
        public var succeeded: Bool { exited && status == 0 }

        init(_ termination: TerminationStatus, output: String, errors: String) {
            switch termination {
            case .exited(let code): (status, exited) = (code, true)
            case .signaled(let signal): (status, exited) = (128 + signal, false)
            }
            self.output = output
            self.errors = errors
        }
    }

    /// The program could not be started (not installed, not executable).
    public struct NotStarted: Error, CustomStringConvertible {
        /// The program as asked for.
        public let program: String
        /// Why, as the system said it.
        public let reason: String
        public var description: String { "\(program) could not be started: \(reason)" }
    }

    /// The program did not end within its time and was killed.
    public struct TimedOut: Error, CustomStringConvertible {
        /// The program as asked for.
        public let program: String
        /// The time it had.
        public let limit: Duration
        public var description: String { "\(program) did not finish within \(limit) and was killed" }
    }

    /// A write to a program that has closed its input must be an error of that write, not a
    /// signal that ends this whole process (a server, or the test run). Set once, process-wide;
    /// NIO's sockets already never raise it.
    private static let brokenPipesIgnored: Void = { _ = signal(SIGPIPE, SIG_IGN) }()

    /// Runs `program` (a path, or a name looked up in `PATH`) with `arguments` to its end.
    ///
    /// - `input`: written to its standard input, which is then closed (no input: empty).
    /// - `environment`: values set on top of this process's environment.
    /// - `directory`: its working directory (default: this process's).
    /// - `timeout`: it is killed after this, and `TimedOut` is thrown.
    /// - `outputLimit`: the most bytes kept of each of standard output and standard error; a
    ///   program that writes more is a failure, never a process that grows without bound. With
    ///   `nil` both are discarded (a program whose result is a file, such as Chromium's).
    public static func run(_ program: String, _ arguments: [String], input: String? = nil,
                           environment: [String: String] = [:], directory: String? = nil,
                           timeout: Duration = .seconds(60), outputLimit: Int? = 64 << 20) async throws -> Outcome {
        _ = brokenPipesIgnored
        let executable: Subprocess.Executable = program.contains("/") ? .path(FilePath(program)) : .name(program)
        var settings: [Subprocess.Environment.Key: String?] = [:]
        for (key, value) in environment { if let key = Subprocess.Environment.Key(rawValue: key) { settings[key] = value } }
        let configuration = Subprocess.Configuration(executable: executable, arguments: Arguments(arguments),
                                          environment: .inherit.updating(settings),
                                          workingDirectory: directory.map { FilePath($0) })
        do {
            return try await withThrowingTaskGroup(of: Outcome?.self) { group in
                group.addTask {
                    // A program may end without reading all its input: that is its business, not
                    // a failure of ours (and, with SIGPIPE ignored, not the end of this process).
                    let feed: @Sendable (StandardInputWriter) async -> Void = { writer in
                        if let input { _ = try? await writer.write(input) }
                        _ = try? await writer.finish()
                    }
                    guard let outputLimit else {
                        let result = try await Subprocess.run(configuration, input: .inputWriter, output: .discarded, error: .discarded) {
                            await feed($0.standardInputWriter)
                        }
                        return Outcome(result.terminationStatus, output: "", errors: "")
                    }
                    let result = try await Subprocess.run(configuration, input: .inputWriter,
                                                          output: .string(limit: outputLimit), error: .string(limit: outputLimit)) {
                        await feed($0.standardInputWriter)
                    }
                    return Outcome(result.terminationStatus, output: result.standardOutput, errors: result.standardError)
                }
                group.addTask {
                    try await Task.sleep(for: timeout)
                    return nil
                }
                // Whichever ends first; cancelling the other kills the program if it still runs.
                defer { group.cancelAll() }
                guard let outcome = try await group.next() ?? nil else { throw TimedOut(program: program, limit: timeout) }
                return outcome
            }
        } catch let error as SubprocessError where error.code == .executableNotFound || error.code == .spawnFailed {
            throw NotStarted(program: program, reason: "\(error)")
        }
    }
}
