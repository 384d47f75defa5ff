@testable import DeltaImport
import DeltaDomain
import DeltaTestSupport
import Foundation
import Testing

/// An import composes each file just before its first section is read, so that only the files
/// being read hold their YAML nodes. When a file is composed must never change what is read.
@Suite("Import: files composed when needed")
struct CompositionOrderTests {
    private static let sections = ["organisations", "documents", "bodies", "rail_links", "dossiers", "agreements", "goals",
                                   "indicators", "milestones", "meetings", "investments", "allocation_regimes", "obstacles"]

    private func files(_ texts: [String]) throws -> [String] { try TestFiles.yaml(texts) }

    @Test("the demo read file by file equals the demo read with every file composed first")
    func demo() async throws {
        let lazily = try await Importer.read(files: TestPaths.demoFiles, known: KnownRecords(), lazily: true)
        let eagerly = try await Importer.read(files: TestPaths.demoFiles, known: KnownRecords(), lazily: false)
        #expect(lazily == eagerly)
        #expect(lazily.dossiers.count > 10 && lazily.agreements.count > 10, "the demo was read")
    }

    @Test("files are handed out in their first section's order, one more when one would leave a core idle")
    func order() async throws {
        let paths = try files(["format: deltaberaad/1\nmeetings: []\n", "format: deltaberaad/1\norganisations: []\n",
                               "format: deltaberaad/1\nagreements: []\n", "format: deltaberaad/1\n\"meetings\": []\n"])
        #expect(CompositionOrder.topLevelKeys(of: paths[0]) == ["format", "meetings"])
        #expect(CompositionOrder.topLevelKeys(of: paths[3]) == ["format"], "a quoted key is not recognised")
        var order = CompositionOrder(files: paths, sections: Self.sections, lazily: true)
        var handed: [[Int]] = []
        for index in Self.sections.indices { handed.append(order.filesNeeded(before: index)) }
        // The unrecognised file first, with the organisations; the agreements with the meetings.
        #expect(handed == [[3, 1], [], [], [], [], [2, 0], [], [], [], [], [], [], []])
        var eager = CompositionOrder(files: paths, sections: Self.sections, lazily: false)
        #expect(eager.filesNeeded(before: 0) == [0, 1, 2, 3])
        #expect(eager.filesNeeded(before: 1) == [])
    }

    @Test("a section the scan missed starts the read again with every file composed first")
    func missed() async throws {
        let paths = try files([
            "format: deltaberaad/1\norganisations:\n  - id: org-x\n    name: Ministerie\n    country: NL\n    level: national\n",
            "format: deltaberaad/1\nbodies: []\n",
            "format: deltaberaad/1\ndossiers: []\n\"documents\": []\n",
        ])
        await #expect(throws: CompositionOrder.Missed.self) { try await Importer.read(files: paths, known: KnownRecords(), lazily: true) }
        let read = try await Importer.read(files: paths)
        #expect(read == (try await Importer.read(files: paths, known: KnownRecords(), lazily: false)))
        #expect(read.organisations.map(\.id) == ["org-x"])
    }

    @Test("a file that does not compose is reported alone, as when every file was composed first, though it is composed last")
    func composingErrorsAlone() async throws {
        let paths = try files([
            "format: deltaberaad/1\norganisations:\n  - id: org-x\n    name: Ministerie\n    contry: NL\n    level: national\n",
            "format: deltaberaad/1\nbodies: []\n",
            "format: deltaberaad/1\nmeetings:\n  - id: [unclosed\n",
        ])
        for lazily in [true, false] {
            do {
                _ = try await Importer.read(files: paths, known: KnownRecords(), lazily: lazily)
                Issue.record("a file that does not compose was read")
            } catch let errors as ImportErrors {
                #expect(errors.errors.map(\.file) == [paths[2]], "only the composing error (lazily: \(lazily)): \(errors.errors)")
                #expect(errors.errors.first?.key == "import.file.notYAML")
            }
        }
    }
}
