/// JSON text written byte for byte as `JSONEncoder` writes it with `.sortedKeys` and
/// `.withoutEscapingSlashes`: no whitespace, strings escaped only where JSON requires it
/// (`"`, `\` and the control characters below U+0020; `\b`, `\f`, `\n`, `\r` and `\t` in their
/// short forms, the others as `\u00xx` in lower case).
///
/// Why: stored JSON is hashed into the audit chain, so a faster writer must give the same bytes
/// (`JSONColumnTests` compares it with the encoder, for every character that is escaped).
struct JSONText {
    private var bytes: [UInt8] = []

    /// The text written so far.
    var written: String { String(decoding: bytes, as: UTF8.self) }

    /// Opens an array (`[`) or an object (`{`), after a comma when it follows a value.
    mutating func open(_ bracket: Unicode.Scalar) {
        separate()
        bytes.append(UInt8(ascii: bracket))
    }

    /// Closes an array (`]`) or an object (`}`).
    mutating func close(_ bracket: Unicode.Scalar) { bytes.append(UInt8(ascii: bracket)) }

    /// A string value, after a comma when it follows a value.
    mutating func value(_ string: String) {
        separate()
        literal(string)
    }

    /// An object's member whose value is a string; the caller gives the keys in sorted order.
    mutating func member(_ key: String, _ string: String) {
        separate()
        literal(key)
        bytes.append(UInt8(ascii: ":"))
        literal(string)
    }

    /// A comma, unless the text is empty or an array or object has just been opened.
    private mutating func separate() {
        guard let last = bytes.last, last != UInt8(ascii: "["), last != UInt8(ascii: "{") else { return }
        bytes.append(UInt8(ascii: ","))
    }

    private static let hex = Array("0123456789abcdef".utf8)

    /// A string literal.
    private mutating func literal(_ string: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes += [UInt8(ascii: "\\"), byte]
            case 0x08: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "b")]
            case 0x0C: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "f")]
            case 0x0A: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0x0D: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case 0x09: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case ..<0x20:
                bytes += [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), Self.hex[Int(byte >> 4)], Self.hex[Int(byte & 0xF)]]
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
