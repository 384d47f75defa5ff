import DeltaDomain
import Testing

@Suite("Control characters")
struct ControlCharactersTests {
    @Test("the byte rule refuses exactly the scalars the Unicode rule refuses, alone and inside text")
    func everyScalar() {
        var refused = 0
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = "a" + String(Character(scalar)) + "é"
            let expected = ControlCharacters.isRefused(scalar)
            if expected { refused += 1 }
            if ControlCharacters.refused(in: text) != expected { Issue.record("U+\(String(value, radix: 16)) read as \(!expected)") }
        }
        // Cc is 65 scalars; tab, line feed and carriage return are allowed.
        #expect(refused == 62)
        #expect(!ControlCharacters.refused(in: "Spoorlijn\t3RX\r\nAntwerpen–Roermond ‘IJzeren Rijn’ \u{A0}"))
        #expect(ControlCharacters.refused(in: "titel\u{0}"))
        #expect(ControlCharacters.refused(in: "x\u{85}"))
    }
}
