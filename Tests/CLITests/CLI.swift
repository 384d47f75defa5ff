import DeltaImport
import DeltaTestSupport
import Foundation

/// Runs the built `deltaberaad` executable as a user would, capturing its output.
///
/// `scripts/test` builds it (`swift build --build-tests`) before running the tests.
enum CLI {
    /// The package root.
    static var packageRoot: URL { TestPaths.packageRoot }

    /// The debug executable.
    static var executable: URL { TestPaths.executable }

    /// The demo data files.
    static var demoFiles: [String] { TestPaths.demoFiles }

    /// What a finished run printed and how it ended.
    struct Result {
        let status: Int32
        let output: String
        let errors: String
    }

    struct Missing: Error, CustomStringConvertible {
        var description: String { "\(CLI.executable.path) is missing: run `swift build` (scripts/test does) before the tests" }
    }

    /// Runs the executable with arguments from the package root and waits for it; it speaks
    /// `language` (English unless a test asks for another, so the tests read one language).
    /// Through `ExternalProgram`, never Foundation's `Process` (see there why).
    static func run(_ arguments: [String], input: String? = nil, language: String = "en") async throws -> Result {
        guard FileManager.default.isExecutableFile(atPath: executable.path) else { throw Missing() }
        let outcome = try await ExternalProgram.run(executable.path, arguments, input: input, environment: ["DELTABERAAD_LANG": language],
                                                    directory: packageRoot.path, timeout: .seconds(600))
        return Result(status: outcome.status, output: outcome.output, errors: outcome.errors)
    }

    /// A fresh folder for one test's files.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("deltaberaad-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
