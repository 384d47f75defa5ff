import DeltaReports
import Foundation

/// Where the package's files are, for tests of every module: found from this file, so tests
/// run the same from any working directory.
public enum TestPaths {
    /// The package root (the folder with Package.swift).
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `Resources/`: templates, static files, locales, openapi.yaml.
    public static var resources: URL { packageRoot.appendingPathComponent("Resources") }

    /// `Resources/locales/`.
    public static var locales: URL { resources.appendingPathComponent("locales") }

    /// `data/demo/`.
    public static var demoData: URL { packageRoot.appendingPathComponent("data/demo") }

    /// The demo data files, `data/demo/*.yaml`, sorted by name.
    public static var demoFiles: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: demoData.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted().map { demoData.appendingPathComponent($0).path }
    }

    /// The leak test's register: public records beside internal and delegation-private ones of
    /// every kind, each hidden record marked (see the file's header).
    public static var hiddenRecordsFixture: String { packageRoot.appendingPathComponent("Tests/Fixtures/hidden-records.yaml").path }

    /// The debug build of the command-line tool (`scripts/test` builds it before the tests run).
    public static var executable: URL { packageRoot.appendingPathComponent(".build/debug/deltaberaad") }
}

/// The shipped message catalogues, loaded once.
public enum TestCatalogues {
    /// Every language's catalogue, as the server loads them.
    public static let all: Catalogues = {
        do {
            return try Catalogues.load(directory: TestPaths.locales.path)
        } catch {
            fatalError("the catalogues in Resources/locales do not load: \(error)")
        }
    }()

    /// The labels of one language.
    public static func labels(_ language: Language) -> Labels { Labels(all[language]) }
}
