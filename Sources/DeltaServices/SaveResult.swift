import DeltaStore

/// What saving something came to — a record through a form or the API, a member list, a
/// meeting's agenda or minutes. HTML, JSON and the command line all render this one type.
package enum SaveResult<Value: Sendable>: Sendable {
    /// Written; `version` is the new version (the next `ETag`).
    case saved(Value, version: EntityVersion)
    /// Not written: a message per field (`_form` for the form as a whole), in the reader's language.
    case invalid([String: String])
    /// Not written: someone saved a newer version meanwhile. `current` is that version, so the
    /// reader can see both and merge.
    case conflict(current: Value, version: EntityVersion, changedBy: AuditEntry?)
}

/// Why an operation was refused as a whole: not found, not allowed, or a reason for the form.
/// The reason is a catalogue key with its parameters, rendered in the reader's language by the
/// caller; the operation itself writes no sentence.
package struct OperationError: Error, Sendable {
    package enum Kind: Sendable { case notFound, forbidden, invalid, conflict }
    package let kind: Kind
    package let key: String
    package let arguments: [String: String]

    package init(_ kind: Kind, _ key: String, _ arguments: [String: String] = [:]) {
        self.kind = kind
        self.key = key
        self.arguments = arguments
    }

    /// No such record, or the reader may not see it.
    package static func notFound(kind: String, id: String) -> OperationError { OperationError(.notFound, "error.noRecord", ["kind": kind, "id": id]) }
    /// The account may not change this.
    package static let forbidden = OperationError(.forbidden, "error.mayNotEdit")
}
