import DeltaDomain
import DeltaImport
import DeltaStore
import DeltaTestSupport
import Foundation
import Testing

@Suite("Field changes")
struct FieldChangeTests {
    /// The reading the scanner replaced: through Foundation objects and back.
    static func throughFoundation<T: Encodable>(_ value: T) -> [String: String] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return [:] }
        var result: [String: String] = [:]
        for (key, field) in object {
            if let text = field as? String { result[key] = text; continue }
            if field is NSNull { continue }
            if let encoded = try? JSONSerialization.data(withJSONObject: field, options: [.sortedKeys, .withoutEscapingSlashes, .fragmentsAllowed]) {
                result[key] = String(decoding: encoded, as: UTF8.self)
            }
        }
        return result
    }

    /// How many records were compared, so that the test cannot pass on an empty register.
    static func compare<T: Encodable>(_ records: [T]) -> Int {
        for record in records {
            let scanned = FieldChange.fields(of: record), expected = throughFoundation(record)
            #expect(scanned == expected, "\(record)")
        }
        return records.count
    }

    @Test("every demo record's fields read the same as through JSONSerialization")
    func demoRecords() async throws {
        let snapshot = try await Importer.read(files: TestPaths.demoFiles)
        let compared = [
            Self.compare(snapshot.organisations), Self.compare(snapshot.documents), Self.compare(snapshot.bodies), Self.compare(snapshot.dossiers),
            Self.compare(snapshot.agreements), Self.compare(snapshot.goals), Self.compare(snapshot.indicators), Self.compare(snapshot.milestones),
            Self.compare(snapshot.meetings), Self.compare(snapshot.investments), Self.compare(snapshot.railLinks), Self.compare(snapshot.obstacles),
        ].reduce(0, +)
        #expect(compared > 100)
    }

    /// Text that needs escapes in JSON, in strings at the top and deeper down.
    struct Awkward: Encodable {
        var title: String
        var parts: [String]
        var nested: [String: [String]]
        var count: Int
        var share: Double
        var flag: Bool
        var absent: String?
    }

    @Test("escapes, control characters, astral characters, numbers and booleans read the same")
    func awkwardText() {
        let hard = "quote \" backslash \\ slash / tab \t nl \n cr \r nul \u{0} bell \u{7} é 🚆 \u{2028} }]{[,:"
        let values = [
            Awkward(title: hard, parts: [hard, ""], nested: ["b": [hard], "a": []], count: -3, share: 0.25, flag: true, absent: nil),
            Awkward(title: "", parts: [], nested: [:], count: 0, share: 1, flag: false, absent: hard),
        ]
        #expect(Self.compare(values) == 2)
        let changes = FieldChange.between(values[0], values[1])
        #expect(changes.map(\.field) == ["absent", "count", "flag", "nested", "parts", "share", "title"])
        #expect(changes.first { $0.field == "title" }?.before == hard)
    }
}
