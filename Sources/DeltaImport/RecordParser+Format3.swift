import DeltaDomain
import Foundation
import Yams

/// The section format 3 added: the countries' allocation regimes.
extension RecordParser {
    /// `allocation_regimes:` — `{id, country, funding_sources, title, explanation, source, visibility}`.
    mutating func allocationRegime(_ node: Node, file: String) throws {
        var map = try YAMLMapping(node, file: file, context: .kind(.allocationRegime))
        let id = try map.id()
        map.context = .record(.allocationRegime, id)
        try map.rejectUnknownKeys(["id", "country", "funding_sources", "title", "explanation", "source", "visibility"])
        try define(.allocationRegime, id, map.location)
        var sources: [FundingSource] = []
        for code in try map.stringList("funding_sources") {
            guard let source = FundingSource(rawValue: code) else {
                throw map.error(key: "import.field.notOneOf", ["value": .verbatim(code), "field": .verbatim("funding_sources"),
                                                               "allowed": .verbatim(FundingSource.allCases.map(\.rawValue).joined(separator: ", "))],
                                at: "funding_sources")
            }
            guard !sources.contains(source) else {
                throw map.error(key: "import.regime.sourceTwice", ["value": .verbatim(code)], at: "funding_sources")
            }
            sources.append(source)
        }
        let explanation = try map.optionalString("explanation")
        let index = snapshot.allocationRegimes.count
        snapshot.allocationRegimes.append(AllocationRegime(
            id: id, country: try required(map, "country", Country.self), fundingSources: sources, title: try map.string("title"),
            explanation: explanation?.isEmpty == true ? nil : explanation,
            visibility: try map.enumValue("visibility", Visibility.self) ?? .public))
        try passage(map, "source") { $0.allocationRegimes[index].source = $1 }
    }
}
