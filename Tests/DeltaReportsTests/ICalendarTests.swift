import DeltaDomain
import DeltaReports
import DeltaTestSupport
import Foundation
import Testing

/// The physical lines of a feed, split on CRLF, as raw octets (the last, empty one dropped).
private func physicalLines(_ text: String) -> [[UInt8]] {
    var lines: [[UInt8]] = []
    var current: [UInt8] = []
    var bytes = Array(text.utf8)[...]
    while let byte = bytes.first {
        if byte == 13, bytes.dropFirst().first == 10 {
            lines.append(current)
            current = []
            bytes = bytes.dropFirst(2)
            continue
        }
        current.append(byte)
        bytes = bytes.dropFirst()
    }
    if !current.isEmpty { lines.append(current) }
    return lines
}

/// Whether octets are valid UTF-8 on their own (a folded line must never end inside a character).
private func isValidUTF8(_ octets: [UInt8]) -> Bool {
    String(validating: octets, as: UTF8.self) != nil
}

private let day = CalendarDate(year: 2026, month: 9, day: 30)!

@Suite("iCalendar: TEXT escaping")
struct ICalendarEscapingTests {
    @Test("backslash, semicolon, comma and line breaks are escaped")
    func escapes() {
        #expect(ICalendar.escapeText(#"a\b"#) == #"a\\b"#)
        #expect(ICalendar.escapeText("a;b,c") == #"a\;b\,c"#)
        #expect(ICalendar.escapeText("regel 1\nregel 2\r\nregel 3\rregel 4") == #"regel 1\nregel 2\nregel 3\nregel 4"#)
        #expect(ICalendar.escapeText("Antwerpen–Roosendaal: “ë”") == "Antwerpen–Roosendaal: “ë”")
        #expect(ICalendar.escapeText(#"\n"#) == #"\\n"#)
    }

    @Test("escaped text appears in SUMMARY, DESCRIPTION and LOCATION")
    func escapedInFeed() {
        let event = CalendarEvent(uid: "x@deltaberaad", summary: "Overleg; ERTMS, 3RX", description: "Eén\nTwee",
                                  location: #"Gent\Terneuzen"#, day: day)
        let text = ICalendar.unfold(ICalendar.render(name: "Naam, met komma", events: [event], stamp: "20261123T000000Z"))
        #expect(text.contains("\r\nSUMMARY:Overleg\\; ERTMS\\, 3RX\r\n"))
        #expect(text.contains("\r\nDESCRIPTION:Eén\\nTwee\r\n"))
        #expect(text.contains("\r\nLOCATION:Gent\\\\Terneuzen\r\n"))
        #expect(text.contains("\r\nX-WR-CALNAME:Naam\\, met komma\r\n"))
    }
}

@Suite("iCalendar: line folding")
struct ICalendarFoldingTests {
    static let dutch = "DESCRIPTION:Termijn zoals geschreven: rond de zomer van 2026 (uiterlijk 30 september 2026) — "
        + "de ministers zullen de coördinatie met België en Nederland en de financiële afspraken over de "
        + "reëel haalbare dienstregeling op de lijn Antwerpen–Roosendaal en Hasselt–Maastricht bespreken — "
        + "ëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëë"
        + "————————————————————————————————————————————————————————————— einde."

    @Test("a long Dutch line folds at ≤ 75 octets, never inside a character, and unfolds to the original")
    func foldsLongDutchLine() {
        let folded = ICalendar.fold(Self.dutch)
        let lines = physicalLines(folded)
        #expect(lines.count > 5)
        let longest = lines.map(\.count).max() ?? 0
        #expect(longest <= 75)
        let invalid = lines.filter { !isValidUTF8($0) }
        #expect(invalid.isEmpty)
        let continuations = lines.dropFirst()
        let badContinuations = continuations.filter { $0.first != 32 || $0.dropFirst().first == 32 }
        #expect(badContinuations.isEmpty, "every continuation line starts with exactly one space")
        #expect(lines.first?.first != 32)
        #expect(ICalendar.unfold(folded) == Self.dutch)
        // Folding packs lines: only the last line may be much shorter than the limit.
        let short = lines.dropLast().filter { $0.count < 72 }
        #expect(short.isEmpty)
    }

    @Test("a multi-byte character at the limit moves to the next line whole")
    func doesNotSplitAtBoundary() {
        // 12 + 62 = 74 octets, then "ë" (2 octets) would make 76.
        let line = "DESCRIPTION:" + String(repeating: "a", count: 62) + "ëb"
        let lines = physicalLines(ICalendar.fold(line))
        #expect(lines.count == 2)
        #expect(lines.first?.count == 74)
        #expect(lines.last == Array(" ëb".utf8))
        // 75 octets exactly stay on one line.
        let exact = "DESCRIPTION:" + String(repeating: "a", count: 63)
        #expect(ICalendar.fold(exact) == exact)
        let over = physicalLines(ICalendar.fold(exact + "a"))
        #expect(over.map(\.count) == [75, 2])
    }

    @Test("every line of a rendered feed is at most 75 octets and valid UTF-8")
    func feedLines() {
        let event = CalendarEvent(uid: "milestone-lang@deltaberaad", summary: String(Self.dutch.dropFirst(12)),
                                  description: String(Self.dutch.dropFirst(12)), location: "Gent—Terneuzen", day: day)
        let text = ICalendar.render(name: "Deltaberaad – een heel lange kalendernaam met ë en — tekens erin, "
                                    + "lang genoeg om gevouwen te worden", events: [event], stamp: "20261123T000000Z")
        let lines = physicalLines(text)
        let tooLong = lines.filter { $0.count > 75 }
        #expect(tooLong.isEmpty)
        let invalid = lines.filter { !isValidUTF8($0) }
        #expect(invalid.isEmpty)
        #expect(ICalendar.unfold(text).contains("\r\nSUMMARY:" + ICalendar.escapeText(String(Self.dutch.dropFirst(12))) + "\r\n"))
    }
}

@Suite("iCalendar: feed structure")
struct ICalendarFeedTests {
    static let events = [
        CalendarEvent(uid: "milestone-a@deltaberaad", summary: "Afsprakenkader", description: "Termijn", day: day,
                      url: "https://example.org/dossiers/3rx", status: "TENTATIVE"),
        CalendarEvent(uid: "meeting-b@deltaberaad", summary: "Overleg", location: "Antwerpen",
                      day: CalendarDate(year: 2026, month: 12, day: 31)!, status: "CONFIRMED"),
    ]

    @Test("every line ends in CRLF and there is no bare LF or CR")
    func crlf() {
        let text = ICalendar.render(name: "Test", events: Self.events, stamp: "20261123T000000Z")
        #expect(text.hasSuffix("END:VCALENDAR\r\n"))
        let bytes = Array(text.utf8)
        var bare = 0
        for (index, byte) in bytes.enumerated() {
            if byte == 10, index == 0 || bytes[index - 1] != 13 { bare += 1 }
            if byte == 13, index + 1 == bytes.count || bytes[index + 1] != 10 { bare += 1 }
        }
        #expect(bare == 0)
    }

    @Test("the calendar header and one VEVENT per event with all-day dates")
    func structure() {
        let text = ICalendar.render(name: "Test", events: Self.events, stamp: "20261123T000000Z")
        let lines = text.components(separatedBy: "\r\n")
        #expect(Array(lines.prefix(4)) == ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Deltaberaad//NL", "CALSCALE:GREGORIAN"])
        #expect(lines.contains("X-WR-CALNAME:Test"))
        #expect(lines.contains("X-WR-TIMEZONE:Europe/Brussels"))
        let begins = lines.filter { $0 == "BEGIN:VEVENT" }.count
        let ends = lines.filter { $0 == "END:VEVENT" }.count
        #expect(begins == 2)
        #expect(ends == 2)
        #expect(lines.contains("UID:milestone-a@deltaberaad"))
        #expect(lines.contains("DTSTART;VALUE=DATE:20260930"))
        #expect(lines.contains("DTEND;VALUE=DATE:20261001"))
        // DTEND is the next day, across a year's end too.
        #expect(lines.contains("DTSTART;VALUE=DATE:20261231"))
        #expect(lines.contains("DTEND;VALUE=DATE:20270101"))
        let stamps = lines.filter { $0 == "DTSTAMP:20261123T000000Z" }.count
        #expect(stamps == 2)
        #expect(lines.contains("URL:https://example.org/dossiers/3rx"))
        #expect(lines.contains("STATUS:TENTATIVE"))
        #expect(lines.contains("STATUS:CONFIRMED"))
        #expect(lines.contains("LOCATION:Antwerpen"))
        #expect(lines.contains("DESCRIPTION:Termijn"))
        let eventWithoutDescription = text.section(from: "UID:meeting-b", to: "END:VEVENT")
        #expect(!eventWithoutDescription.contains("DESCRIPTION"))
    }

    @Test("an empty calendar is still a valid VCALENDAR")
    func empty() {
        let text = ICalendar.render(name: "Leeg", events: [], stamp: "20261123T000000Z")
        #expect(text.hasPrefix("BEGIN:VCALENDAR\r\n"))
        #expect(text.hasSuffix("END:VCALENDAR\r\n"))
        #expect(!text.contains("VEVENT"))
    }

    @Test("the stamp of a day is midnight UTC")
    func stamp() {
        #expect(ICalendar.stamp(for: CalendarDate(year: 2026, month: 11, day: 23)!) == "20261123T000000Z")
        #expect(ICalendar.dateValue(CalendarDate(year: 987, month: 1, day: 2)!) == "09870102")
    }
}

@Suite("iCalendar: milestones and meetings as events")
struct ICalendarRecordTests {
    @Test("a fuzzy deadline falls on its latest day and keeps its wording")
    func fuzzyMilestone() throws {
        let due = try #require(FuzzyPeriod.parse("rond de zomer van 2026"))
        let milestone = Milestone(id: "3rx-afsprakenkader", dossierID: "3rx", title: "Afsprakenkader", due: due)
        let event = ICalendar.event(milestone: milestone, labels: TestCatalogues.labels(.nl))
        #expect(event.uid == "milestone-3rx-afsprakenkader@deltaberaad")
        #expect(event.day == CalendarDate(year: 2026, month: 9, day: 30)!)
        #expect(event.description?.hasPrefix("Termijn zoals geschreven: rond de zomer van 2026 (uiterlijk 30 september 2026)") == true)
        #expect(event.status == nil)
    }

    @Test("an achieved milestone on a day is confirmed")
    func achievedMilestone() {
        let signed = CalendarDate(year: 2026, month: 2, day: 18)!
        let milestone = Milestone(id: "m", dossierID: "d", title: "Ondertekening", due: FuzzyPeriod(day: signed),
                                  status: .achieved, achievedOn: signed)
        let event = ICalendar.event(milestone: milestone, labels: TestCatalogues.labels(.nl))
        #expect(event.day == signed)
        #expect(event.status == "CONFIRMED")
        #expect(event.description?.hasPrefix("Termijn: 18 februari 2026") == true)
        #expect(event.description?.contains("bereikt op 18 februari 2026") == true)
    }

    @Test("meetings: one day, a wider period, and each status")
    func meetings() throws {
        let held = Meeting(id: "po", bodyID: "b", title: "Ondertekening", when: FuzzyPeriod(day: CalendarDate(year: 2026, month: 2, day: 18)!),
                           place: "Antwerpen", status: .held)
        let heldEvent = ICalendar.event(meeting: held, labels: TestCatalogues.labels(.nl))
        #expect(heldEvent.uid == "meeting-po@deltaberaad")
        #expect(heldEvent.status == "CONFIRMED")
        #expect(heldEvent.location == "Antwerpen")
        #expect(heldEvent.description?.contains("zoals geschreven") == false)

        let period = try #require(FuzzyPeriod.parse("eind tweede kwartaal 2026"))
        let planned = Meeting(id: "v", bodyID: "b", title: "Vervolg", when: period, status: .planned)
        let plannedEvent = ICalendar.event(meeting: planned, bodyName: "Politiek overleg", labels: TestCatalogues.labels(.nl))
        #expect(plannedEvent.status == "TENTATIVE")
        #expect(plannedEvent.day == CalendarDate(year: 2026, month: 6, day: 30)!)
        #expect(plannedEvent.description?.hasPrefix("Datum zoals geschreven: eind tweede kwartaal 2026 (uiterlijk 30 juni 2026)") == true)
        #expect(plannedEvent.description?.contains("Orgaan: Politiek overleg") == true)

        let cancelled = Meeting(id: "c", bodyID: "b", title: "Afgelast", when: period, status: .cancelled)
        #expect(ICalendar.event(meeting: cancelled, labels: TestCatalogues.labels(.nl)).status == "CANCELLED")
    }
}

extension String {
    /// The part between `start` and the next `end` after it (empty when absent).
    fileprivate func section(from start: String, to end: String) -> String {
        guard let from = range(of: start) else { return "" }
        guard let to = self[from.upperBound...].range(of: end) else { return String(self[from.lowerBound...]) }
        return String(self[from.lowerBound..<to.upperBound])
    }
}
