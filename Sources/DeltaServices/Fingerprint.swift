import DeltaStore
import Foundation

/// The fingerprint of a list the client edits as a whole (an agenda, a member list): changes
/// whenever any line changes.
package enum Fingerprint {
    /// The first 16 hex digits of the SHA-256 of the lines, joined by newlines.
    package static func of(_ lines: [String]) -> EntityVersion {
        EntityVersion(fingerprint: String(Secrets.sha256(lines.joined(separator: "\n")).prefix(16)))
    }
}
