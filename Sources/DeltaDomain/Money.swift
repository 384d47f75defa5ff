/// How certain an amount in a document is.
public enum AmountKind: String, Codable, Sendable, CaseIterable {
    /// "€130 miljoen": the amount itself.
    case exact
    /// "circa €200 miljoen": about this amount.
    case approximate
    /// "€200–250 miljoen": somewhere between a minimum and a maximum.
    case range
    /// "tot wel een miljard": at most this amount, possibly much less.
    case upToAtMost
}

/// An amount of euros as a document states it, in euro cents, with its kind.
///
/// Why cents in `Int64`: sums must be exact; why a kind: an upper bound ("tot wel een
/// miljard") must never be added up as if it were spent money.
public struct Amount: Hashable, Sendable, Codable {
    /// What kind of amount this is.
    public let kind: AmountKind
    /// The lowest value the amount can have, in cents (0 for an upper bound).
    public let minimumCents: Int64
    /// The highest value the amount can have, in cents.
    public let maximumCents: Int64

    /// An exact amount.
    public static func exact(cents: Int64) -> Amount { Amount(kind: .exact, minimumCents: cents, maximumCents: cents) }
    /// An approximate amount.
    public static func approximate(cents: Int64) -> Amount { Amount(kind: .approximate, minimumCents: cents, maximumCents: cents) }
    /// A range between two amounts; nil when the minimum exceeds the maximum.
    public static func range(minimumCents: Int64, maximumCents: Int64) -> Amount? {
        guard minimumCents <= maximumCents else { return nil }
        return Amount(kind: .range, minimumCents: minimumCents, maximumCents: maximumCents)
    }
    /// An upper bound ("tot wel …").
    public static func upToAtMost(cents: Int64) -> Amount { Amount(kind: .upToAtMost, minimumCents: 0, maximumCents: cents) }

    /// Creates an amount from its parts; nil when they do not fit the kind.
    public init?(kind: AmountKind, minimumCents: Int64?, maximumCents: Int64?) {
        switch kind {
        case .exact, .approximate:
            guard let value = minimumCents ?? maximumCents, value >= 0 else { return nil }
            self.init(kind: kind, minimumCents: value, maximumCents: value)
        case .range:
            guard let low = minimumCents, let high = maximumCents, low >= 0, low <= high else { return nil }
            self.init(kind: kind, minimumCents: low, maximumCents: high)
        case .upToAtMost:
            guard let high = maximumCents ?? minimumCents, high >= 0 else { return nil }
            self.init(kind: kind, minimumCents: 0, maximumCents: high)
        }
    }

    private init(kind: AmountKind, minimumCents: Int64, maximumCents: Int64) {
        self.kind = kind
        self.minimumCents = minimumCents
        self.maximumCents = maximumCents
    }
}

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
