import DeltaDomain
import DeltaImport
import DeltaStore
import DeltaTestSupport
import Foundation
import Testing

@Suite("Generated registers (issue 14, performance and scale)")
struct RegisterGeneratorTests {
    /// Every file the generator wrote, by path relative to its folder, with its bytes.
    private func contents(of directory: TemporaryDirectory) throws -> [String: Data] {
        let root = directory.url.path
        let paths = try FileManager.default.subpathsOfDirectory(atPath: root).filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".txt") }
        var result: [String: Data] = [:]
        for path in paths { result[path] = FileManager.default.contents(atPath: root + "/" + path) }
        return result
    }

    @Test("the same scale and seed write byte-identical files; another seed writes different ones")
    func deterministic() throws {
        let first = try TemporaryDirectory(), second = try TemporaryDirectory(), other = try TemporaryDirectory()
        try RegisterGenerator(scale: 2, seed: 7).write(to: first.url.path)
        try RegisterGenerator(scale: 2, seed: 7).write(to: second.url.path)
        try RegisterGenerator(scale: 2, seed: 8).write(to: other.url.path)
        let a = try contents(of: first), b = try contents(of: second), c = try contents(of: other)
        #expect(a.count == 13 + 2 * RegisterGenerator.PerUnit.documents)
        #expect(a == b)
        #expect(a != c)
        #expect(Set(a.keys) == Set(c.keys))
    }

    @Test("records per unit follow the demo, and every text says it is generated")
    func countsAndWording() {
        let snapshot = RegisterGenerator(scale: 3, seed: 1).snapshot()
        #expect(snapshot.dossiers.count == 3 * 18)
        #expect(snapshot.agreements.count == 3 * 70)
        #expect(snapshot.milestones.count == 3 * 40)
        #expect(snapshot.meetings.count == 3 * 8)
        #expect(snapshot.organisations.count == 3 * 21)
        #expect(snapshot.documents.count == 3 * 17)
        #expect(snapshot.bodies.count == 3 * 14)
        #expect(snapshot.railLinks.count == 3 * 14)
        #expect(snapshot.investments.count == 3 * 5)
        let titles = snapshot.dossiers.map(\.title) + snapshot.agreements.map(\.title) + snapshot.documents.map(\.title)
            + snapshot.organisations.map(\.name) + snapshot.bodies.map(\.name) + snapshot.milestones.map(\.title)
            + snapshot.meetings.map(\.title) + snapshot.investments.map(\.title) + snapshot.railLinks.map(\.name)
        let unmarked = titles.filter { !$0.hasPrefix("Gegenereerd") }
        #expect(unmarked.isEmpty, "\(unmarked.prefix(5))")
    }

    @Test("scale 2 imports cleanly into an empty register with the expected counts, and importing it again changes nothing",
          arguments: allEngines)
    func importsAndReimports(kind: EngineKind) async throws {
        let directory = try TemporaryDirectory()
        let (generated, _) = try RegisterGenerator(scale: 2, seed: 3).write(to: directory.url.path)
        let files = try directory.yamlFiles()
        try await withDatabase(kind) { database in
            let first = try await Importer.run(files: files, engine: database.engine)
            #expect(first.inserted == generated.recordCount && first.updated == 0 && first.unchanged == 0, "\(first)")
            let stored = try await snapshot(database.engine)
            #expect(stored.dossiers.count == 36 && stored.agreements.count == 140 && stored.milestones.count == 80)
            #expect(stored.meetings.count == 16 && stored.documents.count == 34 && stored.memberships.count == generated.memberships.count)
            // The quotes were placed where the generator said (anchor and span), so passages resolve.
            let quoted = stored.agreements.first { $0.id == "gen-agreement-1" }?.source
            let expected = generated.agreements.first { $0.id == "gen-agreement-1" }?.source
            #expect(quoted == expected)
            let again = try await Importer.run(files: files, engine: database.engine)
            #expect(again.inserted == 0 && again.updated == 0 && again.unchanged == generated.recordCount, "\(again)")
            #expect(try await snapshot(database.engine) == stored)
        }
    }
}
