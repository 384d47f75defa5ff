/// Where a cross-border rail link stands. The network map draws it by this: solid when
/// operational, dashed while planned or studied (or being built), dotted when not functional.
public enum RailLinkStatus: String, Codable, Sendable, CaseIterable {
    case operational
    case notFunctional = "not-functional"
    case studied
    case planned
    case underConstruction = "under-construction"

    /// How the map draws a link in this state (`nil` status: unknown, drawn like `studied`
    /// would mislead, so it has a stroke of its own).
    public var stroke: RailLinkStroke {
        switch self {
        case .operational: .solid
        case .planned, .studied, .underConstruction: .dashed
        case .notFunctional: .dotted
        }
    }
}
