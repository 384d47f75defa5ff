import ArgumentParser
import DeltaDomain
import DeltaReports
import DeltaServices
import DeltaStore
import Foundation

/// Prints HTML to PDF with headless Chromium (`--print-to-pdf`), which honours the report's
/// A4 page rules and page-number margin boxes.
enum PDFPrinter {
    static func chromium() -> String? {
        if let configured = ProcessInfo.processInfo.environment["DELTABERAAD_CHROMIUM"] { return configured }
        return ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static func print(html: String, to output: URL) throws {
        guard let chromium = chromium() else { throw CLIError("cli.report.noChromium") }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("deltaberaad-pdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("report.html")
        try html.write(to: page, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium)
        process.arguments = ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                             "--user-data-dir=\(folder.appendingPathComponent("profile").path)",
                             "--print-to-pdf=\(output.path)", page.absoluteString]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0, FileManager.default.fileExists(atPath: output.path) else {
            throw CLIError("cli.report.chromiumFailed", ["status": String(process.terminationStatus)])
        }
    }
}
