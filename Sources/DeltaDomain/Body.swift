/// A governance body: the political consultation, the Delta council, a working group, a summit.
public struct Body: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    public var name: String
    public var kind: BodyKind
    public var description: String?
    public var cadence: CadenceRule
    /// The body that steers this one (working groups → DG steering).
    public var parentID: String?
    /// The document and passage that set the body up or its cadence.
    public var establishedBy: PassageReference?
    /// First day the cadence applies (usually the signing date).
    public var since: CalendarDate?
    public var visibility: Visibility

    public init(id: String, name: String, kind: BodyKind, description: String? = nil, cadence: CadenceRule = .none,
                parentID: String? = nil, establishedBy: PassageReference? = nil, since: CalendarDate? = nil,
                visibility: Visibility = .public) {
        self.id = id; self.name = name; self.kind = kind; self.description = description; self.cadence = cadence
        self.parentID = parentID; self.establishedBy = establishedBy; self.since = since; self.visibility = visibility
    }
}
