import DeltaDomain
import Foundation

extension CalendarDate {
    /// The current civil date in Europe/Brussels (the same as Europe/Amsterdam).
    public static func todayInBrussels() -> CalendarDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Brussels") ?? .gmt
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}
