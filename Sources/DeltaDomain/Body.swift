/// How often a body must meet, as the documents require.
public enum CadenceRule: Hashable, Sendable, Codable {
    /// At least `count` meetings per calendar year ("ten minste tweemaal per jaar").
    case perYear(count: Int)
    /// At least `count` meetings in each half of the calendar year ("halfjaarlijks").
    case perHalfYear(count: Int)
    /// Once a year, expected around a season ("jaarlijks, rond de zomer").
    case yearlyAround(season: String)
    /// No rule.
    case none

    /// The minimum number of meetings per calendar year the rule implies.
    public var meetingsPerYear: Int {
        switch self {
        case .perYear(let count): return count
        case .perHalfYear(let count): return 2 * count
        case .yearlyAround: return 1
        case .none: return 0
        }
    }
}

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

/// An organisation's (or a person's) place in a body.
public struct Membership: Hashable, Sendable, Codable {
    public var bodyID: String
    public var organisationID: String
    /// A named person, when the document names one.
    public var person: String?
    public var role: MembershipRole
    /// Invited parties take part when relevant but are not members.
    public var invited: Bool
    public var from: CalendarDate?
    public var until: CalendarDate?

    public init(bodyID: String, organisationID: String, person: String? = nil, role: MembershipRole = .member,
                invited: Bool = false, from: CalendarDate? = nil, until: CalendarDate? = nil) {
        self.bodyID = bodyID; self.organisationID = organisationID; self.person = person; self.role = role
        self.invited = invited; self.from = from; self.until = until
    }
}

/// A meeting of a body.
public struct Meeting: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    public var bodyID: String
    public var title: String
    /// The day, or the expected period for a planned meeting whose day is not fixed.
    public var when: FuzzyPeriod
    public var place: String?
    public var status: MeetingStatus
    /// The document that reports the meeting or announces it.
    public var source: PassageReference?
    public var visibility: Visibility

    public init(id: String, bodyID: String, title: String, when: FuzzyPeriod, place: String? = nil,
                status: MeetingStatus, source: PassageReference? = nil, visibility: Visibility = .public) {
        self.id = id; self.bodyID = bodyID; self.title = title; self.when = when; self.place = place
        self.status = status; self.source = source; self.visibility = visibility
    }
}
