import DeltaDomain
import Foundation
import SQLKit

/// One field's value before and after a change; nil where the field was absent.
public struct FieldChange: Sendable, Hashable, Codable {
    public var field: String
    public var before: String?
    public var after: String?

    public init(field: String, before: String?, after: String?) {
        self.field = field; self.before = before; self.after = after
    }

    /// The fields that differ between two records, by name. Values are the records' own JSON
    /// encodings (strings as they are), so every record kind is compared the same way.
    public static func between<T: Encodable>(_ old: T?, _ new: T?) -> [FieldChange] {
        let before = fields(of: old), after = fields(of: new)
        return Set(before.keys).union(after.keys).sorted().compactMap { key in
            before[key] == after[key] ? nil : FieldChange(field: key, before: before[key], after: after[key])
        }
    }

    /// A record's fields by name: strings as they are, other values as their JSON text, absent
    /// and null fields left out.
    ///
    /// Why a scanner and not `JSONSerialization`: every imported record passes through here, and
    /// turning the encoding into Foundation objects and back cost more than the encoding itself.
    /// The encoder's output already has sorted keys at every depth, so a value's JSON is the text
    /// between its delimiters (`FieldChangeTests` compares with the old reading).
    package static func fields<T: Encodable>(of value: T?) -> [String: String] {
        guard let value else { return [:] }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return [:] }
        return data.withUnsafeBytes { bytes in
            var scanner = TopLevelJSON(bytes: bytes.bindMemory(to: UInt8.self))
            return scanner.fields() ?? [:]
        }
    }
}

/// Reads the members of one JSON object as written by `JSONEncoder` (valid JSON, no whitespace).
private struct TopLevelJSON {
    let bytes: UnsafeBufferPointer<UInt8>
    var at = 0

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// The members, or nil when the text is not one object.
    mutating func fields() -> [String: String]? {
        guard take(UInt8(ascii: "{")) else { return nil }
        var result: [String: String] = [:]
        if take(UInt8(ascii: "}")) { return result }
        while true {
            guard let key = string(), take(UInt8(ascii: ":")), at < bytes.count else { return nil }
            switch bytes[at] {
            case UInt8(ascii: "\""):
                guard let text = string() else { return nil }
                result[key] = text
            case UInt8(ascii: "n"):
                at += 4
            default:
                let start = at
                guard skipValue() else { return nil }
                result[key] = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<at]), as: UTF8.self)
            }
            if take(UInt8(ascii: ",")) { continue }
            return take(UInt8(ascii: "}")) ? result : nil
        }
    }

    private mutating func take(_ byte: UInt8) -> Bool {
        guard at < bytes.count, bytes[at] == byte else { return false }
        at += 1
        return true
    }

    /// A string literal, unescaped.
    private mutating func string() -> String? {
        guard take(UInt8(ascii: "\"")) else { return nil }
        var text: [UInt8] = []
        while at < bytes.count {
            let byte = bytes[at]
            at += 1
            switch byte {
            case UInt8(ascii: "\""):
                return String(decoding: text, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard at < bytes.count else { return nil }
                let escaped = bytes[at]
                at += 1
                switch escaped {
                case UInt8(ascii: "b"): text.append(0x08)
                case UInt8(ascii: "f"): text.append(0x0C)
                case UInt8(ascii: "n"): text.append(0x0A)
                case UInt8(ascii: "r"): text.append(0x0D)
                case UInt8(ascii: "t"): text.append(0x09)
                case UInt8(ascii: "u"):
                    guard var scalar = hex4() else { return nil }
                    if (0xD800..<0xDC00).contains(scalar) {
                        guard take(UInt8(ascii: "\\")), take(UInt8(ascii: "u")), let low = hex4(), (0xDC00..<0xE000).contains(low) else { return nil }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let unicode = Unicode.Scalar(scalar) else { return nil }
                    text.append(contentsOf: Array(String(Character(unicode)).utf8))
                default: text.append(escaped)
                }
            default:
                text.append(byte)
            }
        }
        return nil
    }

    private mutating func hex4() -> UInt32? {
        guard at + 4 <= bytes.count else { return nil }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[at]
            at += 1
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    /// Moves past one value that is not a string: an array, an object, a number or a literal.
    private mutating func skipValue() -> Bool {
        var depth = 0
        while at < bytes.count {
            switch bytes[at] {
            case UInt8(ascii: "\""):
                guard string() != nil else { return false }
                continue
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                if depth == 0 { return true }
                depth -= 1
            case UInt8(ascii: ","):
                if depth == 0 { return true }
            default:
                break
            }
            at += 1
        }
        return depth == 0
    }
}
