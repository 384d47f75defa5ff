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
