/// A station or waypoint of the cross-border network, from the station file shipped with the
/// program (reference data, not a record: `Resources/geo/stations.csv`, ODbL).
public struct Station: Hashable, Sendable, Codable, Identifiable {
    /// Derived from the name (`RailLinkNames.identifier`), for its page's address.
    public var id: String
    /// The name links use for it ("Antwerpen-Centraal").
    public var name: String
    public var country: Country
    /// WGS84; nil when no source gives one (then it is listed, never drawn at a guessed place).
    public var coordinate: Coordinate?
    /// Where the row comes from (a trainline-eu id, a Wikipedia infobox).
    public var source: String

    public init(name: String, country: Country, coordinate: Coordinate?, source: String) {
        self.id = RailLinkNames.identifier(for: name); self.name = name; self.country = country
        self.coordinate = coordinate; self.source = source
    }
}
