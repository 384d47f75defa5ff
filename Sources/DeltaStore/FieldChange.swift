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

    private static func fields<T: Encodable>(of value: T?) -> [String: String] {
        guard let value else { return [:] }
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
}
