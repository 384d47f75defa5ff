import DeltaImport
import Foundation
import Testing
import ZIPFoundation

/// A file in a fresh temporary directory.
private func file(_ name: String, _ data: Data) throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("deltaberaad-reader-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let url = folder.appendingPathComponent(name)
    try data.write(to: url)
    return url.path
}

/// The catalogue key of the error reading `path` throws, or nil when it reads.
private func refusal(_ path: String) async -> String? {
    do {
        _ = try await DocumentReader.text(ofFile: path)
        return nil
    } catch let error as DocumentReadError {
        return error.key
    } catch {
        return "\(error)"
    }
}

/// A one-page PDF whose page shows `text` (or nothing), with a correct cross-reference table.
private func pdf(showing text: String?) -> Data {
    let content = text.map { "BT /F1 18 Tf 72 720 Td (\($0)) Tj ET" } ?? ""
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        "<< /Length \(content.utf8.count) >>\nstream\n\(content)\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    var out = "%PDF-1.4\n"
    var offsets: [Int] = []
    for (index, object) in objects.enumerated() {
        offsets.append(out.utf8.count)
        out += "\(index + 1) 0 obj\n\(object)\nendobj\n"
    }
    let xref = out.utf8.count
    out += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
    for offset in offsets { out += String(repeating: "0", count: 10 - String(offset).count) + "\(offset) 00000 n \n" }
    out += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
    return Data(out.utf8)
}

@Suite("Reading documents to extract from")
struct DocumentReaderTests {
    @Test("bad files are refused with their reason, before anything is read into the register")
    func refusals() async throws {
        #expect(await refusal(try file("leeg.txt", Data())) == "extract.error.empty")
        #expect(await refusal(try file("binair.txt", Data([0x00, 0x01, 0x02, 0xFF, 0x00, 0x10] + Array(repeating: 0, count: 100)))) == "extract.error.binary")
        #expect(await refusal(try file("latin1.txt", Data("Vlaanderen en Belgi\u{EB}".data(using: .isoLatin1)!))) == "extract.error.encoding")
        #expect(await refusal(try file("verdrag.odt", Data("tekst".utf8))) == "extract.error.format")
        #expect(await refusal(try file("scan.pdf", pdf(showing: nil))) == "extract.error.scanned")
        #expect(await refusal("/nonexistent/verdrag.txt") == "extract.error.missing")
        // A 50 MB file is refused by its size, without being read.
        let big = try file("groot.txt", Data())
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: big))
        try handle.truncate(atOffset: 50 * 1024 * 1024)
        try handle.close()
        #expect(await refusal(big) == "extract.error.tooLarge")
    }

    @Test("text files are read as they are (UTF-8 without its byte-order mark), so offsets are into the file")
    func plainText() async throws {
        let text = "Ondertekenaars spreken af …\u{00A0}€ 5 miljoen."
        #expect(try await DocumentReader.text(ofFile: try file("a.txt", Data(([0xEF, 0xBB, 0xBF] as [UInt8]) + Array(text.utf8)))) == text)
        #expect(try await DocumentReader.text(ofFile: try file("a.md", Data(text.utf8))) == text)
    }

    @Test("HTML loses its markup, keeps paragraphs and list items, and decodes references")
    func html() async throws {
        let page = "<html><head><title>Verklaring</title><style>p{}</style></head><body><h1>Verklaring</h1><p>Partijen spreken af &amp; zetten&nbsp;in.</p><ul><li>Eerste punt</li><li>Tweede punt</li></ul><script>alert(1)</script></body></html>"
        let text = try await DocumentReader.text(ofFile: try file("v.html", Data(page.utf8)))
        #expect(text.contains("Partijen spreken af & zetten\u{00A0}in."))
        #expect(text.contains("- Eerste punt") && text.contains("- Tweede punt"))
        #expect(!text.contains("alert") && !text.contains("<"))
    }

    @Test("a Word document is read from its XML: paragraphs, list paragraphs and footnotes")
    func docx() async throws {
        let document = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
        <w:p><w:r><w:t>Nederland en Vlaanderen spreken af</w:t></w:r><w:r><w:t xml:space="preserve"> de studie af te ronden.</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p>
        <w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>Eerste dossier;</w:t></w:r></w:p>
        </w:body></w:document>
        """
        let footnotes = """
        <?xml version="1.0" encoding="UTF-8"?>
        <w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
        <w:footnote w:id="0"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
        <w:footnote w:id="1"><w:p><w:r><w:t>Kamerstukken II 2025/26, 29 984, nr. 1265.</w:t></w:r></w:p></w:footnote>
        </w:footnotes>
        """
        let archive = try Archive(accessMode: .create)
        for (path, xml) in [("word/document.xml", document), ("word/footnotes.xml", footnotes)] {
            let data = Data(xml.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        let text = try await DocumentReader.text(ofFile: try file("verklaring.docx", try #require(archive.data)))
        #expect(text == "Nederland en Vlaanderen spreken af de studie af te ronden.[1]\n\n- Eerste dossier;\n\n[1: Kamerstukken II 2025/26, 29 984, nr. 1265.]")
        #expect(await refusal(try file("kapot.docx", Data("geen zip".utf8))) == "extract.error.docx")
    }

    @Test("a Word document whose XML unpacks beyond the limit is refused (a zip bomb)")
    func zipBomb() async throws {
        let archive = try Archive(accessMode: .create)
        let chunk = Data(repeating: 0x20, count: 1024 * 1024)
        let total = DocumentReader.maximumBytes * 4 + 1024 * 1024
        try archive.addEntry(with: "word/document.xml", type: .file, uncompressedSize: Int64(total), compressionMethod: .deflate) { position, size in
            chunk.prefix(size)
        }
        #expect(await refusal(try file("bom.docx", try #require(archive.data))) == "extract.error.tooLarge")
    }

    @Test("control characters are dropped from the text read (they would block saving it later)")
    func controlCharacters() async throws {
        let text = try await DocumentReader.text(ofFile: try file("c.html", Data("<p>Partijen&#1; spreken af&#0;.</p>".utf8)))
        #expect(text == "Partijen spreken af.")
    }

    @Test("a PDF with text is read through pdftotext")
    func pdfText() async throws {
        let text = try await DocumentReader.text(ofFile: try file("brief.pdf", pdf(showing: "Partijen spreken af")))
        #expect(text.contains("Partijen spreken af"))
    }
}
