import DeltaDomain

/// One event of a calendar feed.
///
/// Deadlines and meeting days are civil dates, never instants: such events are all-day
/// (`DTSTART;VALUE=DATE` and an exclusive `DTEND` on the next day). A meeting with a fixed day and
/// clock time is a timed event in its own zone (`DTSTART;TZID=Europe/Brussels:…`), and the feed
/// then carries that zone's `VTIMEZONE`.
public struct CalendarEvent: Hashable, Sendable {
    /// Stable identifier: "milestone-<id>@deltaberaad", "meeting-<id>@deltaberaad".
    public var uid: String
    public var summary: String
    public var description: String?
    public var location: String?
    /// The day the event falls on.
    public var day: CalendarDate
    /// An absolute link to the record's page.
    public var url: String?
    /// `CONFIRMED`, `TENTATIVE` or `CANCELLED`.
    public var status: String?
    /// The clock time in its zone, for a meeting whose day and time are fixed; nil for all-day events.
    public var time: MeetingTime?

    public init(uid: String, summary: String, description: String? = nil, location: String? = nil,
                day: CalendarDate, url: String? = nil, status: String? = nil, time: MeetingTime? = nil) {
        self.uid = uid; self.summary = summary; self.description = description; self.location = location
        self.day = day; self.url = url; self.status = status; self.time = time
    }
}
