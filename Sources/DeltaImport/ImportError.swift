import DeltaDomain
import DeltaReports

/// A problem in a data file, with the place it was found.
///
/// The message is a catalogue text (`import.…` in `Resources/locales/<lang>/import.yaml`) with
/// its arguments, so that it can be shown in the language of whoever reads it:
/// `message(in:)` and `ImportErrors.rendered(in:)`.
public struct ImportError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The file, as given on the command line.
    public let file: String
    /// 1-based line, when known.
    public let line: Int?
    /// The catalogue key of what is wrong, e.g. `import.field.required`.
    public let key: String
    /// The values the text names: ids, field names and values as written in the file, and the
    /// record the problem is in (itself a catalogue text).
    public let arguments: [String: ImportArgument]

    /// Creates an error at a place.
    public init(file: String, line: Int?, key: String, arguments: [String: ImportArgument] = [:]) {
        self.file = file
        self.line = line
        self.key = key
        self.arguments = arguments
    }

    /// What is wrong, in words a data author understands, in the language of `labels`.
    public func message(in labels: Labels) -> String {
        ImportArgument.text(key: key, arguments: arguments).rendered(in: labels)
    }

    /// `file:line: message` in the language of `labels`.
    public func rendered(in labels: Labels) -> String {
        "\(place): \(message(in: labels))"
    }

    /// `file:line` or, without a line, `file`.
    public var place: String {
        if let line { return "\(file):\(line)" }
        return file
    }

    /// For logs only: `file:line: key {name=value, …}`, not a text for people (see `rendered(in:)`).
    public var description: String {
        "\(place): \(ImportArgument.text(key: key, arguments: arguments))"
    }
}

/// A value named in an import message: written as it is (an id, a field name, a value from the
/// file), or a catalogue text of its own (the record a problem is in, a kind of record).
public indirect enum ImportArgument: Equatable, Sendable, CustomStringConvertible, ExpressibleByStringInterpolation {
    /// Content or syntax, shown the same in every language.
    case verbatim(String)
    /// A catalogue text with its own arguments.
    case text(key: String, arguments: [String: ImportArgument])

    /// A value written as it is.
    public init(stringLiteral value: String) { self = .verbatim(value) }

    /// The value in the language of `labels`.
    public func rendered(in labels: Labels) -> String {
        switch self {
        case .verbatim(let value): value
        case .text(let key, let arguments): labels.text(key, arguments.mapValues { $0.rendered(in: labels) })
        }
    }

    /// For logs: the value, or `key {name=value, …}`.
    public var description: String {
        switch self {
        case .verbatim(let value): return value
        case .text(let key, let arguments):
            guard !arguments.isEmpty else { return key }
            let named = arguments.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
            return "\(key) {\(named.joined(separator: ", "))}"
        }
    }
}

extension ImportArgument {
    /// A kind of record as the register names it everywhere (`kind.organisation`: “organisation”).
    static func kind(_ kind: RecordKind) -> ImportArgument {
        .text(key: "kind.\(kind.rawValue)", arguments: [:])
    }

    /// The data file itself, for problems outside any record.
    static let file = ImportArgument.text(key: "import.record.file", arguments: [:])

    /// A record by kind and id: `organisation “org-nl”`.
    static func record(_ kind: RecordKind, _ id: String) -> ImportArgument {
        .text(key: "import.record.named", arguments: ["kind": .kind(kind), "id": .verbatim(id)])
    }

    /// A mapping under a field of this record: `body “wg”, cadence`.
    func field(_ name: String) -> ImportArgument {
        .text(key: "import.record.field", arguments: ["record": self, "field": .verbatim(name)])
    }

    /// A signatory of this document.
    var signatory: ImportArgument { .text(key: "import.record.signatory", arguments: ["record": self]) }

    /// A member of this body, counted from 1.
    func member(_ number: Int) -> ImportArgument {
        .text(key: "import.record.member", arguments: ["record": self, "number": .verbatim(String(number))])
    }

    /// An invitee of this meeting.
    var invitee: ImportArgument { .text(key: "import.record.invitee", arguments: ["record": self]) }
}
