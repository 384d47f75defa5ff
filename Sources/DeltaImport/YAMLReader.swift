import DeltaDomain
import Yams

/// Where a value came from: file and line.
struct SourceLocation: Sendable {
    let file: String
    let line: Int?

    func error(_ message: String) -> ImportError { ImportError(file: file, line: line, message: message) }
}

/// Reads one YAML mapping with exact error places, and notices unknown keys (usually typos).
struct YAMLMapping {
    let node: Node
    let file: String
    /// How the record is named in messages, e.g. `dossier "3rx"`.
    var context: String
    private let pairs: [(key: String, keyNode: Node, value: Node)]

    init(_ node: Node, file: String, context: String) throws {
        self.node = node
        self.file = file
        self.context = context
        guard let mapping = node.mapping else {
            throw ImportError(file: file, line: node.line, message: "\(context): expected a mapping of keys to values")
        }
        var pairs: [(String, Node, Node)] = []
        for (key, value) in mapping {
            guard let name = key.string else {
                throw ImportError(file: file, line: key.line, message: "\(context): keys must be words")
            }
            pairs.append((name, key, value))
        }
        self.pairs = pairs
    }

    var location: SourceLocation { SourceLocation(file: file, line: node.line) }

    /// Where a key is written (its own line, even when its value is empty or nested below it).
    func location(of key: String) -> SourceLocation {
        SourceLocation(file: file, line: pairs.first(where: { $0.key == key })?.keyNode.line ?? node.line)
    }

    func error(_ message: String, at key: String? = nil) -> ImportError {
        let line = key.map { location(of: $0).line } ?? node.line
        return ImportError(file: file, line: line, message: "\(context): \(message)")
    }

    subscript(key: String) -> Node? {
        guard let value = pairs.first(where: { $0.key == key })?.value else { return nil }
        if case .scalar(let scalar) = value, scalar.style == .plain, ["", "~", "null", "Null", "NULL"].contains(scalar.string) { return nil }
        return value
    }

    /// Fails on any key not in `allowed`.
    func rejectUnknownKeys(_ allowed: Set<String>) throws {
        for (key, _, _) in pairs where !allowed.contains(key) {
            throw error("unknown key “\(key)” (allowed: \(allowed.sorted().joined(separator: ", ")))", at: key)
        }
    }

    func string(_ key: String) throws -> String {
        guard let value = try optionalString(key) else { throw error("“\(key)” is required") }
        return value
    }

    func optionalString(_ key: String) throws -> String? {
        guard let value = self[key] else { return nil }
        guard case .scalar(let scalar) = value else { throw error("“\(key)” must be text", at: key) }
        let text = scalar.string.trimmedForData
        return text.isEmpty ? nil : text
    }

    func int(_ key: String) throws -> Int? {
        guard let text = try optionalString(key) else { return nil }
        guard let value = Int(text) else { throw error("“\(key)” must be a whole number, not “\(text)”", at: key) }
        return value
    }

    func bool(_ key: String) throws -> Bool? {
        guard let text = try optionalString(key) else { return nil }
        switch text.lowercased() {
        case "true", "yes", "ja": return true
        case "false", "no", "nee": return false
        default: throw error("“\(key)” must be true or false", at: key)
        }
    }

    func id(_ key: String = "id") throws -> String {
        let value = try string(key)
        guard value.isStableID else {
            throw error("“\(value)” is not a valid id (lower-case letters, digits and “-”)", at: key)
        }
        return value
    }

    func optionalID(_ key: String) throws -> String? {
        guard try optionalString(key) != nil else { return nil }
        return try id(key)
    }

    func stringList(_ key: String) throws -> [String] {
        guard let value = self[key] else { return [] }
        if case .scalar = value { return [try string(key)] }
        guard let sequence = value.sequence else { throw error("“\(key)” must be a list", at: key) }
        return try sequence.map { item in
            guard case .scalar(let scalar) = item else {
                throw ImportError(file: file, line: item.line, message: "\(context): “\(key)” items must be text")
            }
            return scalar.string.trimmedForData
        }
    }

    func idList(_ key: String) throws -> [String] {
        let values = try stringList(key)
        for value in values where !value.isStableID {
            throw error("“\(value)” in “\(key)” is not a valid id", at: key)
        }
        return values
    }

    func enumValue<E: RawRepresentable & CaseIterable>(_ key: String, _ type: E.Type) throws -> E? where E.RawValue == String {
        guard let text = try optionalString(key) else { return nil }
        guard let value = E(rawValue: text) else {
            throw error("“\(text)” is not a valid \(key) (one of: \(E.allCases.map(\.rawValue).joined(separator: ", ")))", at: key)
        }
        return value
    }

    func date(_ key: String) throws -> CalendarDate? {
        guard let text = try optionalString(key) else { return nil }
        guard let date = CalendarDate(iso: text) else { throw error("“\(text)” is not a date of the form YYYY-MM-DD", at: key) }
        return date
    }

    func mapping(_ key: String) throws -> YAMLMapping? {
        guard let value = self[key] else { return nil }
        return try YAMLMapping(value, file: file, context: "\(context), \(key)")
    }

    func list(_ key: String) throws -> [Node] {
        guard let value = self[key] else { return [] }
        guard let sequence = value.sequence else { throw error("“\(key)” must be a list", at: key) }
        return Array(sequence)
    }
}

extension Node {
    /// 1-based line of the node in its file.
    var line: Int? { mark.map { $0.line } }
}

extension String {
    /// Whether the text is a stable record id: lower-case letters, digits and single dashes.
    var isStableID: Bool {
        guard let first = unicodeScalars.first, let last = unicodeScalars.last, first != "-", last != "-", count <= 100 else { return false }
        return unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    /// The text without surrounding whitespace.
    var trimmedForData: String {
        var scalars = Substring(self).unicodeScalars
        while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
