import Foundation

/// The text of a PDF through poppler's `pdftotext -layout` (Debian: poppler-utils).
enum PDFText {
    static func text(of data: Data, fileName: String) throws -> String {
        let program = ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext", "/opt/homebrew/bin/pdftotext"]
            .first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let program else { throw DocumentReadError("extract.error.noPdftotext", ["file": fileName]) }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("deltaberaad-pdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in.pdf"), output = folder.appendingPathComponent("out.txt")
        try data.write(to: input)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = ["-layout", "-enc", "UTF-8", input.path, output.path]
        process.standardError = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        // A hostile PDF must not hold the import forever.
        let deadline = Date().addingTimeInterval(60)
        while process.isRunning {
            if Date() > deadline { process.terminate(); throw DocumentReadError("extract.error.pdf", ["file": fileName]) }
            Thread.sleep(forTimeInterval: 0.02)
        }
        guard process.terminationStatus == 0, let text = try? String(contentsOf: output, encoding: .utf8) else {
            throw DocumentReadError("extract.error.pdf", ["file": fileName])
        }
        // pdftotext separates pages with form feeds.
        return text.replacingOccurrences(of: "\u{0C}", with: "\n\n")
    }
}
