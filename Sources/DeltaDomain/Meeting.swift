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
    /// A remark kept with the meeting (why two announced events are taken as one, say).
    public var note: String?

    public init(id: String, bodyID: String, title: String, when: FuzzyPeriod, place: String? = nil,
                status: MeetingStatus, source: PassageReference? = nil, visibility: Visibility = .public,
                time: MeetingTime? = nil, online: Bool = false, invitees: [Invitee] = [], note: String? = nil) {
        self.id = id; self.bodyID = bodyID; self.title = title; self.when = when; self.place = place
        self.status = status; self.source = source; self.visibility = visibility
        self.time = time; self.online = online; self.invitees = invitees; self.note = note
    }
}
