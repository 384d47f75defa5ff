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
    /// The clock time, once the day is fixed.
    public var time: MeetingTime?
    /// Held online (a place may still be given for those who meet in person).
    public var online: Bool
    /// Who is invited for this meeting only (outside the body's members too) and who came.
    public var invitees: [Invitee]

    public init(id: String, bodyID: String, title: String, when: FuzzyPeriod, place: String? = nil,
                status: MeetingStatus, source: PassageReference? = nil, visibility: Visibility = .public,
                time: MeetingTime? = nil, online: Bool = false, invitees: [Invitee] = []) {
        self.id = id; self.bodyID = bodyID; self.title = title; self.when = when; self.place = place
        self.status = status; self.source = source; self.visibility = visibility
        self.time = time; self.online = online; self.invitees = invitees
    }
}

/// A meeting's clock time in its time zone: "10:00–12:30" in Europe/Brussels.
///
/// Why a zone per meeting: a meeting in The Hague is announced in Amsterdam time, one in Brussels
/// in Brussels time; the zones agree today, but a calendar must carry the one the meeting was set in.
public struct MeetingTime: Hashable, Sendable, Codable {
    /// Start, "HH:MM".
    public var start: String
    /// End, "HH:MM", after the start.
    public var end: String?
    /// An IANA zone: Europe/Brussels or Europe/Amsterdam.
    public var timeZone: String

    /// The zones meetings are held in.
    public static let zones = ["Europe/Brussels", "Europe/Amsterdam"]

    public init?(start: String, end: String? = nil, timeZone: String = "Europe/Brussels") {
        guard Self.minutes(start) != nil, Self.zones.contains(timeZone) else { return nil }
        if let end { guard let to = Self.minutes(end), to > Self.minutes(start)! else { return nil } }
        self.start = start; self.end = end; self.timeZone = timeZone
    }

    /// Parses "10:00", "10.00", "10:00-12:30", "10:00–12:30", "10.00 tot 12.30 uur".
    public static func parse(_ text: String, timeZone: String = "Europe/Brussels") -> MeetingTime? {
        var cleaned = text.lowercased().replacing("uur", with: "").replacing("tot", with: "-")
            .replacing("–", with: "-").replacing(".", with: ":")
        cleaned = cleaned.filter { !$0.isWhitespace }
        let parts = cleaned.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard (1...2).contains(parts.count), let start = normalized(parts[0]) else { return nil }
        let end = parts.count == 2 ? normalized(parts[1]) : nil
        if parts.count == 2, end == nil { return nil }
        return MeetingTime(start: start, end: end, timeZone: timeZone)
    }

    /// "HH:MM" for "H:MM" or "HH:MM"; nil when not a time of day.
    private static func normalized(_ text: String) -> String? {
        let pieces = text.split(separator: ":", omittingEmptySubsequences: false)
        guard pieces.count == 2, let hour = Int(pieces[0]), let minute = Int(pieces[1]), pieces[1].count == 2,
              (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        return (hour < 10 ? "0" : "") + "\(hour):" + pieces[1]
    }

    /// Minutes since midnight of "HH:MM".
    public static func minutes(_ text: String) -> Int? {
        guard let normal = normalized(text) else { return nil }
        let pieces = normal.split(separator: ":")
        return Int(pieces[0])! * 60 + Int(pieces[1])!
    }

    /// "10:00–12:30" or "10:00".
    public var wording: String { end.map { "\(start)–\($0)" } ?? start }
}

/// Whether an invitee came.
public enum Attendance: String, Sendable, Codable, CaseIterable, Hashable {
    case invited, present, excused, absent
}

/// An organisation or a person invited to one meeting, with their attendance.
public struct Invitee: Hashable, Sendable, Codable {
    public var organisationID: String?
    public var person: String?
    public var attendance: Attendance

    public init(organisationID: String? = nil, person: String? = nil, attendance: Attendance = .invited) {
        self.organisationID = organisationID; self.person = person; self.attendance = attendance
    }
}
