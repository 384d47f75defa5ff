import Foundation

/// Timestamps stored as ISO 8601 text in UTC, identical on both engines.
enum Timestamp {
    static func now() -> String {
        Date().formatted(.iso8601)
    }
}
