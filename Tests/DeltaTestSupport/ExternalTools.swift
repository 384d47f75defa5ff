import Foundation

/// Runs the real programs tests check our output with (python3, soffice) and keeps their files
/// in a fresh temporary directory.
public enum ExternalTools {
    /// A failure of a program, with what it wrote on standard error.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Writes `contents` to a new file in a new temporary directory.
    public static func temporaryFile(named name: String, contents: String) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("deltaberaad-tool-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = directory.appendingPathComponent(name)
        try contents.write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    /// Runs a program to its end (killed after `timeout` seconds) and returns its standard output;
    /// a non-zero exit is a failure that quotes standard error.
    public static func run(_ executable: String, _ arguments: [String], timeout: TimeInterval = 60) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("deltaberaad-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        // Output goes to files, so a chatty program can never block on a full pipe.
        let out = directory.appendingPathComponent("stdout"), err = directory.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw Failure(description: "\(arguments.first ?? executable) could not be started: \(error) (scripts/test installs it)")
        }
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning {
            if Date() > deadline {
                process.terminate()
                throw Failure(description: "\(arguments.first ?? executable) did not finish within \(Int(timeout)) s")
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        let output = String(decoding: (try? Data(contentsOf: out)) ?? Data(), as: UTF8.self)
        guard process.terminationStatus == 0 else {
            let errors = String(decoding: (try? Data(contentsOf: err)) ?? Data(), as: UTF8.self)
            throw Failure(description: "\(arguments.first ?? executable) exited with \(process.terminationStatus): \(errors)")
        }
        return output
    }
}
