import DeltaDomain
import DeltaReports
import DeltaStore

/// A member of a body.
struct MemberView: Codable, Sendable {
    let organisation: LinkView
    let person: String?
    let role: String
    let roleLabel: String
    let invited: Bool
    let from: String?
    let until: String?
}

/// A meeting as the body page lists it.
struct MeetingView: Codable, Sendable {
    let id: String
    let title: String
    let when: PeriodView
    let place: String?
    let status: String
    let statusLabel: String
    let source: PassageView?
}

/// Compliance with the cadence rule in one year.
struct YearComplianceView: Codable, Sendable {
    let year: Int
    let compliance: String
    let complianceLabel: String
    let held: Int
    let planned: Int
    let required: Int
    let explanation: String
}

/// The body page.
struct BodyPage: Codable, Sendable {
    let title: String
    let body: BodySummaryView
    let description: String?
    let parent: LinkView?
    let since: String?
    let sinceLabel: String?
    let source: PassageView?
    let members: [MemberView]
    let invited: [MemberView]
    let meetings: [MeetingView]
    let years: [YearComplianceView]
    let dossiers: [LinkView]
}

/// The body list.
struct BodyListPage: Codable, Sendable {
    let title: String
    var bodies: [BodySummaryView]
    /// The window shown (`?limit=`, `?after=`); see `ListWindow`.
    var paging: Paging? = nil
}
