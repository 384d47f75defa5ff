/// A cross-border rail link as a record: Hamont–Weert, 3RX, the HSL Antwerpen–Breda. Dossiers
/// refer to links by id, so "Weert–Hamont" and "Hamont–Weert" are one link and the dossiers
/// about one piece of track know about each other.
public struct RailLink: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    public var name: String
    /// Other names texts use for it ("Weert–Hamont", "IJzeren Rijn", "Drielandentrein").
    public var aliases: [String]
    /// Its stations and waypoints in order, by the names of the station file: the line is
    /// drawn through those that have coordinates.
    public var stations: [String]
    /// Unknown while no source says.
    public var status: RailLinkStatus?
    public var uses: [RailLinkUse]
    /// Per country: section and equipment.
    public var sides: [RailLinkSide]
    public var summary: String?
    /// The passage the link and its status come from.
    public var source: PassageReference?
    public var visibility: Visibility

    public init(id: String, name: String, aliases: [String] = [], stations: [String] = [], status: RailLinkStatus? = nil,
                uses: [RailLinkUse] = [], sides: [RailLinkSide] = [], summary: String? = nil, source: PassageReference? = nil,
                visibility: Visibility = .public) {
        self.id = id; self.name = name; self.aliases = aliases; self.stations = stations; self.status = status
        self.uses = uses; self.sides = sides; self.summary = summary; self.source = source; self.visibility = visibility
    }

    /// Every name the link answers to: its own and its aliases.
    public var names: [String] { [name] + aliases }

    /// The pieces of track between consecutive stations, in either direction.
    public var segments: Set<Set<String>> {
        Set(zip(stations, stations.dropFirst()).map { Set([$0, $1]) }.filter { $0.count == 2 })
    }

    /// Whether two links run over the same piece of track between two stations (Mol–Weert,
    /// Hamont–Weert and 3RX between Hamont and Weert).
    public func sharesTrack(with other: RailLink) -> Bool {
        other.id != id && !segments.isDisjoint(with: other.segments)
    }
}
