import DeltaDomain
import DeltaReports

/// Several data-file problems found in one run; all are reported, not only the first.
public struct ImportErrors: Error, CustomStringConvertible, Sendable {
    /// The problems, in file and line order.
    public let errors: [ImportError]

    /// One `file:line: message` line per problem, in the language of `labels`.
    public func rendered(in labels: Labels) -> String {
        errors.map { $0.rendered(in: labels) }.joined(separator: "\n")
    }

    /// For logs only: one `file:line: key {…}` line per problem (see `rendered(in:)`).
    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
