import DeltaDomain
import DeltaImport

/// The network as one reader sees it on one day, without wording: the links, the dossiers on
/// them and their health, the shipped stations, and the indexes the network's pages look things
/// up by. Remembered per register version, scope and day (`PageRead.network`), for every language.
///
/// Why remembered: at a thousand times the demo (14 000 links, 18 000 dossiers) building it took
/// most of a dossier page's 140 ms, on every page.
struct NetworkBase: Sendable {
    let links: [RailLink]
    /// The health of each dossier on a link, by dossier id.
    let health: [String: Health]
    let stations: [Station]
    /// The stations by name (the first of a name).
    let stationsByName: [String: Station]
    /// The position in `links` of each link, by id.
    let positions: [String: Int]
    /// The positions in `links` of the links over each piece of track between two stations,
    /// so that finding the links sharing track with one is not a pass over all of them.
    let linksBySegment: [Set<String>: [Int]]
    /// How many links call at each station (by name).
    let linkCountByStation: [String: Int]
    /// The dossiers of each link (a dossier names its links), by title.
    let dossiersByLink: [String: [Dossier]]
    /// The positions in `links` of the links a map can draw: those with two located stations or more.
    let drawable: [Int]

    init(links: [RailLink], dossiers: [Dossier], health: [String: Health], stations: [Station]) {
        self.links = links; self.health = health; self.stations = stations
        stationsByName = Dictionary(stations.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        positions = Dictionary(links.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        var bySegment: [Set<String>: [Int]] = [:], counts: [String: Int] = [:]
        for (position, link) in links.enumerated() {
            for segment in link.segments { bySegment[segment, default: []].append(position) }
            for name in Set(link.stations) { counts[name, default: 0] += 1 }
        }
        linksBySegment = bySegment; linkCountByStation = counts
        var byLink: [String: [Dossier]] = [:]
        for dossier in dossiers { for id in dossier.railLinkIDs { byLink[id, default: []].append(dossier) } }
        dossiersByLink = byLink
        let byName = stationsByName
        drawable = links.indices.filter { links[$0].stations.lazy.compactMap { byName[$0]?.coordinate }.prefix(2).count == 2 }
    }
}
