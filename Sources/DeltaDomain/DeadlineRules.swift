/// Deadline rules for milestones. Why the period and not one date: documents say "eind tweede
/// kwartaal 2026", so a milestone is only overdue once the last day that wording can mean has
/// passed, and already "due soon" once its first day is near.
public enum DeadlineRules {
    /// How many days ahead a due period counts as "due soon".
    public static let dueSoonDays = 90

    /// done: achieved; cancelled: cancelled; overdue: open and today > due.latest; dueSoon: open, not overdue and due.earliest <= today+90 days (or today inside the period); else upcoming.
    public static func state(of milestone: Milestone, today: CalendarDate) -> DueState {
        switch milestone.status {
        case .achieved: return .done
        case .cancelled: return .cancelled
        case .planned, .inProgress, .delayed:
            if today > milestone.due.latest { return .overdue }
            // "today inside the period" is covered: then due.earliest <= today.
            if milestone.due.earliest <= today.adding(days: dueSoonDays) { return .dueSoon }
            return .upcoming
        }
    }
}
