import DeltaDomain
import DeltaImport
import DeltaReports
import DeltaStore

/// What the network's pages are built from: the links the reader sees, the health of their
/// dossiers and the shipped stations and outlines (`NetworkBase`, remembered), in one language.
struct NetworkFacts: Sendable {
    let base: NetworkBase
    let labels: Labels

    var links: [RailLink] { base.links }
    var stations: [Station] { base.stations }
    var stationsByName: [String: Station] { base.stationsByName }
    /// The dossiers of each link (a dossier names its links), by title.
    var dossiersByLink: [String: [Dossier]] { base.dossiersByLink }

    /// The link of an id, if the reader sees it.
    func link(_ id: String) -> RailLink? { base.positions[id].map { base.links[$0] } }

    /// The links that share a piece of track with `link` (`RailLink.sharesTrack`), in register order.
    func sharingTrack(with link: RailLink) -> [RailLink] {
        Set(link.segments.flatMap { base.linksBySegment[$0] ?? [] }).sorted().map { links[$0] }.filter { $0.id != link.id }
    }

    /// The worst health of the link's dossiers.
    func linkHealth(_ link: RailLink) -> Health {
        Health.worst((dossiersByLink[link.id] ?? []).compactMap { base.health[$0.id] })
    }

    func view(_ link: RailLink, index: RegisterIndex) -> RailLinkView {
        let l = labels
        let byName = stationsByName
        let health = linkHealth(link)
        var countries: [Country] = []
        for country in link.stations.compactMap({ byName[$0]?.country }) + link.sides.map(\.country) where !countries.contains(country) {
            countries.append(country)
        }
        let sides = link.sides.map { side in
            RailLinkSideView(country: side.country.rawValue, countryLabel: l.country(side.country), section: side.section, ertms: side.ertms,
                             electrification: side.electrification, freight740m: side.freight740m,
                             freight740mLabel: side.freight740m.map { $0 ? l.text("network.yes") : l.text("network.no") } ?? l.text("network.unknown"))
        }
        let drawn = link.stations.compactMap { byName[$0]?.coordinate }.count >= 2
        return RailLinkView(
            id: link.id, name: link.name, url: "/rail-links/\(link.id)", aliases: link.aliases, status: link.status?.rawValue,
            statusLabel: link.status.map(l.railLinkStatus) ?? l.text("network.unknown"), stroke: (link.status?.stroke ?? .unknown).rawValue,
            uses: link.uses.map(\.rawValue),
            usesLabel: link.uses.isEmpty ? l.text("network.unknown") : link.uses.map(l.railLinkUse).joined(separator: ", "),
            health: health.rawValue, healthLabel: l.health(health),
            dossiers: (dossiersByLink[link.id] ?? []).map { LinkView(id: $0.id, name: $0.title, url: "/dossiers/\($0.id)") },
            countries: countries.map(\.rawValue), countriesLabel: countries.map(l.country).joined(separator: ", "),
            stations: link.stations.map { name in
                let station = byName[name]
                return StationRefView(name: name, url: station.map { "/stations/\($0.id)" }, located: station?.coordinate != nil)
            },
            sharesTrackWith: sharingTrack(with: link).map { LinkView(id: $0.id, name: $0.name, url: "/rail-links/\($0.id)") },
            sides: sides, summary: link.summary, source: index.passage(link.source), drawn: drawn)
    }

    func stationView(_ station: Station) -> StationView {
        StationView(id: station.id, name: station.name, url: "/stations/\(station.id)", country: station.country.rawValue,
                    countryLabel: labels.country(station.country), latitude: station.coordinate?.latitude,
                    longitude: station.coordinate?.longitude, source: station.source,
                    linkCount: base.linkCountByStation[station.name] ?? 0)
    }

    /// The map of these links; `highlight` ids are drawn wider, `detailed` adds labels and legend.
    func map(highlight: Set<String> = [], detailed: Bool = true, only: Set<String>? = nil, width: Double = 760) -> NetworkMap {
        let byName = stationsByName
        // A link with fewer than two places is not drawn; it is not worded either (at a thousand
        // times the demo, thousands of them were, on every dossier page).
        let positions = only.map { ids in Set(ids.compactMap { base.positions[$0] }) }
        let drawnLinks = base.drawable.filter { positions?.contains($0) ?? true }.map { links[$0] }
        let mapLinks = drawnLinks.map { link in
            let health = linkHealth(link)
            let name = labels.text("network.accessibleName", [
                "link": link.name, "status": link.status.map(labels.railLinkStatus) ?? labels.text("network.unknown"),
                "health": labels.health(health),
            ])
            return NetworkMap.Link(id: link.id, name: link.name, href: "/rail-links/\(link.id)",
                                   points: link.stations.compactMap { byName[$0]?.coordinate }, stroke: link.status?.stroke ?? .unknown,
                                   health: health, accessibleName: name, highlighted: highlight.contains(link.id))
        }
        let used = Set(drawnLinks.flatMap(\.stations))
        let stops = stations.filter { used.contains($0.name) }.compactMap { station in
            station.coordinate.map { NetworkMap.Stop(id: station.id, name: station.name, href: "/stations/\(station.id)", coordinate: $0) }
        }
        // A map that highlights links shows their surroundings, not the whole Delta.
        let area = highlight.isEmpty ? NetworkMap.Area.delta : .around(mapLinks.filter(\.highlighted).flatMap(\.points))
        return NetworkMap(outlines: CountryOutlineFile.shipped(), links: mapLinks, stops: stops, labels: labels, area: area, width: width,
                          detailed: detailed, attribution: attribution)
    }

    func mapView(_ map: NetworkMap, id: String = "network-map", svgURL: String = "/network.svg") -> MapView {
        let alternative = Self.textAlternative(map, labels: labels)
        return MapView(svg: map.svg(id: id, title: labels.text("network.mapTitle"), description: alternative), textAlternative: alternative,
                       svgURL: svgURL, pngURL: "/network.png")
    }

    /// What the map shows, in words: how many links it draws, and whether they are named on it.
    static func textAlternative(_ map: NetworkMap, labels: Labels) -> String {
        let drawn = map.links.filter { $0.points.count >= 2 }.count
        let text = labels.text("network.textAlternative", ["drawn": labels.numbers.integer(drawn)])
        guard map.detailed, !map.namesLinks else { return text }
        return text + " " + labels.text("network.tooManyToName", ["limit": labels.numbers.integer(NetworkMap.namedLimit)])
    }

    var attribution: String { labels.text("network.attribution") }
}


extension Register {
    /// The facts every network page needs: the links, the reader's dossiers by title and the
    /// health of those on a link, all remembered per register version (and day, for the health).
    /// `lookups`: the lookup tables by id, when the caller has them already.
    func networkFacts(today: CalendarDate, labels: Labels, lookups known: RegisterIndex.Lookups? = nil) async throws -> NetworkFacts {
        let lookups: RegisterIndex.Lookups
        if let known { lookups = known } else { lookups = try await self.lookups() }
        // The health of every dossier on a link (judged once per register version, scope and day).
        let base = try await remembered(PageRead.network(day: today.iso)) {
            var health: [String: Health] = [:]
            for standing in try await dossierStandings(today: today, lookups: lookups) where !standing.dossier.railLinkIDs.isEmpty {
                health[standing.dossier.id] = standing.assessment.health
            }
            return NetworkBase(links: try await railLinks(), dossiers: lookups.sortedDossiers, health: health, stations: (try? StationFile.shipped()) ?? [])
        }
        return NetworkFacts(base: base, labels: labels)
    }

    /// The network page, with a window of the links' table.
    func networkPage(window: ListWindow, today: CalendarDate, labels: Labels) async throws -> NetworkPage {
        let lookups = try await lookups()
        let index = RegisterIndex(lookups, today: today, labels: labels)
        let facts = try await networkFacts(today: today, labels: labels, lookups: lookups)
        let (shown, paging) = try window.window(facts.links, id: \.id, labels: labels, hasCSV: false)
        return NetworkPage(title: labels.text("network.title"), map: facts.mapView(facts.map()),
                           links: shown.map { facts.view($0, index: index) }, paging: paging,
                           stations: facts.stations.map(facts.stationView), attribution: facts.attribution)
    }

    /// A rail link's page; nil when the reader may not see it.
    func railLinkPage(id: String, today: CalendarDate, labels: Labels) async throws -> RailLinkPage? {
        let lookups = try await lookups()
        let index = RegisterIndex(lookups, today: today, labels: labels)
        let facts = try await networkFacts(today: today, labels: labels, lookups: lookups)
        guard let link = facts.link(id) else { return nil }
        return RailLinkPage(title: link.name, link: facts.view(link, index: index),
                            map: facts.mapView(facts.map(highlight: [id]), id: "link-map"), attribution: facts.attribution)
    }

    /// A station's page; nil for a name not in the station file.
    func stationPage(id: String, today: CalendarDate, labels: Labels) async throws -> StationPage? {
        let lookups = try await lookups()
        let index = RegisterIndex(lookups, today: today, labels: labels)
        let facts = try await networkFacts(today: today, labels: labels, lookups: lookups)
        guard let station = facts.stations.first(where: { $0.id == id }) else { return nil }
        return StationPage(title: station.name, station: facts.stationView(station),
                           links: facts.links.filter { $0.stations.contains(station.name) }.map { facts.view($0, index: index) },
                           attribution: facts.attribution)
    }
}
