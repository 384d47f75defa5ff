import Foundation
import DeltaImport

/// Headless Chromium, for what a browser draws best: the progress report as PDF and the network
/// map as PNG. One rule for where it is (`DELTABERAAD_CHROMIUM`, else the usual paths).
public enum HeadlessChromium {
    /// What went wrong; the caller words it.
    public enum Failure: Error, Sendable {
        case missing
        case failed(status: Int32)
        case timedOut
    }

    /// The Chromium executable, or nil when none is installed.
    public static func executable() -> String? {
        if let configured = ProcessInfo.processInfo.environment["DELTABERAAD_CHROMIUM"] { return configured }
        return ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs Chromium on a page written to a private folder, with `arguments(folder)` before the
    /// page's URL, and returns the file Chromium wrote (`output` inside the folder). Killed after
    /// `timeout` seconds.
    public static func run(page: String, named pageName: String, output: String, timeout: Double = 30,
                           arguments: (URL) -> [String]) async throws -> Data {
        guard let chromium = executable() else { throw Failure.missing }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("deltaberaad-chromium-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent(pageName)
        try page.write(to: file, atomically: true, encoding: .utf8)
        let outcome: ExternalProgram.Outcome
        do {
            outcome = try await ExternalProgram.run(chromium, ["--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                                                               "--user-data-dir=\(folder.appendingPathComponent("profile").path)"]
                                                        + arguments(folder) + [file.absoluteString],
                                                    timeout: .seconds(timeout), outputLimit: nil)
        } catch is ExternalProgram.TimedOut {
            throw Failure.timedOut
        } catch is ExternalProgram.NotStarted {
            throw Failure.missing
        }
        let status = outcome.status
        let result = folder.appendingPathComponent(output)
        guard outcome.succeeded, let data = FileManager.default.contents(atPath: result.path) else { throw Failure.failed(status: status) }
        return data
    }

    /// An SVG drawn at its size as PNG.
    public static func png(svg: String, width: Int, height: Int) async throws -> Data {
        try await run(page: svg, named: "map.svg", output: "map.png") { folder in
            ["--screenshot=\(folder.appendingPathComponent("map.png").path)", "--window-size=\(width),\(height)",
             "--default-background-color=ffffffff"]
        }
    }

    /// HTML printed to PDF (A4 page rules and margin boxes honoured).
    public static func pdf(html: String) async throws -> Data {
        try await run(page: html, named: "report.html", output: "report.pdf") { folder in
            ["--no-pdf-header-footer", "--print-to-pdf=\(folder.appendingPathComponent("report.pdf").path)"]
        }
    }
}
