import DeltaDomain
import DeltaReports
import DeltaStore

/// The planning view: for every body with a meeting rule, whether this year and next are covered
/// and by when the next meeting must be held; a window at a time (`ListWindow`).
struct PlanningPage: Codable, Sendable {
    let title: String
    let today: String
    let todayLabel: String
    let bodies: [PlanningRow]
    /// Where this window stands in the list of bodies with a rule.
    let paging: Paging
}

/// One body in the planning view.
struct PlanningRow: Codable, Sendable {
    let body: BodySummaryView
    let thisYear: YearComplianceView
    let nextYear: YearComplianceView
    /// The next meeting on the calendar (planned or confirmed), if any.
    let nextMeeting: LinkView?
    let nextMeetingWhen: String?
    /// Set when the rule will be missed unless a meeting is planned.
    let warning: String?
}
