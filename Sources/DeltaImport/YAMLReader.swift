import DeltaDomain
import Yams

/// Where a value came from: file and line.
struct SourceLocation: Sendable {
    let file: String
    let line: Int?

    /// An error at this place: catalogue key `key` with its arguments.
    func error(key: String, _ arguments: [String: ImportArgument] = [:]) -> ImportError {
        ImportError(file: file, line: line, key: key, arguments: arguments)
    }
}

/// Reads one YAML mapping with exact error places, and notices unknown keys (usually typos).
struct YAMLMapping {
    let node: Node
    let file: String
    /// How the record is named in messages (`dossier “3rx”`), the `{record}` of every message.
    var context: ImportArgument
    private let pairs: [(key: String, keyNode: Node, value: Node)]

    init(_ node: Node, file: String, context: ImportArgument) throws {
        self.node = node
        self.file = file
        self.context = context
        guard let mapping = node.mapping else {
            throw ImportError(file: file, line: node.line, key: "import.yaml.notMapping", arguments: ["record": context])
        }
        var pairs: [(String, Node, Node)] = []
        for (key, value) in mapping {
            guard let name = key.string else {
                throw ImportError(file: file, line: key.line, key: "import.yaml.keyNotWord", arguments: ["record": context])
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

    /// An error in this record, at the line of `field` when given: catalogue key `key`, whose
    /// `{record}` is this record's context.
    func error(key: String, _ arguments: [String: ImportArgument] = [:], at field: String? = nil) -> ImportError {
        let line = field.map { location(of: $0).line } ?? node.line
        return ImportError(file: file, line: line, key: key, arguments: arguments.merging(["record": context]) { given, _ in given })
    }

    subscript(key: String) -> Node? {
        guard let value = pairs.first(where: { $0.key == key })?.value else { return nil }
        if case .scalar(let scalar) = value, scalar.style == .plain, ["", "~", "null", "Null", "NULL"].contains(scalar.string) { return nil }
        return value
    }

    /// Fails on any key not in `allowed`.
    func rejectUnknownKeys(_ allowed: Set<String>) throws {
        for (key, _, _) in pairs where !allowed.contains(key) {
            throw error(key: "import.yaml.unknownKey", ["key": .verbatim(key), "allowed": .verbatim(allowed.sorted().joined(separator: ", "))], at: key)
        }
    }

    func string(_ key: String) throws -> String {
        guard let value = try optionalString(key) else { throw error(key: "import.field.required", ["field": .verbatim(key)]) }
        return value
    }

    func optionalString(_ key: String) throws -> String? {
        guard let value = self[key] else { return nil }
        guard case .scalar(let scalar) = value else { throw error(key: "import.field.notText", ["field": .verbatim(key)], at: key) }
        let text = scalar.string.trimmedForData
        return text.isEmpty ? nil : text
    }

    func int(_ key: String) throws -> Int? {
        guard let text = try optionalString(key) else { return nil }
        guard let value = Int(text) else {
            throw error(key: "import.field.notWholeNumber", ["field": .verbatim(key), "value": .verbatim(text)], at: key)
        }
        return value
    }

    func bool(_ key: String) throws -> Bool? {
        guard let text = try optionalString(key) else { return nil }
        switch text.lowercased() {
        case "true", "yes", "ja": return true
        case "false", "no", "nee": return false
        default: throw error(key: "import.field.notTrueOrFalse", ["field": .verbatim(key)], at: key)
        }
    }

    func id(_ key: String = "id") throws -> String {
        let value = try string(key)
        guard value.isStableID else {
            throw error(key: "import.field.notAnID", ["value": .verbatim(value)], at: key)
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
        guard let sequence = value.sequence else { throw error(key: "import.field.notAList", ["field": .verbatim(key)], at: key) }
        return try sequence.map { item in
            guard case .scalar(let scalar) = item else {
                throw ImportError(file: file, line: item.line, key: "import.field.itemNotText",
                                  arguments: ["record": context, "field": .verbatim(key)])
            }
            return scalar.string.trimmedForData
        }
    }

    func idList(_ key: String) throws -> [String] {
        let values = try stringList(key)
        for value in values where !value.isStableID {
            throw error(key: "import.field.itemNotAnID", ["value": .verbatim(value), "field": .verbatim(key)], at: key)
        }
        return values
    }

    func enumValue<E: RawRepresentable & CaseIterable>(_ key: String, _ type: E.Type) throws -> E? where E.RawValue == String {
        guard let text = try optionalString(key) else { return nil }
        guard let value = E(rawValue: text) else {
            throw error(key: "import.field.notOneOf", ["value": .verbatim(text), "field": .verbatim(key),
                                                       "allowed": .verbatim(E.allCases.map(\.rawValue).joined(separator: ", "))], at: key)
        }
        return value
    }

    func date(_ key: String) throws -> CalendarDate? {
        guard let text = try optionalString(key) else { return nil }
        guard let date = CalendarDate(iso: text) else { throw error(key: "import.field.notADate", ["value": .verbatim(text)], at: key) }
        return date
    }

    func mapping(_ key: String) throws -> YAMLMapping? {
        guard let value = self[key] else { return nil }
        return try YAMLMapping(value, file: file, context: context.field(key))
    }

    func list(_ key: String) throws -> [Node] {
        guard let value = self[key] else { return [] }
        guard let sequence = value.sequence else { throw error(key: "import.field.notAList", ["field": .verbatim(key)], at: key) }
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
