import Foundation

/// A file that cannot be read as a document, with the catalogue key of the reason.
public struct DocumentReadError: Error, Sendable, Equatable {
    public let key: String
    public let arguments: [String: String]
    public init(_ key: String, _ arguments: [String: String] = [:]) { self.key = key; self.arguments = arguments }
}

/// Turns a document file into its text: `.txt` and `.md` as they are (UTF-8, or UTF-16 with a
/// byte-order mark), `.html` without its markup, `.docx` from its Word XML, `.pdf` through
/// `pdftotext -layout`. Offsets of extraction are into this text; for `.txt` and `.md` that is
/// the file itself.
public enum DocumentReader {
    /// The largest file read: a declaration or treaty is far smaller; anything larger is refused
    /// before it is read, so a 50 MB upload costs nothing.
    public static let maximumBytes = 10 * 1024 * 1024

    /// The longest text read, in characters: what a document form stores and a review form carries.
    public static let maximumScalars = 2_000_000

    static func isStrayControl(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r") || (0x7F...0x9F).contains(scalar.value)
    }

    /// The kinds of file read.
    public enum Format: String, Sendable, CaseIterable {
        case text = "txt", markdown = "md", html, docx, pdf

        /// The format named by a file's extension.
        public init?(fileName: String) {
            let ext = (fileName as NSString).pathExtension.lowercased()
            switch ext {
            case "txt", "text": self = .text
            case "md", "markdown": self = .markdown
            case "html", "htm", "xhtml": self = .html
            case "docx": self = .docx
            case "pdf": self = .pdf
            default: return nil
            }
        }
    }

    /// The text of a file at `path`.
    public static func text(ofFile path: String) async throws -> String {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        guard let size = attributes?[.size] as? NSNumber else { throw DocumentReadError("extract.error.missing", ["file": path]) }
        guard size.intValue <= maximumBytes else {
            throw DocumentReadError("extract.error.tooLarge", ["file": path, "limit": String(maximumBytes / 1024 / 1024)])
        }
        guard let data = FileManager.default.contents(atPath: path) else { throw DocumentReadError("extract.error.missing", ["file": path]) }
        return try await text(of: data, fileName: (path as NSString).lastPathComponent)
    }

    /// The text of a file's bytes; the name's extension says the format.
    public static func text(of data: Data, fileName: String) async throws -> String {
        guard data.count <= maximumBytes else {
            throw DocumentReadError("extract.error.tooLarge", ["file": fileName, "limit": String(maximumBytes / 1024 / 1024)])
        }
        guard !data.isEmpty else { throw DocumentReadError("extract.error.empty", ["file": fileName]) }
        guard let format = Format(fileName: fileName) else {
            throw DocumentReadError("extract.error.format", ["file": fileName, "formats": ".txt, .md, .html, .docx, .pdf"])
        }
        var text: String
        do {
            switch format {
            case .text, .markdown: text = try decodedText(data, fileName: fileName)
            case .html: text = HTMLText.text(of: try decodedText(data, fileName: fileName))
            case .docx: text = try WordText.text(of: data, fileName: fileName)
            case .pdf: text = try await PDFText.text(of: data, fileName: fileName)
            }
        } catch let error as DocumentReadError {
            throw error
        } catch {
            // A library's own error (a corrupt archive, a file that cannot be written) is the file's fault.
            throw DocumentReadError(format == .pdf ? "extract.error.pdf" : "extract.error.docx", ["file": fileName])
        }
        // Control characters (other than tab and line breaks) would block saving the text later
        // and show nothing to the reviewer: they are dropped here, once.
        if text.unicodeScalars.contains(where: isStrayControl) {
            var cleaned = String.UnicodeScalarView()
            cleaned.append(contentsOf: text.unicodeScalars.filter { !isStrayControl($0) })
            text = String(cleaned)
        }
        guard text.unicodeScalars.count <= maximumScalars else {
            throw DocumentReadError("extract.error.tooLong", ["file": fileName, "limit": String(maximumScalars)])
        }
        guard text.unicodeScalars.contains(where: { $0.properties.isAlphabetic }) else {
            throw DocumentReadError(format == .pdf ? "extract.error.scanned" : "extract.error.noText", ["file": fileName])
        }
        return text
    }

    /// UTF-8 (a byte-order mark dropped) or UTF-16 with a byte-order mark; binary files and
    /// other encodings are refused with the reason.
    static func decodedText(_ data: Data, fileName: String) throws -> String {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            guard let text = String(data: data, encoding: .utf16) else { throw DocumentReadError("extract.error.encoding", ["file": fileName]) }
            return text
        }
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        // NUL bytes and many control bytes mean a binary file, not text in an odd encoding.
        let controls = body.prefix(8192).filter { $0 < 0x09 || ($0 > 0x0D && $0 < 0x20) }.count
        if body.prefix(8192).contains(0) || controls > 8 { throw DocumentReadError("extract.error.binary", ["file": fileName]) }
        guard let text = String(validating: body, as: UTF8.self) else { throw DocumentReadError("extract.error.encoding", ["file": fileName]) }
        return text
    }
}
