import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
internal import ZIPFoundation

/// The text of a Word document (`.docx`): the paragraphs of `word/document.xml`, list
/// paragraphs with a bullet, tabs and breaks kept, and the footnotes after the body as
/// "[n: text]" (as Word's own plain-text export writes them).
enum WordText {
    static func text(of data: Data, fileName: String) throws -> String {
        let archive: Archive
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw DocumentReadError("extract.error.docx", ["file": fileName])
        }
        func xml(_ path: String) throws -> Data? {
            guard let entry = archive[path] else { return nil }
            // A zip bomb is refused: the document part is bounded like the file itself.
            guard entry.uncompressedSize <= UInt64(DocumentReader.maximumBytes * 4) else {
                throw DocumentReadError("extract.error.tooLarge", ["file": fileName, "limit": String(DocumentReader.maximumBytes / 1024 / 1024)])
            }
            // The declared size can lie (a zip bomb): count what really comes out and stop at the limit.
            let limit = DocumentReader.maximumBytes * 4
            var out = Data()
            do {
                _ = try archive.extract(entry, skipCRC32: false) { chunk in
                    guard out.count + chunk.count <= limit else { throw DocumentReadError("extract.error.tooLarge", ["file": fileName, "limit": String(DocumentReader.maximumBytes / 1024 / 1024)]) }
                    out.append(chunk)
                }
            } catch let error as DocumentReadError {
                throw error
            } catch {
                throw DocumentReadError("extract.error.docx", ["file": fileName])
            }
            return out
        }
        guard let document = try xml("word/document.xml") else { throw DocumentReadError("extract.error.docx", ["file": fileName]) }
        var text = try paragraphs(document, fileName: fileName).joined(separator: "\n\n")
        if let footnotes = try xml("word/footnotes.xml") {
            let notes = try WordParagraphs.footnotes(footnotes, fileName: fileName)
            if !notes.isEmpty { text += "\n\n" + notes.map { "[\($0.id): \($0.text)]" }.joined(separator: "\n\n") }
        }
        return text
    }

    static func paragraphs(_ data: Data, fileName: String) throws -> [String] {
        let collector = WordParagraphs()
        let parser = XMLParser(data: data)
        parser.delegate = collector
        guard parser.parse() else { throw DocumentReadError("extract.error.docx", ["file": fileName]) }
        return collector.paragraphs
    }
}

/// Collects paragraphs (and footnotes) from WordprocessingML while an `XMLParser` reads it.
final class WordParagraphs: NSObject, XMLParserDelegate {
    var paragraphs: [String] = []
    var notes: [(id: String, text: String)] = []
    private var current = ""
    private var inText = false
    private var isList = false
    private var footnoteID: String?
    private var footnoteText = ""

    static func footnotes(_ data: Data, fileName: String) throws -> [(id: String, text: String)] {
        let collector = WordParagraphs()
        let parser = XMLParser(data: data)
        parser.delegate = collector
        guard parser.parse() else { throw DocumentReadError("extract.error.docx", ["file": fileName]) }
        // Word's separator notes have negative or zero ids.
        return collector.notes.filter { (Int($0.id) ?? 0) > 0 && !$0.text.isEmpty }
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
        switch name {
        case "w:t": inText = true
        case "w:tab": current += "\t"
        case "w:br", "w:cr": current += "\n"
        case "w:numPr": isList = true
        case "w:footnoteReference": if let id = attributes["w:id"] { current += "[\(id)]" }
        case "w:footnote": footnoteID = attributes["w:id"]; footnoteText = ""
        case "w:p": current = ""; isList = false
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "w:t": inText = false
        case "w:p":
            let paragraph = (isList ? "- " : "") + current
            if footnoteID != nil {
                footnoteText += (footnoteText.isEmpty ? "" : " ") + current.trimmingCharacters(in: .whitespaces)
            } else if !current.trimmingCharacters(in: .whitespaces).isEmpty {
                paragraphs.append(paragraph)
            }
        case "w:footnote":
            if let id = footnoteID { notes.append((id, footnoteText)) }
            footnoteID = nil
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { current += string }
    }
}
