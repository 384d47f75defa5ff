import DeltaDomain
import DeltaReports
import DeltaStore
import Hummingbird
import Foundation
import NIOCore

/// The path and the query parameters of a request, in their order.
public struct RequestTarget: Sendable {
    public var path: String
    public var query: [(name: String, value: String)]

    /// The same target with one parameter set (replacing earlier values), percent-encoded.
    func with(_ name: String, _ value: String) -> String {
        let kept = query.filter { $0.name != name } + [(name, value)]
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
        let encoded = kept.map { pair in
            (pair.name.addingPercentEncoding(withAllowedCharacters: allowed) ?? "") + "=" + (pair.value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")
        }
        return path + "?" + encoded.joined(separator: "&")
    }
}
