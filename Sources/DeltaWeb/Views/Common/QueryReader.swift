import Hummingbird

/// Reads filter values from a query string, one rule for every page and twin: an empty value is
/// no filter, a value that names nothing is refused with a 400 that says which parameter (never
/// silently ignored), and no value is longer than `valueLimit`.
struct QueryReader: Sendable {
    /// The longest value read from a parameter.
    static let valueLimit = 200

    let parameters: Parameters

    init(_ request: Request) { parameters = request.uri.queryParameters }

    func value(_ name: String) throws -> String? {
        guard let raw = parameters[name[...]], !raw.isEmpty else { return nil }
        guard raw.count <= Self.valueLimit else {
            throw AppError(.badRequest, "error.badParameter", ["parameter": name, "value": String(raw.prefix(40)) + "…"])
        }
        return String(raw)
    }

    func coded<T: RawRepresentable>(_ name: String, _ type: T.Type) throws -> T? where T.RawValue == String {
        guard let text = try value(name) else { return nil }
        guard let parsed = T(rawValue: text) else { throw AppError(.badRequest, "error.badParameter", ["parameter": name, "value": text]) }
        return parsed
    }

    /// A calendar year from 1900 to 2200.
    func year(_ name: String = "year") throws -> Int? {
        guard let text = try value(name) else { return nil }
        guard let number = Int(text), (1900...2200).contains(number) else {
            throw AppError(.badRequest, "error.badParameter", ["parameter": name, "value": text])
        }
        return number
    }
}
