import DeltaDomain
import DeltaTestSupport
import Foundation

/// A date from an ISO literal; the literals in the tests are all valid.
func day(_ iso: String) -> CalendarDate {
    guard let date = CalendarDate(iso: iso) else { preconditionFailure("bad test date \(iso)") }
    return date
}

/// A period from `earliest` to `latest` with a wording, for milestones and meetings.
func period(_ earliest: String, _ latest: String, _ wording: String = "test") -> FuzzyPeriod {
    FuzzyPeriod(wording: wording, earliest: day(earliest), latest: day(latest), precision: .month)
}

/// The seed texts as the repository ships them (`data/demo/texts`, byte-identical copies of the
/// seeds), so the tests need nothing outside the clone.
enum Seeds {
    static var packageRoot: URL { TestPaths.packageRoot }

    static var directory: URL {
        packageRoot.appendingPathComponent("data/demo/texts")
    }

    /// The text of the seed whose file name starts with `prefix` ("000").
    static func text(_ prefix: String) throws -> String {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        guard let name = names.sorted().first(where: { $0.hasPrefix(prefix + "-") && $0.hasSuffix(".txt") }) else {
            throw SeedError.missing(prefix, directory.path)
        }
        return try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
    }

    enum SeedError: Error { case missing(String, String) }
}
