import DeltaTestSupport
import Foundation
import Testing

/// `deltaberaad extract` and `eval-extract`, run as a user runs them.
@Suite("extract and eval-extract")
struct ExtractCommandTests {
    @Test("extract --json prints the documented shape; every span is the text it names")
    func json() async throws {
        let path = "data/demo/texts/000-verklaring-2026.txt"
        let result = try await CLI.run(["extract", path, "--json", "--date", "2026-02-18"])
        #expect(result.status == 0, "\(result.errors)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["document", "document_date", "dates", "amounts", "cadences", "agreements"])
        #expect(object["document"] as? String == "000-verklaring-2026")
        #expect(object["document_date"] as? String == "2026-02-18")
        let scalars = Array(try String(contentsOf: CLI.packageRoot.appendingPathComponent(path), encoding: .utf8).unicodeScalars)
        for list in ["dates", "amounts", "cadences", "agreements"] {
            let items = try #require(object[list] as? [[String: Any]])
            let starts = items.compactMap { $0["start"] as? Int }
            #expect(starts == starts.sorted(), "\(list) sorted by start")
            for item in items {
                let start = try #require(item["start"] as? Int), end = try #require(item["end"] as? Int)
                #expect(String(String.UnicodeScalarView(scalars[start..<end])) == item["text"] as? String)
            }
        }
        let dates = try #require(object["dates"] as? [[String: Any]])
        #expect(dates.contains { $0["text"] as? String == "rond de zomer van 2026" && $0["earliest"] as? String == "2026-06-01" })
    }

    @Test("extract refuses an empty file with its reason and a failing exit status")
    func refusal() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("deltaberaad-extract-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let empty = folder.appendingPathComponent("leeg.txt")
        try Data().write(to: empty)
        let result = try await CLI.run(["extract", empty.path])
        #expect(result.status != 0)
        #expect(result.errors.contains("is empty"), "\(result.errors)")
    }

    @Test("eval-extract prints precision and recall per type over the seeds' gold files")
    func evaluation() async throws {
        let result = try await CLI.run(["eval-extract", "Tests/ExtractionGold", "data/demo/texts"])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("Extraction over 5 documents:"))
        for type in ["dates", "amounts", "cadences", "agreements"] {
            #expect(result.output.contains("  \(type)"), "\(type) in \(result.output)")
        }
    }
}
