import DeltaDomain
import DeltaImport
import DeltaStore
import DeltaWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The iCalendar feeds of bodies and dossiers, over the demo register.
@Suite("Calendar feeds")
struct CalendarFeedTests {
    /// Meetings of `politiek-overleg` in `data/demo/meetings.yaml` (both planned).
    static let politiekOverlegMeetings = ["vervolgbijeenkomst-2026-q2", "politiek-overleg-zomer-2026"]
    /// Meetings of `vlaams-nederlandse-top` in `data/demo/meetings.yaml` (all held).
    static let summitMeetings = ["top-2025-gent", "top-2018-middelburg", "top-2016-gent"]
    /// Milestones of `3rx` in `data/demo/milestones.yaml` (none cancelled; all three shared by the
    /// ten dossiers of the 2026 declaration).
    static let threeRXMilestones = ["ondertekening-verklaring-2026", "vervolgbijeenkomst-2026-q2", "afsprakenkader-zomer-2026"]

    /// GETs a feed that must answer 200 as text/calendar; returns the unfolded text.
    static func feed(_ client: any TestClientProtocol, _ uri: String) async throws -> String {
        let response = try await client.get(uri)
        #expect(response.status == .ok, "GET \(uri)")
        #expect(response.headers[.contentType] == "text/calendar; charset=utf-8",
                "GET \(uri): content type \(response.headers[.contentType] ?? "none")")
        return response.text
    }

    /// Folded lines joined back (RFC 5545 §3.1).
    static func unfold(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n ", with: "").replacingOccurrences(of: "\r\n\t", with: "")
    }

    struct EventNotFound: Error, CustomStringConvertible {
        let description: String
    }

    /// The lines of the one VEVENT of an unfolded feed whose UID starts with `uid`, from
    /// `BEGIN:VEVENT` to `END:VEVENT`, each line ending in CRLF; throws when the feed has no such
    /// event or more than one.
    static func event(_ uid: String, in unfolded: String) throws -> String {
        var events: [[String]] = []
        var current: [String]?
        for line in unfolded.components(separatedBy: "\r\n") {
            if line == "BEGIN:VEVENT" { current = [] }
            current?.append(line)
            if line == "END:VEVENT", let lines = current {
                events.append(lines)
                current = nil
            }
        }
        let matching = events.filter { lines in lines.contains { $0.hasPrefix("UID:\(uid)") } }
        guard matching.count == 1, let lines = matching.first else {
            throw EventNotFound(description: "\(matching.count) of the feed's \(events.count) events have a UID starting “\(uid)”, expected one")
        }
        return lines.map { $0 + "\r\n" }.joined()
    }

    @Test("a body's feed holds every meeting of the body, with stable UIDs and DTSTAMP from today")
    func bodyFeed() async throws {
        let (text, summitText) = try await withDemoApp { client in
            (try await Self.feed(client, "/bodies/politiek-overleg/calendar.ics"), try await Self.feed(client, "/bodies/vlaams-nederlandse-top/calendar.ics"))
        }
        let unfolded = Self.unfold(text)
        #expect(unfolded.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Deltaberaad//NL\r\n"))
        #expect(unfolded.hasSuffix("END:VCALENDAR\r\n"))
        for id in Self.politiekOverlegMeetings {
            #expect(unfolded.contains("\r\nUID:meeting-\(id)@deltaberaad\r\n"), "UID of meeting \(id)")
        }
        #expect(unfolded.occurrences(of: "BEGIN:VEVENT") == Self.politiekOverlegMeetings.count)
        #expect(unfolded.occurrences(of: "\r\nDTSTAMP:20261123T000000Z\r\n") == Self.politiekOverlegMeetings.count)
        // The summer consultation is only planned: tentative, on the last day of its period.
        let summer = try Self.event("meeting-politiek-overleg-zomer-2026@", in: unfolded)
        #expect(summer.contains("DTSTART;VALUE=DATE:20260930\r\n"))
        #expect(summer.contains("STATUS:TENTATIVE\r\n"))
        #expect(summer.contains("DESCRIPTION:Datum zoals geschreven: rond de zomer van 2026 (uiterlijk 30 september 2026)"))
        #expect(!unfolded.contains("STATUS:CONFIRMED\r\n"), "no meeting of the consultation has been held")

        // A held meeting with a day and a place (the politiek overleg has none yet): the Gent summit of 2025.
        let summit = Self.unfold(summitText)
        for id in Self.summitMeetings {
            #expect(summit.contains("\r\nUID:meeting-\(id)@deltaberaad\r\n"), "UID of meeting \(id)")
        }
        #expect(summit.occurrences(of: "BEGIN:VEVENT") == Self.summitMeetings.count)
        #expect(summit.occurrences(of: "\r\nDTSTAMP:20261123T000000Z\r\n") == Self.summitMeetings.count)
        let gent = try Self.event("meeting-top-2025-gent@", in: summit)
        #expect(gent.contains("DTSTART;VALUE=DATE:20250401\r\nDTEND;VALUE=DATE:20250402\r\n"))
        #expect(gent.contains("LOCATION:Gent\r\n"))
        #expect(gent.contains("STATUS:CONFIRMED\r\n"))
    }

    @Test("a dossier's feed holds its open and achieved milestones and the meetings of its body")
    func dossierFeed() async throws {
        let text = try await withDemoApp { client in try await Self.feed(client, "/dossiers/3rx/calendar.ics") }
        let unfolded = Self.unfold(text)
        for id in Self.threeRXMilestones {
            #expect(unfolded.contains("\r\nUID:milestone-\(id)@deltaberaad\r\n"), "UID of milestone \(id)")
        }
        let frame = try Self.event("milestone-afsprakenkader-zomer-2026@", in: unfolded)
        #expect(frame.contains("DTSTART;VALUE=DATE:20260930\r\nDTEND;VALUE=DATE:20261001\r\n"))
        #expect(frame.contains("DESCRIPTION:Termijn zoals geschreven: rond de zomer van 2026 (uiterlijk 30 september 2026)"))
        let signed = try Self.event("milestone-ondertekening-verklaring-2026@", in: unfolded)
        #expect(signed.contains("STATUS:CONFIRMED\r\n"))
        #expect(unfolded.contains("X-WR-CALNAME:Deltaberaad – 3RX – spoorverbinding haven Antwerpen–Ruhrgebied\r\n"))
    }

    @Test("every dossier's feed holds its milestones except the cancelled ones, and its body's meetings")
    func dossierFeedSelection() async throws {
        let engine = try await demoDatabase.value
        let scope = ReadScope(visibilities: [.public, .internal])
        let (dossiers, milestones, meetings) = try await engine.read { db in
            let register = Register(db: db, scope: scope)
            return (try await register.dossiers(), try await register.milestones(), try await register.meetings())
        }
        let ids = dossiers.map(\.id)
        let texts = try await withDemoApp { client in
            var texts: [String: String] = [:]
            for id in ids { texts[id] = Self.unfold(try await Self.feed(client, "/dossiers/\(id)/calendar.ics")) }
            return texts
        }
        #expect(texts.count == dossiers.count)
        // A shared milestone is in the feed of each of its dossiers.
        for milestone in milestones {
            for dossierID in milestone.dossierIDs {
                guard let text = texts[dossierID] else { continue }
                let expected = milestone.status != .cancelled
                let present = text.contains("\r\nUID:milestone-\(milestone.id)@deltaberaad\r\n")
                #expect(present == expected, "milestone \(milestone.id) in the feed of \(dossierID)")
            }
        }
        for dossier in dossiers {
            guard let text = texts[dossier.id] else { continue }
            for meeting in meetings {
                let present = text.contains("\r\nUID:meeting-\(meeting.id)@deltaberaad\r\n")
                #expect(present == (meeting.bodyID == dossier.bodyID), "meeting \(meeting.id) in the feed of \(dossier.id)")
            }
        }
    }

    @Test("unknown ids answer 404 like the record pages")
    func unknown() async throws {
        try await withDemoApp { client in
            for uri in ["/bodies/bestaat-niet/calendar.ics", "/dossiers/bestaat-niet/calendar.ics"] {
                let response = try await client.get(uri)
                #expect(response.status == .notFound, "GET \(uri)")
                #expect(response.headers[.contentType]?.hasPrefix("text/html") == true, "GET \(uri)")
                #expect(response.text.contains("bestaat-niet"), "GET \(uri)")
            }
        }
    }

    @Test("the feed is deterministic")
    func deterministic() async throws {
        let (first, second) = try await withDemoApp { client in
            (try await Self.feed(client, "/dossiers/3rx/calendar.ics"), try await Self.feed(client, "/dossiers/3rx/calendar.ics"))
        }
        #expect(first == second)
    }

    @Test("python icalendar parses both feeds and finds every event")
    func pythonICalendarParses() async throws {
        let (body, dossier) = try await withDemoApp { client in
            (try await Self.feed(client, "/bodies/politiek-overleg/calendar.ics"), try await Self.feed(client, "/dossiers/3rx/calendar.ics"))
        }
        let bodyCount = try await PythonICalendar.countEvents(body)
        #expect(bodyCount == Self.politiekOverlegMeetings.count)
        let dossierCount = try await PythonICalendar.countEvents(dossier)
        #expect(dossierCount == Self.unfold(dossier).occurrences(of: "BEGIN:VEVENT"))
        #expect(dossierCount >= Self.threeRXMilestones.count)
    }
}

@Suite("Timed meetings in the feeds")
struct TimedMeetingFeedTests {
    @Test("a meeting with a day and a time is a timed event in its own zone; python icalendar puts it at the right instant, summer and winter")
    func timeZones() async throws {
        let feed = try await withAccountsApp { client, _ -> String in
            let root = Browser(client)
            try await root.signIn("root")
            for (id, day, time, zone) in [("zomer", "2026-06-15", "10:00–12:30", "Europe/Amsterdam"), ("winter", "2026-12-10", "10.00 tot 11.15 uur", "Europe/Brussels")] {
                let created = try await root.send(.post, "/api/meetings", json: """
                    {"id": "wg3rx-\(id)", "fields": {"bodyID": "werkgroep-3rx", "title": "Werkgroep 3RX \(id)", "when": "\(day)", "time": "\(time)",
                     "timeZone": "\(zone)", "place": "Den Haag", "online": "yes", "status": "confirmed", "visibility": "public"}}
                    """)
                #expect(created.status == .created, "\(created.text.prefix(300))")
            }
            let undated = try await root.send(.post, "/api/meetings", json: """
                {"id": "wg3rx-vaag", "fields": {"bodyID": "werkgroep-3rx", "title": "Ooit", "when": "najaar 2027", "time": "10:00", "status": "planned"}}
                """)
            #expect(undated.status == .unprocessableContent, "a time needs a fixed day")
            return try await Browser(client).get("/bodies/werkgroep-3rx/calendar.ics").text
        }
        #expect(feed.contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Amsterdam"))
        #expect(feed.contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Brussels"))
        #expect(feed.contains("DTSTART;TZID=Europe/Amsterdam:20260615T100000"))
        let lines = try await PythonICalendar.run(PythonICalendar.timesScript, feed: feed).split(separator: "\n").map(String.init)
        #expect(lines.contains("meeting-wg3rx-zomer@deltaberaad 2026-06-15T08:00Z 2026-06-15T10:30Z Europe/Amsterdam"), "CEST is UTC+2: \(lines)")
        #expect(lines.contains("meeting-wg3rx-winter@deltaberaad 2026-12-10T09:00Z 2026-12-10T10:15Z Europe/Brussels"), "CET is UTC+1: \(lines)")
    }
}

/// Runs the python `icalendar` package over a feed: an independent parser.
/// Missing python or icalendar is a failure, never a skip.
enum PythonICalendar {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static let script = """
        import sys, icalendar
        c = icalendar.Calendar.from_ical(sys.stdin.read())
        print(len(c.walk("VEVENT")))
        """

    static func countEvents(_ feed: String) async throws -> Int {
        let stdout = try await run(script, feed: feed)
        guard let count = Int(stdout) else { throw Failure(description: "python printed “\(stdout)”") }
        return count
    }

    /// Every timed event as "UID START-IN-UTC END-IN-UTC TZID", parsed with the feed's own VTIMEZONEs.
    static let timesScript = """
        import sys, icalendar, datetime
        c = icalendar.Calendar.from_ical(sys.stdin.read())
        for e in c.walk("VEVENT"):
            start = e.decoded("DTSTART")
            if isinstance(start, datetime.datetime):
                end = e.decoded("DTEND") if e.get("DTEND") is not None else None
                utc = datetime.timezone.utc
                print(str(e["UID"]), start.astimezone(utc).strftime("%Y-%m-%dT%H:%MZ"),
                      end.astimezone(utc).strftime("%Y-%m-%dT%H:%MZ") if end else "-", e["DTSTART"].params.get("TZID"))
        """

    /// Runs a python script over a feed on standard input and returns what it printed.
    static func run(_ script: String, feed: String) async throws -> String {
        let outcome: ExternalProgram.Outcome
        do {
            outcome = try await ExternalProgram.run("python3", ["-c", script], input: feed)
        } catch is ExternalProgram.NotStarted {
            throw Failure(description: "python3 could not be started; install python3 and `python3 -m pip install icalendar`")
        }
        if outcome.errors.contains("No module named 'icalendar'") {
            throw Failure(description: "python3 has no icalendar module: run `python3 -m pip install icalendar` (scripts/test needs it)")
        }
        guard outcome.succeeded else {
            throw Failure(description: "python icalendar rejected the feed (exit \(outcome.status)): \(outcome.errors)")
        }
        return outcome.output.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
