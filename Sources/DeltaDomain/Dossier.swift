/// A subject the cooperation works on: ERTMS, Antwerpen–Roosendaal, 3RX, …
public struct Dossier: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    public var title: String
    public var summary: String
    /// Themes for filtering ("passenger", "freight", "ertms", "military", …).
    public var themes: [String]
    /// The body (working group) that carries the dossier.
    public var bodyID: String?
    /// Lead organisations, usually one per country.
    public var leadIDs: [String]
    /// The rail links the dossier is about (ids of `RailLink` records).
    public var railLinkIDs: [String]
    public var mandate: PoliticalMandate?
    public var visibility: Visibility

    public init(id: String, title: String, summary: String, themes: [String] = [], bodyID: String? = nil,
                leadIDs: [String] = [], railLinkIDs: [String] = [], mandate: PoliticalMandate? = nil,
                visibility: Visibility = .public) {
        self.id = id; self.title = title; self.summary = summary; self.themes = themes; self.bodyID = bodyID
        self.leadIDs = leadIDs; self.railLinkIDs = railLinkIDs; self.mandate = mandate; self.visibility = visibility
    }
}
