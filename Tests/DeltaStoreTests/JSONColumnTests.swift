@testable import DeltaStore
import DeltaDomain
import Foundation
import Testing

/// Lists of strings stored as JSON are read without `JSONDecoder` when they are plain
/// (`JSONColumn.plainStrings`); whatever the path, the list is the one `JSONDecoder` reads.
@Suite("JSON columns: the quick reading agrees with JSONDecoder, the quick writing with JSONEncoder")
struct JSONColumnTests {
    static let written: [[String]] = [
        [], [""], ["3rx"], ["3rx", "gen-dossier-1", "x"], ["Grenzüberschreitend", "Liège–Maastricht", "🚆"], ["a,b", "[c]", "d e"],
        ["quote \" inside"], ["back\\slash"], ["line\nbreak"], ["tab\there"], ["slash/ok"],
    ]

    @Test("every list written by the encoder reads back the same, whether quick or not")
    func roundTrip() throws {
        for list in Self.written {
            let text = JSONColumn.encode(list)
            #expect(try JSONColumn.decodeList(String.self, text, column: "c") == list, "\(text)")
            let quick = JSONColumn.plainStrings(text)
            let escapes = list.contains { $0.contains { $0 == "\"" || $0 == "\\" || $0.asciiValue.map { $0 < 0x20 } == true } }
            #expect((quick == nil) == escapes, "\(text): quick only for lists without escapes")
            if let quick { #expect(quick == list) }
        }
    }

    @Test("other texts go to JSONDecoder, which reads them or refuses them as the store's error")
    func others() throws {
        #expect(try JSONColumn.decodeList(String.self, "[ \"a\" , \"b\" ]", column: "c") == ["a", "b"])
        #expect(try JSONColumn.decodeList(String.self, "[\"\\u00e9\"]", column: "c") == ["é"])
        #expect(try JSONColumn.decodeList(String.self, "null", column: "c") == [])
        for other in ["", "[", "]", "[,]", "[\"a\",]", "[\"a\"", "[\"a\" \"b\"]", "[\"a\"b]", "[1]", "{}", "[\"a\u{1}\"]"] {
            #expect(JSONColumn.plainStrings(other) == nil, "\(other)")
            // Whatever JSONDecoder makes of it (it takes a trailing comma), the column gives the same.
            if let decoded = try? JSONDecoder().decode([String].self, from: Data(other.utf8)) {
                #expect(try JSONColumn.decodeList(String.self, other, column: "c") == decoded, "\(other)")
            } else {
                #expect(throws: StoreError.self, "\(other)") { try JSONColumn.decodeList(String.self, other, column: "c") }
            }
        }
    }

    /// What `JSONEncoder` writes for a value, as the store configures it.
    static func encoded(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// Every ASCII character (the escaped ones among them), and characters beyond ASCII.
    static let awkward: [String] = (0..<0x80).map { String(UnicodeScalar(UInt8($0))) }
        + ["é", "Liège–Maastricht", "🚆", "\u{2028}\u{2029}", "e\u{301}", "\u{FEFF}", "a\"b\\c/d\n\t\u{0}\u{1F}\u{7F}"]

    @Test("lists of strings are written byte for byte as JSONEncoder writes them")
    func stringsWritten() throws {
        for list in Self.written + Self.awkward.map({ [$0] }) + [Self.awkward] {
            #expect(JSONColumn.encode(list) == (try Self.encoded(list)), "\(list)")
        }
    }

    @Test("field changes are written byte for byte as JSONEncoder writes them, absent values left out")
    func changesWritten() throws {
        var changes: [FieldChange] = [FieldChange(field: "title", before: nil, after: nil)]
        for text in Self.awkward {
            changes.append(FieldChange(field: "f" + text, before: text, after: nil))
            changes.append(FieldChange(field: "g", before: nil, after: text))
            changes.append(FieldChange(field: text, before: "x" + text, after: text + "y"))
        }
        #expect(JSONColumn.encode([FieldChange]()) == (try Self.encoded([FieldChange]())))
        #expect(JSONColumn.encode(changes) == (try Self.encoded(changes)))
        for change in changes { #expect(JSONColumn.encode([change]) == (try Self.encoded([change])), "\(change)") }
        // And the audit log stores that text (`AuditChange.changesJSON`), which it hashes.
        #expect(AuditChange(kind: "dossier", id: "d", action: "import", changes: changes).changesJSON == (try Self.encoded(changes)))
    }

    @Test("a short text of a repeating kind decoded once is kept and given again; passages and long texts are not kept; a full table keeps no more; bad texts still fail")
    func decodedTexts() throws {
        let text = #"{"earliest":"2031-02-03","latest":"2031-02-03","precision":"day","wording":"3 februari 2031"}"#
        let first = try JSONColumn.decode(FuzzyPeriod.self, text, column: "date_json")
        #expect(first?.earliest == CalendarDate(iso: "2031-02-03"))
        #expect(DecodedTexts.shared.value(FuzzyPeriod.self, for: text) == first)
        #expect(try JSONColumn.decode(FuzzyPeriod.self, text, column: "date_json") == first)
        // Kept per type: the same text is not handed out as another type.
        #expect(DecodedTexts.shared.value(CadenceRule.self, for: text) == nil)

        let long = #"{"earliest":"2031-02-04","latest":"2031-02-04","precision":"day","wording":""# + String(repeating: "x", count: 200) + #""}"#
        #expect(try JSONColumn.decode(FuzzyPeriod.self, long, column: "date_json")?.wording.count == 200)
        #expect(DecodedTexts.shared.value(FuzzyPeriod.self, for: long) == nil)

        let small = DecodedTexts(capacity: 2)
        for (index, word) in ["a", "b", "c"].enumerated() { small.keep(index, for: word) }
        #expect(small.value(Int.self, for: "a") == 0 && small.value(Int.self, for: "b") == 1)
        #expect(small.value(Int.self, for: "c") == nil)

        // Passages differ for every record: they are not kept.
        let passage = #"{"anchor":"p1","documentID":"verklaring-2031","length":4,"quote":"Wij ","start":0}"#
        #expect(try JSONColumn.decode(PassageReference.self, passage, column: "source_json")?.documentID == "verklaring-2031")
        #expect(DecodedTexts.shared.value(PassageReference.self, for: passage) == nil)

        // A text that fails is not kept: it fails again, and nothing is kept for it.
        #expect(throws: StoreError.self) { try JSONColumn.decode(FuzzyPeriod.self, #"{"earliest":1}"#, column: "date_json") }
        #expect(throws: StoreError.self) { try JSONColumn.decode(FuzzyPeriod.self, #"{"earliest":1}"#, column: "date_json") }
        #expect(DecodedTexts.shared.value(FuzzyPeriod.self, for: #"{"earliest":1}"#) == nil)
    }
}
