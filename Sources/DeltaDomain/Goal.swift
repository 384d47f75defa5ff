/// A node of a goal tree (doelenboom): a goal, a priority under it, or a measure under that.
public struct Goal: Hashable, Sendable, Codable, Identifiable {
    /// The node's level; each level sits under the one before it.
    public enum Level: String, Hashable, Sendable, Codable, CaseIterable {
        case goal, priority, measure
    }

    public var id: String
    public var level: Level
    /// The node above (nil for a goal).
    public var parentID: String?
    public var title: String
    public var description: String?
    /// The passage that states the goal, priority or measure.
    public var source: PassageReference?
    /// Dossiers that carry a measure out.
    public var dossierIDs: [String]
    /// Agreements that promise it.
    public var agreementIDs: [String]
    public var visibility: Visibility

    public init(id: String, level: Level, parentID: String? = nil, title: String, description: String? = nil,
                source: PassageReference? = nil, dossierIDs: [String] = [], agreementIDs: [String] = [],
                visibility: Visibility = .public) {
        self.id = id; self.level = level; self.parentID = parentID; self.title = title; self.description = description
        self.source = source; self.dossierIDs = dossierIDs; self.agreementIDs = agreementIDs; self.visibility = visibility
    }
}
