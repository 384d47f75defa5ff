/// The one rule that turns a link's name as people write it into a link: "Weert–Hamont",
/// "Hamont-Weert" and "Hamont – Weert" are one link. Used by the migration that turned the
/// dossiers' free-text links into references, by imports of older files and by extraction.
public enum RailLinkNames {
    /// A key equal for names that differ only in case, spacing, the kind of dash and the order
    /// of the end points. Accents count ("Liège" ≠ "Liege"): spelling variants are aliases.
    public static func key(_ name: String) -> String {
        let folded = name.lowercased()
        // En and em dashes and hyphens between places all separate end points. Hyphens inside
        // one place's name ("Antwerpen-Centraal") would split too; both sides of a key are
        // split the same way, so it stays one rule.
        let parts = folded.split(whereSeparator: { "–—-/".contains($0) })
            .map { $0.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
            .filter { !$0.isEmpty }
        return parts.sorted().joined(separator: "|")
    }

    /// The ids of the links a name stands for (several when a service name covers more than
    /// one link, as "Drielandentrein" does), in the order of `links`; empty when none.
    public static func resolve(_ name: String, among links: [RailLink]) -> [String] {
        let wanted = key(name)
        if let exact = links.first(where: { $0.id == name }) { return [exact.id] }
        return links.filter { $0.names.contains { key($0) == wanted } }.map(\.id)
    }

    /// An id for a link known only by its name (`RecordIdentifier`).
    public static func identifier(for name: String) -> String {
        RecordIdentifier.make(from: name, limit: 60, fallback: "link")
    }
}
