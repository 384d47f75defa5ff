/// A sum of amounts of different kinds, kept as a band instead of one misleading number.
///
/// `firmCents` adds exact, approximate and range minimums (money that is at least there);
/// `ceilingCents` adds every maximum including upper bounds; `upperBoundCents` says how much
/// of the ceiling comes only from "up to" amounts. A total is exact only if every part was.
public struct AmountTotal: Hashable, Sendable, Codable {
    /// Sum of the amounts' lowest values.
    public private(set) var firmCents: Int64 = 0
    /// Sum of the amounts' highest values.
    public private(set) var ceilingCents: Int64 = 0
    /// The part of the ceiling that comes from upper-bound amounts.
    public private(set) var upperBoundCents: Int64 = 0
    /// Whether any part was approximate or a range.
    public private(set) var isApproximate = false
    /// Number of amounts added.
    public private(set) var count = 0

    /// An empty total.
    public init() {}

    /// Adds an amount to the total.
    public mutating func add(_ amount: Amount) {
        count += 1
        firmCents += amount.minimumCents
        ceilingCents += amount.maximumCents
        switch amount.kind {
        case .exact: break
        case .approximate, .range: isApproximate = true
        case .upToAtMost: upperBoundCents += amount.maximumCents
        }
    }

    /// Whether the total is one exact number.
    public var isExact: Bool { !isApproximate && upperBoundCents == 0 }
}
