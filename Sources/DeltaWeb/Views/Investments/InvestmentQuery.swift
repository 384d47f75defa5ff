import DeltaDomain
import DeltaReports
import Hummingbird

/// What a visitor asked of the investments (page, JSON, CSV, chart) in the query string:
/// filters (`dossier`, `country`, `source`, `status`, `year`), the pivot's `rows` and
/// `columns`, and the CSV `variant`. A value that names nothing is refused with a 400 that
/// says which parameter, never silently ignored.
struct InvestmentQuery: Codable, Sendable {
    var filter = InvestmentPivot.Filter()
    var rows: InvestmentPivot.Dimension = .dossier
    var columns: InvestmentPivot.Dimension = .country
    var variant: CSVTable.Variant = .standard

    init() {}

    init(_ request: Request) throws {
        let query = QueryReader(request)
        func value(_ name: String) throws -> String? { try query.value(name) }
        func coded<T: RawRepresentable>(_ name: String, _ type: T.Type) throws -> T? where T.RawValue == String { try query.coded(name, type) }
        if let dossier = try value("dossier") { filter.dossierIDs = [dossier] }
        if let country = try coded("country", Country.self) { filter.countries = [country] }
        if let source = try coded("source", FundingSource.self) { filter.fundingSources = [source] }
        if let status = try coded("status", InvestmentStatus.self) { filter.statuses = [status] }
        if let year = try query.year() { filter.year = year }
        rows = try coded("rows", InvestmentPivot.Dimension.self) ?? rows
        columns = try coded("columns", InvestmentPivot.Dimension.self) ?? columns
        variant = try coded("variant", CSVTable.Variant.self) ?? variant
    }

    /// The filter and layout as a query string ("?rows=year&country=NL"), for links that keep them.
    var queryString: String {
        var parts: [(String, String)] = []
        if let dossier = filter.dossierIDs.first { parts.append(("dossier", dossier)) }
        if let country = filter.countries.first { parts.append(("country", country.rawValue)) }
        if let source = filter.fundingSources.first { parts.append(("source", source.rawValue)) }
        if let status = filter.statuses.first { parts.append(("status", status.rawValue)) }
        if let year = filter.year { parts.append(("year", String(year))) }
        if rows != .dossier { parts.append(("rows", rows.rawValue)) }
        if columns != .country { parts.append(("columns", columns.rawValue)) }
        guard !parts.isEmpty else { return "" }
        return "?" + parts.map { "\($0.0)=\(Self.percentEncoded($0.1))" }.joined(separator: "&")
    }

    /// Percent-encodes everything but unreserved characters (RFC 3986).
    static func percentEncoded(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.append(Character(Unicode.Scalar(byte)))
            default:
                let hex = Array("0123456789ABCDEF")
                out += "%" + String(hex[Int(byte >> 4)]) + String(hex[Int(byte & 0x0F)])
            }
        }
        return out
    }
}
