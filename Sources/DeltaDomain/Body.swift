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
    /// From this day the register keeps every meeting of the body; before it (or always, when
    /// nil) a shortfall of recorded meetings is unknown rather than missed.
    public var meetingsRecordedSince: CalendarDate?
    public var visibility: Visibility

    public init(id: String, name: String, kind: BodyKind, description: String? = nil, cadence: CadenceRule = .none,
                parentID: String? = nil, establishedBy: PassageReference? = nil, since: CalendarDate? = nil,
                meetingsRecordedSince: CalendarDate? = nil, visibility: Visibility = .public) {
        self.id = id; self.name = name; self.kind = kind; self.description = description; self.cadence = cadence
        self.parentID = parentID; self.establishedBy = establishedBy; self.since = since
        self.meetingsRecordedSince = meetingsRecordedSince; self.visibility = visibility
    }
}

extension Body {
    /// How completely the register keeps this body's meetings.
    public var meetingRecords: MeetingRecords {
        meetingsRecordedSince.map(MeetingRecords.since) ?? .notKept
    }
}

extension CadenceRules {
    /// Cadence compliance of `body` in `year`: its rule, start and meeting records.
    public static func compliance(of body: Body, meetings: [Meeting], year: Int, today: CalendarDate) -> YearCompliance {
        compliance(rule: body.cadence, since: body.since, records: body.meetingRecords, meetings: meetings, year: year, today: today)
    }
}
