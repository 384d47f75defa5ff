/// A catalogue's texts as nested `[String: Any]` dictionaries, built once when the catalogue is
/// loaded. Immutable after init, so sharing it between requests is safe.
public final class TemplateTree: @unchecked Sendable {
    /// `["nav": ["dossiers": "Dossiers", …], …]`.
    public let value: [String: Any]

    init(entries: [String: String]) {
        var root: [String: Any] = [:]
        for (key, text) in entries {
            Self.insert(text, at: key.split(separator: ".").map(String.init)[...], into: &root)
        }
        value = root
    }

    private static func insert(_ text: String, at path: ArraySlice<String>, into node: inout [String: Any]) {
        guard let first = path.first else { return }
        if path.count == 1 {
            node[first] = text
            return
        }
        var child = node[first] as? [String: Any] ?? [:]
        insert(text, at: path.dropFirst(), into: &child)
        node[first] = child
    }
}
