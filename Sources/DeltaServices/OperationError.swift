import DeltaStore

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
