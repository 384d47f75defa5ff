import DeltaServices
import Foundation

/// Prints HTML to PDF with headless Chromium (`--print-to-pdf`), which honours the report's
/// A4 page rules and page-number margin boxes.
enum PDFPrinter {
    static func print(html: String, to output: URL) async throws {
        do {
            try await HeadlessChromium.pdf(html: html).write(to: output)
        } catch HeadlessChromium.Failure.missing {
            throw CLIError("cli.report.noChromium")
        } catch HeadlessChromium.Failure.failed(let status) {
            throw CLIError("cli.report.chromiumFailed", ["status": String(status)])
        } catch HeadlessChromium.Failure.timedOut {
            throw CLIError("cli.report.chromiumFailed", ["status": "timeout"])
        }
    }
}
