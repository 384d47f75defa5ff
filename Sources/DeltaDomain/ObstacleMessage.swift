/// A message from the editors to the reporter of an obstacle, read on the reporter's status page.
public struct ObstacleMessage: Hashable, Sendable, Codable {
    /// When it was written (ISO 8601).
    public var at: String
    public var text: String

    public init(at: String, text: String) { self.at = at; self.text = text }
}
