import DeltaDomain

/// What a reader may see. Every read of the register goes through a scope, so the rule
/// "anonymous visitors see only public records" lives in one place for HTML, JSON and exports.
public struct ReadScope: Sendable, Hashable {
    /// The visibilities this reader may see.
    public let visibilities: Set<Visibility>

    /// Creates a scope for a set of visibilities.
    public init(visibilities: Set<Visibility>) { self.visibilities = visibilities }

    /// Only public records (anonymous visitors, the public portal, open data).
    public static let publicOnly = ReadScope(visibilities: [.public])
    /// Everything; for the command line and the demo server until accounts exist.
    public static let everything = ReadScope(visibilities: Set(Visibility.allCases))

    /// The raw values used in `WHERE visibility IN (…)`.
    var rawValues: [String] { visibilities.map(\.rawValue).sorted() }

    /// Whether a record with this visibility may be shown.
    public func allows(_ visibility: Visibility) -> Bool { visibilities.contains(visibility) }
}
