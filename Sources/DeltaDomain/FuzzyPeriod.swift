/// A period of time as the documents state it: "18 februari 2026", "eind tweede kwartaal 2026",
/// "rond de zomer van 2026", "begin 2027".
///
/// The period keeps its original wording and the interval of days it can mean
/// (`earliest`…`latest`, both inclusive). Rules that compare with "today" use the interval:
/// a deadline is only *overdue* once even its latest reading has passed.
public struct FuzzyPeriod: Hashable, Sendable, CustomStringConvertible {
    /// The wording as written in the source ("rond de zomer van 2026").
    public let wording: String
    /// The first day the period can mean.
    public let earliest: CalendarDate
    /// The last day the period can mean; the deadline.
    public let latest: CalendarDate
    /// How precisely the period is known.
    public let precision: PeriodPrecision

    /// Creates a period; `earliest` must not be after `latest`.
    public init(wording: String, earliest: CalendarDate, latest: CalendarDate, precision: PeriodPrecision) {
        precondition(earliest <= latest, "a period cannot end before it starts")
        self.wording = wording
        self.earliest = earliest
        self.latest = latest
        self.precision = precision
    }

    /// A period of exactly one day.
    public init(day: CalendarDate, wording: String? = nil) {
        self.init(wording: wording ?? day.iso, earliest: day, latest: day, precision: .day)
    }

    public var description: String { wording }

    /// Whether a day falls inside the period.
    public func contains(_ date: CalendarDate) -> Bool { earliest <= date && date <= latest }

    /// Parses Dutch wording (or an ISO date) into a period. Year-less phrases such as
    /// "voor de zomer" take their year from `referenceYear`. Returns nil when the wording
    /// is not understood; callers report that with the place it came from.
    public static func parse(_ text: String, referenceYear: Int? = nil) -> FuzzyPeriod? {
        DutchPeriodParser(referenceYear: referenceYear).parse(text)
    }
}

extension FuzzyPeriod: Codable {
    /// Periods are stored as their wording plus the interval, so a stored period never
    /// depends on the parser of a later version.
    private enum CodingKeys: String, CodingKey { case wording, earliest, latest, precision }
}
