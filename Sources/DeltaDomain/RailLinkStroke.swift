/// The line style of a link on the network map.
public enum RailLinkStroke: String, Sendable, CaseIterable {
    case solid, dashed, dotted, unknown
}
