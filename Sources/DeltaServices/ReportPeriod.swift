import DeltaDomain

/// The period a report covers: a calendar year, or two dates.
public struct ReportPeriod: Sendable {
    public let from: CalendarDate
    public let to: CalendarDate
    public let name: String

    /// `year` ("2026"), or `from` and `to` (YYYY-MM-DD); the current year when none is given.
    public init(year: String?, from: String?, to: String?, today: CalendarDate) throws {
        if let from, let to {
            guard let start = CalendarDate(iso: from), let end = CalendarDate(iso: to), start <= end else {
                throw OperationError(.invalid, "error.reportFromTo")
            }
            self.from = start; self.to = end; name = "\(start.iso) – \(end.iso)"
            return
        }
        let number = year.flatMap(Int.init) ?? today.year
        guard (1990...2100).contains(number), year.map({ Int($0) != nil }) ?? true else {
            throw OperationError(.invalid, "error.reportYear")
        }
        self.from = CalendarDate(year: number, month: 1, day: 1)!
        self.to = CalendarDate(year: number, month: 12, day: 31)!
        name = String(number)
    }
}
