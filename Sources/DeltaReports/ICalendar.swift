import DeltaDomain

/// iCalendar (RFC 5545) feeds of the register's deadlines and meetings. Pure: no I/O, no clock.
public enum ICalendar {
    /// The longest a content line may be, in octets, before it is folded (RFC 5545 §3.1).
    public static let maximumLineOctets = 75

    /// A whole `VCALENDAR` with one `VEVENT` per event, CRLF line endings, folded lines.
    /// `stamp` is the UTC date-time written as every event's `DTSTAMP` ("20261123T000000Z").
    public static func render(name: String, events: [CalendarEvent], stamp: String) -> String {
        var lines = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Deltaberaad//NL",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "X-WR-CALNAME:\(escapeText(name))",
            "X-WR-TIMEZONE:Europe/Brussels",
        ]
        for zone in Set(events.compactMap { $0.time?.timeZone }).sorted() { lines += timeZone(zone) }
        for event in events {
            lines.append("BEGIN:VEVENT")
            lines.append("UID:\(escapeText(event.uid))")
            lines.append("DTSTAMP:\(stamp)")
            if let time = event.time {
                lines.append("DTSTART;TZID=\(time.timeZone):\(dateValue(event.day))T\(clock(time.start))")
                if let end = time.end { lines.append("DTEND;TZID=\(time.timeZone):\(dateValue(event.day))T\(clock(end))") }
            } else {
                lines.append("DTSTART;VALUE=DATE:\(dateValue(event.day))")
                lines.append("DTEND;VALUE=DATE:\(dateValue(event.day.adding(days: 1)))")
            }
            lines.append("SUMMARY:\(escapeText(event.summary))")
            if let description = event.description { lines.append("DESCRIPTION:\(escapeText(description))") }
            if let location = event.location { lines.append("LOCATION:\(escapeText(location))") }
            // URL is of value type URI, not TEXT: it is not escaped, only stripped of line breaks.
            if let url = event.url { lines.append("URL:\(url.filter { $0 != "\n" && $0 != "\r" && $0 != "\r\n" })") }
            if let status = event.status { lines.append("STATUS:\(status)") }
            lines.append(event.time == nil ? "TRANSP:TRANSPARENT" : "TRANSP:OPAQUE")
            lines.append("END:VEVENT")
        }
        lines.append("END:VCALENDAR")
        return lines.map { fold($0) + "\r\n" }.joined()
    }

    /// A TEXT value escaped (RFC 5545 §3.3.11): backslash, semicolon and comma get a backslash,
    /// every line break becomes `\n`.
    public static func escapeText(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "\\": result += "\\\\"
            case ";": result += "\\;"
            case ",": result += "\\,"
            case "\r\n", "\n", "\r": result += "\\n"
            default: result.append(character)
            }
        }
        return result
    }

    /// One content line folded at `maximumLineOctets` octets of UTF-8 (RFC 5545 §3.1): the parts are
    /// joined by CRLF and a single space, which counts toward the next part's length. A line is only
    /// ever broken between characters, so no UTF-8 sequence (nor a character with combining marks)
    /// is split; a single character longer than a whole line is broken between its scalars.
    public static func fold(_ line: String) -> String {
        if line.utf8.count <= maximumLineOctets { return line }
        var result = ""
        var octets = 0
        var limit = maximumLineOctets
        func breakLine() {
            result += "\r\n "
            octets = 1
            limit = maximumLineOctets
        }
        for character in line {
            let size = character.utf8.count
            if octets + size <= limit {
                result.append(character)
                octets += size
            } else if size <= maximumLineOctets - 1 {
                breakLine()
                result.append(character)
                octets += size
            } else {
                for scalar in character.unicodeScalars {
                    let scalarSize = String(scalar).utf8.count
                    if octets + scalarSize > limit { breakLine() }
                    result.unicodeScalars.append(scalar)
                    octets += scalarSize
                }
            }
        }
        return result
    }

    /// Undoes folding: every CRLF followed by a space or tab is removed (RFC 5545 §3.1).
    public static func unfold(_ text: String) -> String {
        var result = ""
        var scalars = Array(text.unicodeScalars)[...]
        while let scalar = scalars.first {
            if scalar == "\r", scalars.dropFirst().first == "\n",
               let next = scalars.dropFirst(2).first, next == " " || next == "\t" {
                scalars = scalars.dropFirst(3)
                continue
            }
            result.unicodeScalars.append(scalar)
            scalars = scalars.dropFirst()
        }
        return result
    }

    /// "10:00" as the time part of a local DATE-TIME: "100000".
    static func clock(_ time: String) -> String { time.filter { $0 != ":" } + "00" }

    /// The `VTIMEZONE` of Brussels or Amsterdam: Central European Time with the EU's summer time
    /// (last Sunday of March 02:00 → 03:00, last Sunday of October 03:00 → 02:00), both zones alike.
    static func timeZone(_ zone: String) -> [String] {
        ["BEGIN:VTIMEZONE", "TZID:\(zone)",
         "BEGIN:DAYLIGHT", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "TZNAME:CEST", "DTSTART:19700329T020000",
         "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT",
         "BEGIN:STANDARD", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "TZNAME:CET", "DTSTART:19701025T030000",
         "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD",
         "END:VTIMEZONE"]
    }

    /// A DATE value: `YYYYMMDD`.
    public static func dateValue(_ date: CalendarDate) -> String {
        String(date.iso.filter { $0 != "-" })
    }

    /// The `DTSTAMP` for a day: midnight UTC, "20261123T000000Z".
    public static func stamp(for day: CalendarDate) -> String { "\(dateValue(day))T000000Z" }

    /// The UID of a milestone's event.
    public static func uid(milestoneID: String) -> String { "milestone-\(milestoneID)@deltaberaad" }

    /// The UID of a meeting's event.
    public static func uid(meetingID: String) -> String { "meeting-\(meetingID)@deltaberaad" }

    /// A milestone as an all-day event on its deadline, the period's latest day. The description
    /// starts with the deadline as written, so "rond de zomer van 2026" is never mistaken for
    /// "30 september 2026".
    public static func event(milestone: Milestone, url: String? = nil, labels: Labels) -> CalendarEvent {
        var parts = [periodWording(milestone.due, kind: "deadline", labels: labels)]
        if milestone.status == .achieved, let achievedOn = milestone.achievedOn {
            parts.append(labels.text("feed.statusAchievedOn", ["status": labels.milestoneStatus(milestone.status), "date": labels.date(achievedOn)]))
        } else {
            parts.append(labels.text("feed.status", ["status": labels.milestoneStatus(milestone.status)]))
        }
        if let note = milestone.note, !note.isEmpty { parts.append(note) }
        let eventStatus: String? = switch milestone.status {
        case .achieved: "CONFIRMED"
        case .cancelled: "CANCELLED"
        case .planned, .inProgress, .delayed: nil
        }
        return CalendarEvent(uid: uid(milestoneID: milestone.id), summary: milestone.title,
                             description: parts.joined(separator: "\n"), day: milestone.due.latest, url: url,
                             status: eventStatus)
    }

    /// A meeting as an all-day event on the last day of its period; a meeting whose day is not
    /// fixed yet says its period as written in the description.
    public static func event(meeting: Meeting, bodyName: String? = nil, url: String? = nil, labels: Labels) -> CalendarEvent {
        var parts: [String] = []
        if meeting.when.earliest != meeting.when.latest { parts.append(periodWording(meeting.when, kind: "date", labels: labels)) }
        if let bodyName { parts.append(labels.text("feed.body", ["name": bodyName])) }
        parts.append(labels.text("feed.status", ["status": labels.meetingStatus(meeting.status)]))
        let eventStatus = switch meeting.status {
        case .held, .confirmed: "CONFIRMED"
        case .planned, .postponed: "TENTATIVE"
        case .cancelled: "CANCELLED"
        }
        if let time = meeting.time { parts.append(labels.text("feed.time", ["time": time.wording, "zone": time.timeZone])) }
        if meeting.online { parts.append(labels.text("feed.online")) }
        let location = [meeting.place, meeting.online ? labels.text("feed.onlineLocation") : nil].compactMap { $0 }.joined(separator: " / ")
        // Only a meeting whose day is fixed gets its clock time; otherwise it stays all-day on its last day.
        let timed = meeting.when.earliest == meeting.when.latest ? meeting.time : nil
        return CalendarEvent(uid: uid(meetingID: meeting.id), summary: meeting.title,
                             description: parts.joined(separator: "\n"), location: location.isEmpty ? nil : location,
                             day: meeting.when.latest, url: url, status: eventStatus, time: timed)
    }

    /// "Termijn zoals geschreven: rond de zomer van 2026 (uiterlijk 30 september 2026)", or for a
    /// single day "Termijn: 18 februari 2026".
    /// `kind` is `deadline` or `date`.
    static func periodWording(_ period: FuzzyPeriod, kind: String, labels: Labels) -> String {
        if period.earliest == period.latest { return labels.text("feed.\(kind).day", ["date": labels.date(period.latest)]) }
        return labels.text("feed.\(kind).asWritten", ["wording": period.wording, "latest": labels.date(period.latest)])
    }
}
