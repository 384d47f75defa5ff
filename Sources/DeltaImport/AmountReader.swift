import DeltaDomain
import Foundation
import Yams

/// Reads `amount: {exact: …}`, `{approximate: …}`, `{range: [low, high]}` or `{up_to: …}` in euros.
enum AmountReader {
    static func read(_ map: YAMLMapping) throws -> Amount {
        try map.rejectUnknownKeys(["exact", "approximate", "range", "up_to"])
        if let text = try map.optionalString("exact") { return .exact(cents: try cents(text, map, "exact")) }
        if let text = try map.optionalString("approximate") { return .approximate(cents: try cents(text, map, "approximate")) }
        if let text = try map.optionalString("up_to") { return .upToAtMost(cents: try cents(text, map, "up_to")) }
        let bounds = try map.stringList("range")
        if !bounds.isEmpty {
            guard bounds.count == 2, let amount = Amount.range(minimumCents: try cents(bounds[0], map, "range"),
                                                                maximumCents: try cents(bounds[1], map, "range")) else {
                throw map.error(key: "import.amount.rangeOutOfOrder", at: "range")
            }
            return amount
        }
        throw map.error(key: "import.amount.noKind")
    }

    /// Euros as written ("130000000", "1234.56") to cents, exactly (no floating point).
    static func cents(_ text: String, _ map: YAMLMapping, _ key: String) throws -> Int64 {
        let parts = text.replacingOccurrences(of: "_", with: "").split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let euros = Int64(parts[0]), euros >= 0,
              parts.count == 1 || (parts[1].count <= 2 && parts[1].allSatisfy(\.isNumber)) else {
            throw map.error(key: "import.amount.notEuros", ["value": .verbatim(text)], at: key)
        }
        let fraction = parts.count == 2 ? Int64(parts[1].padding(toLength: 2, withPad: "0", startingAt: 0)) ?? 0 : 0
        let (product, overflow) = euros.multipliedReportingOverflow(by: 100)
        // The same ceiling as the forms (below a trillion euros), so sums of many amounts never overflow.
        guard !overflow, euros < 1_000_000_000_000 else { throw map.error(key: "import.amount.tooLarge", ["value": .verbatim(text)], at: key) }
        return product + fraction
    }
}
