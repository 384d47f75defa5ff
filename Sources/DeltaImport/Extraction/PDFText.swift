import Foundation

/// The text of a PDF through poppler's `pdftotext -layout` (Debian: poppler-utils).
enum PDFText {
    static func text(of data: Data, fileName: String) async throws -> String {
        let program = ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext", "/opt/homebrew/bin/pdftotext"]
            .first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let program else { throw DocumentReadError("extract.error.noPdftotext", ["file": fileName]) }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("deltaberaad-pdf-\(UUID().uuidString)")
        // Only this user may read the uploaded document while pdftotext works on it.
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in.pdf"), output = folder.appendingPathComponent("out.txt")
        try data.write(to: input)
        // A hostile PDF must not hold the import forever.
        let outcome: ExternalProgram.Outcome
        do {
            outcome = try await ExternalProgram.run(program, ["-layout", "-enc", "UTF-8", input.path, output.path],
                                                    timeout: .seconds(60), outputLimit: nil)
        } catch is ExternalProgram.TimedOut {
            throw DocumentReadError("extract.error.pdf", ["file": fileName])
        }
        // A small PDF can expand to a huge text: refuse before reading it.
        let size = (try? FileManager.default.attributesOfItem(atPath: output.path)[.size] as? NSNumber)?.intValue ?? 0
        guard size <= DocumentReader.maximumBytes * 2 else {
            throw DocumentReadError("extract.error.tooLarge", ["file": fileName, "limit": String(DocumentReader.maximumBytes / 1024 / 1024)])
        }
        guard outcome.succeeded, let text = try? String(contentsOf: output, encoding: .utf8) else {
            throw DocumentReadError("extract.error.pdf", ["file": fileName])
        }
        // pdftotext separates pages with form feeds.
        return text.replacingOccurrences(of: "\u{0C}", with: "\n\n")
    }
}
