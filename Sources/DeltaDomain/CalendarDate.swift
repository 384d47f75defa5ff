/// A day in the proleptic Gregorian calendar, without time or time zone.
///
/// Why not `Foundation.Date`: deadlines and meeting days in the register are civil dates
/// ("18 februari 2026"); comparing them as instants would make "due on 31 December" depend on
/// the server's time zone. All date arithmetic in the domain goes through this type.
///
/// Held in four bytes, `year × 512 + month × 32 + day`, which orders dates as the calendar does.
/// Why: a register a thousand times the demo keeps some 150 000 dates in memory (every
/// milestone's period and achievement, every meeting's and document's date); as three `Int`s
/// each took 24 bytes.
public struct CalendarDate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    private let packed: Int32

    public var year: Int { Int(packed >> 9) }
    public var month: Int { Int((packed >> 5) & 0xF) }
    public var day: Int { Int(packed & 0x1F) }

    /// Creates a date; returns nil when the day does not exist (e.g. 30 February).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), year >= 1, year <= 9999,
              (1...CalendarDate.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.init(unchecked: year, month, day)
    }

    /// A date whose month and day are known to make one; a year beyond ±4 million (only far
    /// `dayNumber`s give one) is held at that bound.
    private init(unchecked year: Int, _ month: Int, _ day: Int) {
        packed = Int32(min(max(year, -4_000_000), 4_000_000)) << 9 | Int32(month) << 5 | Int32(day)
    }

    /// Parses an ISO 8601 calendar date `YYYY-MM-DD` (ASCII digits only).
    ///
    /// Why by bytes: every stored date is read through here, 100 000 times and more when a
    /// page first reads a register a thousand times the demo.
    public init?(iso: String) {
        var iso = iso
        let parsed: (Int, Int, Int)? = iso.withUTF8 { bytes in
            guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
            func number(_ range: Range<Int>) -> Int? {
                var value = 0
                for index in range {
                    let digit = Int(bytes[index]) - Int(UInt8(ascii: "0"))
                    guard (0...9).contains(digit) else { return nil }
                    value = value * 10 + digit
                }
                return value
            }
            guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
            return (year, month, day)
        }
        guard let (year, month, day) = parsed else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// The ISO 8601 form, `YYYY-MM-DD`.
    public var iso: String {
        let zero = UInt8(ascii: "0")
        return String(unsafeUninitializedCapacity: 10) { bytes in
            var value = year
            for index in (0..<4).reversed() { bytes[index] = zero + UInt8(value % 10); value /= 10 }
            bytes[4] = UInt8(ascii: "-")
            bytes[5] = zero + UInt8(month / 10); bytes[6] = zero + UInt8(month % 10)
            bytes[7] = UInt8(ascii: "-")
            bytes[8] = zero + UInt8(day / 10); bytes[9] = zero + UInt8(day % 10)
            return 10
        }
    }

    public var description: String { iso }

    /// Number of days in a month of a year.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Whether a year is a Gregorian leap year.
    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// The last day of a month.
    public static func endOf(month: Int, year: Int) -> CalendarDate {
        CalendarDate(year: year, month: month, day: daysIn(month: month, year: year))!
    }

    /// The first day of a month.
    public static func startOf(month: Int, year: Int) -> CalendarDate {
        CalendarDate(year: year, month: month, day: 1)!
    }

    /// Days since 1970-01-01 (negative before); used for differences and adding days.
    public var dayNumber: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// The date for a day number (see `dayNumber`).
    public init(dayNumber: Int) {
        let z = dayNumber + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(unchecked: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// This date moved by a number of days.
    public func adding(days: Int) -> CalendarDate { CalendarDate(dayNumber: dayNumber + days) }

    /// Whole days from this date to another (positive when `other` is later).
    public func days(until other: CalendarDate) -> Int { other.dayNumber - dayNumber }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool { lhs.packed < rhs.packed }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = CalendarDate(iso: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                debugDescription: "“\(text)” is not a date of the form YYYY-MM-DD"))
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }
}
