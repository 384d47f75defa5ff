/// The network page (`/network`): the map of the cross-border links coloured by the health of
/// their dossiers, and the same facts as a table; the stations with their sources.
struct NetworkPage: Codable, Sendable {
    let title: String
    let map: MapView
    /// The links of the table's window (`?limit=`, `?after=`; see `ListWindow`).
    let links: [RailLinkView]
    let paging: Paging
    let stations: [StationView]
    /// The station data's licence and the outlines' source, shown wherever the data is shown.
    let attribution: String
}

/// A map as shown: the SVG itself and where to get it as a file.
struct MapView: Codable, Sendable {
    let svg: String
    let textAlternative: String
    let svgURL: String
    let pngURL: String
}

/// A rail link as pages and the API show it. Unknown values are nil and shown as unknown.
struct RailLinkView: Codable, Sendable {
    let id: String
    let name: String
    let url: String
    let aliases: [String]
    let status: String?
    let statusLabel: String
    let stroke: String
    let uses: [String]
    let usesLabel: String
    /// The worst health of its dossiers.
    let health: String
    let healthLabel: String
    let dossiers: [LinkView]
    let countries: [String]
    let countriesLabel: String
    let stations: [StationRefView]
    /// Links that run over the same track between two of its stations.
    let sharesTrackWith: [LinkView]
    let sides: [RailLinkSideView]
    let summary: String?
    let source: PassageView?
    /// Whether the line can be drawn (two stations with coordinates).
    let drawn: Bool
}

/// A station a link passes: its page, and whether it has a sourced place on the map.
struct StationRefView: Codable, Sendable {
    let name: String
    let url: String?
    let located: Bool
}

/// A link's section and equipment in one country; every value stays unknown unless recorded.
struct RailLinkSideView: Codable, Sendable {
    let country: String
    let countryLabel: String
    let section: String?
    let ertms: String?
    let electrification: String?
    let freight740m: Bool?
    let freight740mLabel: String
}

/// A station of the station file.
struct StationView: Codable, Sendable {
    let id: String
    let name: String
    let url: String
    let country: String
    let countryLabel: String
    let latitude: Double?
    let longitude: Double?
    let source: String
    let linkCount: Int
}

/// One rail link's page (`/rail-links/{id}`): its facts, its dossiers, and a map that shows it.
struct RailLinkPage: Codable, Sendable {
    let title: String
    let link: RailLinkView
    let map: MapView
    let attribution: String
}

/// One station's page (`/stations/{id}`): where it is, by what source, and the links through it.
struct StationPage: Codable, Sendable {
    let title: String
    let station: StationView
    let links: [RailLinkView]
    let attribution: String
}
