import DeltaDomain
import Foundation
import Yams

/// A dossier's `rail_links` entry, resolved when its part is handed over: every link of the files
/// is read by then (their section comes first), or it may already be in the register.
struct PendingLinkName {
    let dossierIndex: Int
    let name: String
    /// The file's format: before 4 a name no link answers to becomes a link of its own (as
    /// migration 7 did for stored dossiers); from 4 on it is an error.
    let fileVersion: Int
    let location: SourceLocation
    let context: ImportArgument
}

/// A section format 4 added: rail links as records.
extension RecordParser {
    /// `rail_links:` — `{id, name, aliases, stations, status, use, sides, summary, source, visibility}`.
    mutating func railLink(_ node: Node, file: String) throws {
        var map = try YAMLMapping(node, file: file, context: .kind(.railLink))
        let id = try map.id()
        map.context = .record(.railLink, id)
        try map.rejectUnknownKeys(["id", "name", "aliases", "stations", "status", "use", "sides", "summary", "source", "visibility"])
        try define(.railLink, id, map.location)
        let stations = try map.stringList("stations")
        for station in stations where !stationNames.contains(station) {
            throw map.error(key: "import.railLink.unknownStation", ["station": .verbatim(station)], at: "stations")
        }
        var uses: [RailLinkUse] = []
        for code in try map.stringList("use") {
            guard let use = RailLinkUse(rawValue: code) else {
                throw map.error(key: "import.field.notOneOf", ["value": .verbatim(code), "field": .verbatim("use"),
                                                               "allowed": .verbatim(RailLinkUse.allCases.map(\.rawValue).joined(separator: ", "))],
                                at: "use")
            }
            if !uses.contains(use) { uses.append(use) }
        }
        var sides: [RailLinkSide] = []
        for item in try map.list("sides") {
            let side = try YAMLMapping(item, file: file, context: map.context)
            try side.rejectUnknownKeys(["country", "section", "ertms", "electrification", "freight_740m"])
            let country = try required(side, "country", Country.self)
            if sides.contains(where: { $0.country == country }) {
                throw side.error(key: "import.railLink.sideTwice", ["country": .verbatim(country.rawValue)], at: "country")
            }
            sides.append(RailLinkSide(country: country, section: try side.optionalString("section"), ertms: try side.optionalString("ertms"),
                                      electrification: try side.optionalString("electrification"), freight740m: try side.bool("freight_740m")))
        }
        let index = snapshot.railLinks.count
        railLinksRead.append(RailLink(
            id: id, name: try map.string("name"), aliases: try map.stringList("aliases"), stations: stations,
            status: try map.enumValue("status", RailLinkStatus.self), uses: uses, sides: sides, summary: try map.optionalString("summary"),
            visibility: try map.enumValue("visibility", Visibility.self) ?? .public))
        snapshot.railLinks.append(railLinksRead[railLinksRead.count - 1])
        try passage(map, "source") { $0.railLinks[index].source = $1 }
    }

    /// Turns the link names of the dossiers read since the last part into link ids: a link's id,
    /// name or alias (`RailLinkNames`), among the links of these files first (all read: their
    /// section comes before the dossiers'), then those in the register. Returns the errors.
    mutating func resolveLinkNames() -> [ImportError] {
        guard !linkNames.isEmpty else { return [] }
        defer { linkNames = [] }
        var errors: [ImportError] = []
        let defined = Set(railLinksRead.map(\.id))
        let candidates = railLinksRead + known.railLinks.filter { !defined.contains($0.id) }
        // The rule of `RailLinkNames.resolve`, through an index: imports name many links.
        var ids = Set(candidates.map(\.id))
        var byKey: [String: [String]] = [:]
        for link in candidates {
            for key in Set(link.names.map(RailLinkNames.key)) { byKey[key, default: []].append(link.id) }
        }
        var resolved: [Int: [String]] = [:]
        for pending in linkNames {
            var found = ids.contains(pending.name) ? [pending.name] : byKey[RailLinkNames.key(pending.name)] ?? []
            if found.isEmpty, pending.fileVersion < 4 {
                let dossier = snapshot.dossiers[pending.dossierIndex]
                var id = RailLinkNames.identifier(for: pending.name), suffix = 2
                while ids.contains(id) { id = RailLinkNames.identifier(for: pending.name) + "-\(suffix)"; suffix += 1 }
                let link = RailLink(id: id, name: pending.name, visibility: dossier.visibility)
                snapshot.railLinks.append(link)
                railLinksRead.append(link)
                ids.insert(id)
                byKey[RailLinkNames.key(pending.name), default: []].append(id)
                found = [id]
            }
            if found.isEmpty {
                errors.append(pending.location.error(key: "import.railLink.unknown", ["record": pending.context, "name": .verbatim(pending.name)]))
            }
            resolved[pending.dossierIndex, default: []] += found.filter { !(resolved[pending.dossierIndex] ?? []).contains($0) }
        }
        for (index, ids) in resolved { snapshot.dossiers[index].railLinkIDs = ids }
        return errors
    }
}
