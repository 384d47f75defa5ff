import DeltaDomain
import DeltaReports
import DeltaStore

/// A dossier in lists: its health, next milestone and overdue count.
struct DossierSummaryView: Codable, Sendable {
    let id: String
    let title: String
    let url: String
    let themes: [String]
    let themeLabels: [String]
    let countries: [String]
    let body: LinkView?
    let health: String
    let healthLabel: String
    let healthReasons: [String]
    let nextMilestone: MilestoneView?
    let overdueCount: Int
}

/// A body in lists: its cadence rule and this year's compliance.
struct BodySummaryView: Codable, Sendable {
    let id: String
    let name: String
    let url: String
    let kind: String
    let kindLabel: String
    let cadence: String
    let year: Int
    let compliance: String
    let complianceLabel: String
    let explanation: String
    let held: Int
    let planned: Int
    let required: Int
    let nextMeetingDueBy: String?
    let nextMeetingDueByLabel: String?
}

/// The overview page: the state of the dossiers and bodies today, the most urgent first when
/// there are more than `listLimit`.
struct OverviewPage: Codable, Sendable {
    /// At most this many rows per list.
    static let listLimit = 100

    let title: String
    let today: String
    let todayLabel: String
    let dossiers: [DossierSummaryView]
    /// "100 of 18 000 dossiers…" when the list is cut; nil when it shows them all.
    let dossiersCut: String?
    let bodies: [BodySummaryView]
    let bodiesCut: String?
    let dueSoon: [MilestoneView]
    let dueSoonCut: String?
    let overdue: [MilestoneView]
    let overdueCut: String?
    /// Bodies that will miss this year's rule unless a meeting is planned (compliance at risk).
    let cadenceWarnings: [BodySummaryView]
    let cadenceWarningsCut: String?

    /// The positions of the `limit` items with the highest urgency (ties keep list order), in list
    /// order. Urgencies are given as numbers, so that only the chosen items need their views built.
    static func mostUrgent(_ urgencies: [Int], limit: Int) -> [Int] {
        guard urgencies.count > limit else { return Array(urgencies.indices) }
        return urgencies.indices.sorted { (urgencies[$0], $1) > (urgencies[$1], $0) }.prefix(limit).sorted()
    }
}

enum SummaryBuilder {
    /// A dossier's summary, worded in the index's language.
    static func dossier(_ standing: DossierStanding, index: RegisterIndex) -> DossierSummaryView {
        let dossier = standing.dossier, assessment = standing.assessment
        return DossierSummaryView(
            id: dossier.id, title: dossier.title, url: "/dossiers/\(dossier.id)", themes: dossier.themes,
            themeLabels: dossier.themes.map(index.labels.theme), countries: standing.countries,
            body: index.body(dossier.bodyID), health: assessment.health.rawValue, healthLabel: index.labels.health(assessment.health),
            healthReasons: assessment.reasons.map(index.labels.healthReason), nextMilestone: standing.next.map(index.milestone),
            overdueCount: assessment.overdueCount)
    }

    static func body(_ body: Body, meetings: [Meeting], today: CalendarDate, labels: Labels) -> BodySummaryView {
        let nextDue = CadenceRules.nextMeetingDueBy(rule: body.cadence, since: body.since, meetings: meetings, today: today)
        let year = CadenceRules.compliance(of: body, meetings: meetings, year: today.year, today: today)
        return BodySummaryView(
            id: body.id, name: body.name, url: "/bodies/\(body.id)", kind: body.kind.rawValue, kindLabel: labels.bodyKind(body.kind),
            cadence: labels.cadenceRule(CadenceRules.ruleValue(body.cadence)), year: year.year, compliance: year.compliance.rawValue,
            complianceLabel: labels.compliance(year.compliance), explanation: labels.cadenceExplanation(year.explanation), held: year.held,
            planned: year.planned, required: year.required,
            nextMeetingDueBy: nextDue?.iso, nextMeetingDueByLabel: nextDue.map(labels.date))
    }
}
