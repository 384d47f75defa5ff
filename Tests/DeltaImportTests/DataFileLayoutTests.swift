@testable import DeltaImport
import DeltaDomain
import DeltaTestSupport
import Foundation
import Testing

/// A large section is composed a part at a time (`DataFileLayout`). What is read, and every
/// message, must be what composing the whole file gives: the parts only change when nodes exist.
@Suite("Import: large sections composed a part at a time")
struct DataFileLayoutTests {
    /// A read's result: the register, or its errors as `file:line key`.
    enum Outcome: Equatable {
        case read(RegisterSnapshot)
        case failed([String])
    }

    private func outcome(_ paths: [String], partBytes: Int?) async throws -> Outcome {
        do {
            if let partBytes { return .read(try await Importer.read(files: paths, known: KnownRecords(), partBytes: partBytes)) }
            return .read(try await Importer.read(files: paths, known: KnownRecords(), lazily: false))
        } catch let errors as ImportErrors {
            return .failed(errors.errors.map { "\(URL(fileURLWithPath: $0.file).lastPathComponent):\($0.line ?? 0) \($0.key)" })
        }
    }

    /// Two records of the smallest section, in block style.
    static let twoOrganisations = "  - id: org-a\n    name: A\n    country: NL\n    level: national\n  - id: org-b\n    name: B\n    country: BE\n    level: federal\n"

    private func files(_ texts: [String]) throws -> [String] { try TestFiles.yaml(texts) }

    @Test("the demo and a generated register read in parts of every size equal them read whole", arguments: [1, 200, 5_000])
    func sameRegister(partBytes: Int) async throws {
        let demo = try await outcome(TestPaths.demoFiles, partBytes: partBytes)
        #expect(demo == (try await outcome(TestPaths.demoFiles, partBytes: nil)))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("deltaberaad-layout-gen-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let generated = try RegisterGenerator(scale: 2).write(to: folder).files
        // Read in parts indeed, not by falling back to whole files.
        await #expect(throws: Never.self) { _ = try await Importer.read(files: generated, known: KnownRecords(), lazily: true, partBytes: partBytes) }
        await #expect(throws: Never.self) { _ = try await Importer.read(files: TestPaths.demoFiles, known: KnownRecords(), lazily: true, partBytes: partBytes) }
        let parts = try await outcome(generated, partBytes: partBytes)
        #expect(parts == (try await outcome(generated, partBytes: nil)))
        guard case .read(let snapshot) = parts else {
            Issue.record("the generated register was not read: \(parts)")
            return
        }
        #expect(snapshot.agreements.count > 50 && snapshot.dossiers.count > 10)
    }

    @Test("the demo's agreements are split: the skeleton keeps every line, the parts hold every record")
    func layoutOfTheDemo() async throws {
        let path = try #require(TestPaths.demoFiles.first { $0.hasSuffix("agreements.yaml") } ?? TestPaths.demoFiles.last)
        let text = try Array(String(contentsOfFile: path, encoding: .utf8).utf8)
        let layout = try #require(DataFileLayout(text: text, sectionNames: Set(DataFormat.sections), partBytes: 1))
        let lines = text.count { $0 == UInt8(ascii: "\n") }
        #expect(layout.skeleton.count { $0 == UInt8(ascii: "\n") } == lines, "every line keeps its number")
        #expect(!layout.sections.isEmpty)
        for (_, section) in layout.sections {
            #expect(section.parts.count == section.firstLines.count)
            for (range, line) in zip(section.parts, section.firstLines) {
                #expect(text[..<range.lowerBound].count { $0 == UInt8(ascii: "\n") } + 1 == line)
                let part = DataFileLayout.partText(text, section: section, part: section.parts.firstIndex(of: range)!)
                #expect(part.utf8.count == line - 1 + range.count)
            }
        }
    }

    @Test("files lines cannot follow are composed whole: directives, several documents, tabs, a key with a comment, flow lists")
    func notSplit() async throws {
        let records = Self.twoOrganisations
        let names = Set(DataFormat.sections)
        func layout(_ text: String) -> DataFileLayout? { DataFileLayout(text: Array(text.utf8), sectionNames: names, partBytes: 1) }
        #expect(layout("format: deltaberaad/1\norganisations:\n" + records) != nil, "the plain case is split")
        #expect(layout("%YAML 1.1\n---\nformat: deltaberaad/1\norganisations:\n" + records) == nil)
        #expect(layout("format: deltaberaad/1\norganisations:\n" + records + "---\nformat: deltaberaad/1\n") == nil)
        #expect(layout("format: deltaberaad/1\norganisations:\n\t- id: org-a\n") == nil)
        #expect(layout("format: deltaberaad/1\norganisations: # the ministries\n" + records) == nil)
        #expect(layout("format: deltaberaad/1\norganisations: [{id: org-a, name: A, country: NL, level: national}]\n") == nil)
        #expect(layout("format: deltaberaad/1\norganisations:\n  note: not a list\n") == nil)
        #expect(layout("format: deltaberaad/1\norganisations:\n" + records + "organisations:\n" + records) == nil, "a section written twice")
    }

    @Test("what parts cannot hold (an alias to an earlier record, a quoted text over a record's line, errors) reads as the whole file")
    func fallBackToWhole() async throws {
        let head = "format: deltaberaad/1\norganisations:\n"
        let texts = [
            // An anchor in one record, its alias in the next: parts of one record fail, the whole reads.
            head + "  - id: org-a\n    name: &name Ministerie\n    country: NL\n    level: national\n  - id: org-b\n    name: *name\n    country: BE\n    level: federal\n",
            // A quoted text whose second line looks like a record.
            head + "  - id: org-a\n    name: \"Ministerie\n  - van Verkeer\"\n    country: NL\n    level: national\n",
            // A record with an unknown key, and a YAML error further on: the same lines either way.
            head + "  - id: org-a\n    name: A\n    contry: NL\n    level: national\n  - id: org-b\n    name: B\n    country: BE\n    level: federal\n",
            head + "  - id: org-a\n    name: A\n    country: NL\n    level: national\n  - id: [org-b\n    name: B\n",
            // Comments and blank lines between records, records not indented, Windows line ends.
            head + "# the first\n\n  - id: org-a\n    name: A\n\n    # inside\n    country: NL\n    level: national\n# between\n  - id: org-b\n    name: B\n    country: BE\n    level: federal\nbodies: []\n",
            head + "- id: org-a\n  name: A\n  country: NL\n  level: national\n- id: org-b\n  name: B\n  country: BE\n  level: federal\n",
            (head + Self.twoOrganisations).replacingOccurrences(of: "\n", with: "\r\n"),
            // A section written twice.
            head + Self.twoOrganisations + head.replacingOccurrences(of: "format: deltaberaad/1\n", with: "") + Self.twoOrganisations,
            // A text over the limit in the second record.
            head + "  - id: org-a\n    name: A\n    country: NL\n    level: national\n  - id: org-b\n    name: \(String(repeating: "x", count: 2_001))\n    country: BE\n    level: federal\n",
        ]
        for (index, text) in texts.enumerated() {
            let paths = try files([text])
            let whole = try await outcome(paths, partBytes: nil)
            for partBytes in [1, 40] {
                let parts = try await outcome(paths, partBytes: partBytes)
                #expect(parts == whole, "text \(index), parts of \(partBytes): \(parts) ≠ \(whole)")
            }
        }
        // The alias is read through the whole file, not lost.
        guard case .read(let aliased) = try await outcome(try files([texts[0]]), partBytes: 1) else {
            Issue.record("the aliased file was not read")
            return
        }
        #expect(aliased.organisations.map(\.name) == ["Ministerie", "Ministerie"])
    }

    @Test("a part that does not compose as the whole file would is a reason to compose the whole file, never a message")
    func partFailed() async throws {
        let text = "format: deltaberaad/1\norganisations:\n  - id: org-a\n    name: &n A\n    country: NL\n    level: national\n  - id: org-b\n    name: *n\n    country: BE\n    level: federal\n"
        let file = try ComposedFile(path: "x.yaml", text: text, partBytes: 1)
        await #expect(throws: ComposedFile.PartFailed.self) { try await file.forEachRecord("organisations") { _ in } }
        let whole = try ComposedFile(path: "x.yaml", text: text)
        var count = 0
        try await whole.forEachRecord("organisations") { _ in count += 1 }
        #expect(count == 2)
    }
}
