import DeltaStore
import Foundation

/// The version of something a client edits: a record's version number or a list's
/// fingerprint. One type for every `ETag` the application gives out and every `If-Match` and
/// form `version` field it reads back.
package struct EntityVersion: Sendable, Hashable, CustomStringConvertible {
    /// The bare value: "3", or a fingerprint such as "9f2c41d07a1be334".
    package let value: String

    package init(_ number: Int) { value = String(number) }
    package init(fingerprint: String) { value = fingerprint }

    /// A version from an `ETag`/`If-Match` value (`"3"`, also `W/"3"`); nil when it is not one.
    package init?(etag text: String) {
        var bare = text.trimmingCharacters(in: .whitespaces)
        if bare.hasPrefix("W/") { bare.removeFirst(2) }
        guard bare.count >= 3, bare.hasPrefix("\""), bare.hasSuffix("\"") else { return nil }
        let inner = String(bare.dropFirst().dropLast())
        guard !inner.contains("\"") else { return nil }
        value = inner
    }

    /// A version from a form field: the bare value as the form carried it.
    package init?(formValue: String?) {
        guard let formValue, !formValue.isEmpty else { return nil }
        value = formValue
    }

    /// The version number, for records.
    package var number: Int? { Int(value) }

    /// The `ETag` header value: the value in quotes.
    package var etag: String { "\"\(value)\"" }

    package var description: String { value }
}
