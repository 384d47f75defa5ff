/// Whether the register keeps all of a body's meetings, and from when. A shortfall of recorded
/// meetings is only a missed meeting where the register keeps them; elsewhere it is unknown.
public enum MeetingRecords: Hashable, Sendable {
    /// Every meeting of the body is recorded (the rules' tests, bodies set up in the register).
    case complete
    /// Every meeting from this day on is recorded.
    case since(CalendarDate)
    /// Nobody keeps this body's meetings in the register: recorded ones are what a document
    /// happened to mention.
    case notKept

    /// Whether every meeting of a period is recorded: the register keeps them from the period's
    /// first day, or from the day the body was set up (there were no meetings before).
    public func keepsAll(from periodStart: CalendarDate, bodySince: CalendarDate?) -> Bool {
        switch self {
        case .complete: return true
        case .notKept: return false
        case .since(let day):
            let start = max(periodStart, bodySince ?? periodStart)
            return day <= start
        }
    }
}
