import DeltaDomain
import Foundation
import Testing

@Suite("CalendarDate")
struct CalendarDateTests {
    @Test("Gregorian leap years", arguments: [
        (2024, true), (2025, false), (2026, false), (2028, true),
        (1900, false), (2000, true), (2100, false), (2400, true),
    ])
    func leapYears(year: Int, leap: Bool) {
        #expect(CalendarDate.isLeap(year) == leap)
        #expect(CalendarDate.daysIn(month: 2, year: year) == (leap ? 29 : 28))
    }

    @Test func daysInMonths() {
        let lengths = (1...12).map { CalendarDate.daysIn(month: $0, year: 2026) }
        #expect(lengths == [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31])
        #expect(CalendarDate.endOf(month: 2, year: 2024) == day("2024-02-29"))
        #expect(CalendarDate.startOf(month: 7, year: 2026) == day("2026-07-01"))
    }

    @Test func invalidDaysAreRejected() {
        #expect(CalendarDate(year: 2025, month: 2, day: 29) == nil)
        #expect(CalendarDate(year: 2024, month: 2, day: 29) != nil)
        #expect(CalendarDate(year: 2026, month: 4, day: 31) == nil)
        #expect(CalendarDate(year: 2026, month: 13, day: 1) == nil)
        #expect(CalendarDate(year: 2026, month: 0, day: 1) == nil)
        #expect(CalendarDate(year: 2026, month: 1, day: 0) == nil)
        #expect(CalendarDate(year: 0, month: 1, day: 1) == nil)
    }

    @Test func knownDayNumbers() {
        #expect(day("1970-01-01").dayNumber == 0)
        #expect(day("1969-12-31").dayNumber == -1)
        #expect(day("2000-03-01").dayNumber == 11_017)
        #expect(day("2026-02-18").dayNumber == 20_502)
        #expect(CalendarDate(dayNumber: 20_502) == day("2026-02-18"))
        // Held in four bytes, ordered as the calendar is, before year 1 too.
        #expect(MemoryLayout<CalendarDate>.size == 4)
        let far = [-1_000_000, -800_000, -1, 0, 1, 59, 60, 365, 20_502, 2_932_896]
        #expect(far.map(CalendarDate.init(dayNumber:)).map(\.dayNumber) == far)
        for (earlier, later) in zip(far, far.dropFirst()) { #expect(CalendarDate(dayNumber: earlier) < CalendarDate(dayNumber: later)) }
        #expect(CalendarDate(dayNumber: -800_000).year < 0)
    }

    @Test func dayNumbersRoundTrip() {
        for number in stride(from: -700_000, through: 2_900_000, by: 997) {
            let date = CalendarDate(dayNumber: number)
            #expect(date.dayNumber == number)
            #expect(CalendarDate(year: date.year, month: date.month, day: date.day) == date)
        }
    }

    @Test func consecutiveDaysThroughLeapYears() {
        // Walking day by day must visit every valid date of 2023–2025 exactly once, in order.
        var date = day("2023-01-01")
        var visited = 0
        while date.year < 2026 {
            let next = date.adding(days: 1)
            #expect(next > date)
            #expect(date.days(until: next) == 1)
            visited += 1
            date = next
        }
        #expect(visited == 365 + 366 + 365)
        #expect(day("2024-02-28").adding(days: 1) == day("2024-02-29"))
        #expect(day("2025-02-28").adding(days: 1) == day("2025-03-01"))
        #expect(day("2026-03-01").adding(days: -1) == day("2026-02-28"))
        #expect(day("2024-01-01").days(until: day("2025-01-01")) == 366)
        #expect(day("2026-01-01").days(until: day("2025-01-01")) == -365)
    }

    @Test func ordering() {
        #expect(day("2025-12-31") < day("2026-01-01"))
        #expect(day("2026-01-31") < day("2026-02-01"))
        #expect(!(day("2026-02-18") < day("2026-02-18")))
    }

    @Test func isoFormatting() {
        #expect(day("2026-02-18").iso == "2026-02-18")
        #expect(CalendarDate(year: 7, month: 3, day: 5)?.iso == "0007-03-05")
        #expect(day("2026-02-18").description == "2026-02-18")
    }

    @Test("every day of years of one to four digits is written and read back alike")
    func isoRoundTrip() {
        for year in [1, 9, 10, 99, 100, 999, 1000, 2024, 2026, 9999] {
            for month in 1...12 {
                for dayOfMonth in 1...CalendarDate.daysIn(month: month, year: year) {
                    let date = CalendarDate(year: year, month: month, day: dayOfMonth)!
                    let padded = String(repeating: "0", count: 4 - String(year).count) + String(year)
                    let expected = padded + (month < 10 ? "-0" : "-") + String(month) + (dayOfMonth < 10 ? "-0" : "-") + String(dayOfMonth)
                    #expect(date.iso == expected)
                    #expect(CalendarDate(iso: expected) == date)
                }
            }
        }
    }

    @Test("ISO parse errors", arguments: [
        "", "2026", "2026-02", "2026-2-18", "2026-02-8", "26-02-18", "2026/02/18", "18-02-2026",
        "2026-02-18T10:00", " 2026-02-18", "2026-02-30", "2025-02-29", "2026-13-01", "2026-00-10",
        "0000-01-01", "abcd-ef-gh", "2026--2-18", "+026-02-18", "2026-+2-18", "2026-0a-18", "2026-02-1 ", "2026-02-18 ",
        "２０２６-02-18", "2026–02–18",
    ])
    func isoParseErrors(text: String) {
        #expect(CalendarDate(iso: text) == nil)
    }

    @Test func codableUsesIsoStrings() throws {
        let data = try JSONEncoder().encode([day("2026-02-18")])
        #expect(String(decoding: data, as: UTF8.self) == #"["2026-02-18"]"#)
        #expect(try JSONDecoder().decode([CalendarDate].self, from: data) == [day("2026-02-18")])
        let decodeImpossibleDate = { try JSONDecoder().decode([CalendarDate].self, from: Data(#"["2026-02-30"]"#.utf8)) }
        #expect(throws: DecodingError.self, "30 February is not a date", performing: decodeImpossibleDate)
    }
}
