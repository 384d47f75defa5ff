import DeltaReports
import Foundation
import Hummingbird

/// A window on a long list, for pages and their JSON twins alike: `?limit=` (1 to
/// `maximumLimit`, default `defaultLimit`) and `?after=`, a cursor naming the last record of
/// the previous window. A cursor is opaque to clients (base64url of that record's id) and keeps
/// working when records are added before it; when its record has left the list, the request is
/// refused with 400 and the reader starts again from the first window.
struct ListWindow: Sendable {
    static let defaultLimit = 100
    static let maximumLimit = 500

    let limit: Int
    let after: String?
    /// The address of this list (`/dossiers`, `/api/dossiers`) and its other query parameters, in
    /// order, for the link to the next window.
    let path: String
    let otherParameters: [(name: String, value: String)]

    init(_ request: Request) throws {
        var limit = Self.defaultLimit, after: String?, others: [(String, String)] = []
        for (name, value) in request.uri.queryParameters {
            switch name {
            case "limit":
                guard let number = Int(value), (1...Self.maximumLimit).contains(number) else {
                    throw AppError(.badRequest, "error.badLimit", ["value": String(value.prefix(40)), "maximum": String(Self.maximumLimit)])
                }
                limit = number
            case "after":
                guard let id = Self.decode(String(value)) else { throw AppError(.badRequest, "error.badCursor") }
                after = id
            default:
                others.append((String(name), String(value)))
            }
        }
        self.limit = limit; self.after = after; self.path = request.uri.path; self.otherParameters = others
    }

    /// The records of this window and where the list continues.
    func window<Item>(_ items: [Item], id: (Item) -> String, labels: Labels, hasCSV: Bool = true) throws -> (items: [Item], paging: Paging) {
        var start = 0
        if let after {
            guard let index = items.firstIndex(where: { id($0) == after }) else { throw AppError(.badRequest, "error.badCursor") }
            start = index + 1
        }
        let end = min(items.count, start + limit)
        let shown = Array(items[start..<end])
        let next = end < items.count && !shown.isEmpty ? link(after: id(shown[shown.count - 1])) : nil
        let first = shown.isEmpty ? 0 : start + 1
        let summary = labels.text("lists.paging.summary", ["first": String(first), "last": String(end), "total": String(items.count)])
        return (shown, Paging(total: items.count, limit: limit, first: first, last: end, next: next,
                              start: after == nil ? nil : link(after: nil), summary: summary, isPartial: shown.count < items.count,
                              csv: hasCSV ? csvLink() : nil))
    }

    /// The address of the window that begins with record `id` of `ids` (the whole list, in order),
    /// with this window's limit and other parameters; nil when `id` is not in the list.
    func address(startingAt id: String, in ids: [String]) -> String? {
        guard let index = ids.firstIndex(of: id) else { return nil }
        return link(after: index == 0 ? nil : ids[index - 1])
    }

    /// The whole list with the same filters as CSV (`/dossiers.csv?theme=ertms`; the JSON list's too).
    private func csvLink() -> String {
        let base = (path.hasPrefix("/api/") ? String(path.dropFirst(4)) : path) + ".csv"
        guard !otherParameters.isEmpty else { return base }
        var components = URLComponents()
        components.queryItems = otherParameters.map { URLQueryItem(name: $0.name, value: $0.value) }
        return base + "?" + (components.percentEncodedQuery ?? "")
    }

    private func link(after id: String?) -> String {
        var parameters = otherParameters
        if limit != Self.defaultLimit { parameters.append(("limit", String(limit))) }
        if let id { parameters.append(("after", Self.encode(id))) }
        guard !parameters.isEmpty else { return path }
        var components = URLComponents()
        components.queryItems = parameters.map { URLQueryItem(name: $0.name, value: $0.value) }
        return path + "?" + (components.percentEncodedQuery ?? "")
    }

    static func encode(_ id: String) -> String {
        Data(id.utf8).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func decode(_ cursor: String) -> String? {
        guard cursor.count <= 400 else { return nil }
        var text = cursor.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while text.count % 4 != 0 { text += "=" }
        guard let data = Data(base64Encoded: text), let id = String(data: data, encoding: .utf8), !id.isEmpty else { return nil }
        return id
    }
}

/// Where a windowed list stands: shown in the page ("1–100 of 2 417") and in the JSON twin.
struct Paging: Codable, Sendable {
    /// Records in the whole list (what the reader may see, after the filters).
    let total: Int
    let limit: Int
    /// Positions of the first and last record shown, counting from 1 (0 and 0 for an empty window).
    let first: Int
    let last: Int
    /// The next window's address; absent on the last window.
    let next: String?
    /// The first window's address; absent on the first window.
    let start: String?
    /// "1–100 of 2 417", in the reader's language.
    let summary: String
    /// Whether the window leaves records out (the page then shows where it stands and the links).
    let isPartial: Bool
    /// The whole list with the same filters as a CSV file; absent for lists without one.
    let csv: String?
}

extension Labels {
    /// The line under a list that shows only part of its records ("The 100 of 18 000 dossiers
    /// that most need attention."): `key`'s text with `shown` and `total`; nil when all are shown.
    func cut(_ key: String, shown: Int, total: Int) -> String? {
        shown < total ? text(key, ["shown": numbers.integer(shown), "total": numbers.integer(total)]) : nil
    }
}
