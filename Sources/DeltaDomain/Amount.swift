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
