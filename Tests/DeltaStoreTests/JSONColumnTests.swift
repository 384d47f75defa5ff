@testable import DeltaStore
import Foundation
import Testing

/// Lists of strings stored as JSON are read without `JSONDecoder` when they are plain
/// (`JSONColumn.plainStrings`); whatever the path, the list is the one `JSONDecoder` reads.
@Suite("JSON lists of strings: the quick reading agrees with JSONDecoder")
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
}
