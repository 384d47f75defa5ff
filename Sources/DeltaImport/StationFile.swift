import DeltaDomain
import DeltaReports
import Foundation

/// The station file: `name,country,lat,lon,source`, one station per line (RFC 4180 quoting).
/// A station without a sourced coordinate keeps empty `lat` and `lon`: it is listed, never drawn.
public enum StationFile {
    /// The most stations a file may hold (a limit on input, far above a border region's needs).
    static let maximumStations = 5_000

    /// The stations shipped in `Resources/geo/stations.csv` (read once).
    public static func shipped() throws -> [Station] { try shippedStations.get() }

    private static let shippedStations: Result<[Station], ImportError> = {
        let path = ResourceLocator.defaultDirectory() + "/geo/stations.csv"
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(ImportError(file: path, line: nil, key: "import.file.unreadable"))
        }
        do throws(ImportError) { return .success(try read(String(decoding: data, as: UTF8.self), file: path)) } catch { return .failure(error) }
    }()

    /// Reads a station file's text; errors name `file:line`.
    public static func read(_ text: String, file: String) throws(ImportError) -> [Station] {
        var stations: [Station] = []
        var names = Set<String>()
        for (offset, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() where !line.isEmpty {
            let number = offset + 1
            let fields = fields(of: String(line))
            if number == 1 {
                guard fields == ["name", "country", "lat", "lon", "source"] else {
                    throw ImportError(file: file, line: 1, key: "import.station.header")
                }
                continue
            }
            guard fields.count == 5, !fields[0].isEmpty, let country = Country(rawValue: fields[1]) else {
                throw ImportError(file: file, line: number, key: "import.station.row")
            }
            var coordinate: Coordinate?
            if !fields[2].isEmpty || !fields[3].isEmpty {
                guard let lat = Double(fields[2]), let lon = Double(fields[3]), (-90...90).contains(lat), (-180...180).contains(lon) else {
                    throw ImportError(file: file, line: number, key: "import.station.coordinate")
                }
                coordinate = Coordinate(latitude: lat, longitude: lon)
            }
            guard names.insert(fields[0]).inserted else { throw ImportError(file: file, line: number, key: "import.station.twice") }
            stations.append(Station(name: fields[0], country: country, coordinate: coordinate, source: fields[4]))
            guard stations.count <= maximumStations else { throw ImportError(file: file, line: number, key: "import.station.tooMany") }
        }
        return stations
    }

    /// The fields of one line: commas separate, double quotes enclose, `""` is a quote.
    static func fields(of line: String) -> [String] {
        var fields: [String] = [], current = "", quoted = false
        var characters = line.makeIterator()
        while let character = characters.next() {
            switch (character, quoted) {
            case ("\"", true):
                if let next = characters.next() {
                    if next == "\"" { current.append("\"") } else { quoted = false; if next == "," { fields.append(current); current = "" } else { current.append(next) } }
                } else { quoted = false }
            case ("\"", false) where current.isEmpty: quoted = true
            case (",", false): fields.append(current); current = ""
            default: current.append(character)
            }
        }
        fields.append(current)
        return fields.map { $0.trimmingCharacters(in: .whitespaces) }
    }
}
