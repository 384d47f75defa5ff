import DeltaDomain
import DeltaReports
import DeltaStore

extension Register {
    /// Builds the overview for a day.
    func overviewPage(today: CalendarDate, labels: Labels) async throws -> OverviewPage {
        // Three reads whatever the register's size: the lookup tables (which hold the dossier and
        // body lists too), every milestone and every meeting.
        let tables = try await lookupTables()
        let index = RegisterIndex(tables, today: today, labels: labels)
        let milestones = try await milestones()
        let byDossier = Milestone.byDossier(milestones)
        let meetingsByBody = Dictionary(grouping: try await meetings(), by: \.bodyID)
        let dossiers = tables.dossiers.map { SummaryBuilder.dossier($0, milestones: byDossier[$0.id] ?? [], index: index) }
        let bodies = tables.bodies.map { SummaryBuilder.body($0, meetings: meetingsByBody[$0.id] ?? [], today: today, labels: labels) }
        let states = milestones.map { ($0, DeadlineRules.state(of: $0, today: today)) }
        return OverviewPage(
            title: labels.text("app.title.overview"), today: today.iso, todayLabel: labels.date(today), dossiers: dossiers, bodies: bodies,
            dueSoon: states.filter { $0.1 == .dueSoon }.map { index.milestone($0.0) },
            overdue: states.filter { $0.1 == .overdue }.map { index.milestone($0.0) },
            cadenceWarnings: bodies.filter { $0.compliance == Compliance.atRisk.rawValue })
    }
}
