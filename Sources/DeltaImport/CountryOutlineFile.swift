import DeltaDomain
import DeltaReports
import Foundation

/// The country outlines shipped in `Resources/geo/countries.geojson` (Natural Earth, public
/// domain): a GeoJSON FeatureCollection of Polygon and MultiPolygon features with `iso_a2`.
public enum CountryOutlineFile {
    private struct Collection: Decodable { var features: [Feature] }
    private struct Feature: Decodable {
        var properties: [String: String?]
        var geometry: Geometry
    }
    private struct Geometry: Decodable {
        var type: String
        var polygon: [[[Double]]] = []
        var multiPolygon: [[[[Double]]]] = []
        enum CodingKeys: String, CodingKey { case type, coordinates }
        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            type = try container.decode(String.self, forKey: .type)
            switch type {
            case "Polygon": polygon = try container.decode([[[Double]]].self, forKey: .coordinates)
            case "MultiPolygon": multiPolygon = try container.decode([[[[Double]]]].self, forKey: .coordinates)
            default: break
            }
        }
    }

    /// The shipped outlines (read once; empty when the file is missing or unreadable, so that a
    /// map without outlines is still a map).
    public static func shipped() -> [NetworkMap.Outline] { shippedOutlines }

    private static let shippedOutlines: [NetworkMap.Outline] = {
        let path = ResourceLocator.defaultDirectory() + "/geo/countries.geojson"
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        return (try? read(data)) ?? []
    }()

    /// Reads a GeoJSON FeatureCollection of countries.
    public static func read(_ data: Data) throws -> [NetworkMap.Outline] {
        try JSONDecoder().decode(Collection.self, from: data).features.compactMap { feature in
            guard let code = feature.properties["iso_a2"] ?? nil else { return nil }
            let polygons = feature.geometry.type == "Polygon" ? [feature.geometry.polygon] : feature.geometry.multiPolygon
            let rings = polygons.flatMap { $0 }.map { ring in
                ring.compactMap { pair in pair.count >= 2 ? Coordinate(latitude: pair[1], longitude: pair[0]) : nil }
            }
            return NetworkMap.Outline(code: code, name: (feature.properties["name"] ?? nil) ?? code, rings: rings)
        }
    }
}
