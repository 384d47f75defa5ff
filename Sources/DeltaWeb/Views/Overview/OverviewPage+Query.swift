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
        let overdue = states.filter { $0.1 == .overdue }.map(\.0), dueSoon = states.filter { $0.1 == .dueSoon }.map(\.0)
        let warnings = bodies.filter { $0.compliance == Compliance.atRisk.rawValue }
        // Each list is bounded, so the page stays readable and its cost does not grow with the
        // register: the dossiers and bodies that most need attention are kept (in list order),
        // and a line says how many there are and where the whole list is.
        let limit = OverviewPage.listLimit
        let shownDossiers = OverviewPage.mostUrgent(dossiers, limit: limit) { Health(rawValue: $0.health)?.severity ?? 0 }
        let shownBodies = OverviewPage.mostUrgent(bodies, limit: limit) { body in
            switch Compliance(rawValue: body.compliance) { case .missed: 3; case .atRisk: 2; default: 0 }
        }
        func cut(_ key: String, shown: Int, total: Int) -> String? {
            shown < total ? labels.text(key, ["shown": labels.numbers.integer(shown), "total": labels.numbers.integer(total)]) : nil
        }
        return OverviewPage(
            title: labels.text("app.title.overview"), today: today.iso, todayLabel: labels.date(today),
            dossiers: shownDossiers, dossiersCut: cut("overview.cut.dossiers", shown: shownDossiers.count, total: dossiers.count),
            bodies: shownBodies, bodiesCut: cut("overview.cut.bodies", shown: shownBodies.count, total: bodies.count),
            dueSoon: dueSoon.prefix(limit).map { index.milestone($0) },
            dueSoonCut: cut("overview.cut.milestones", shown: min(limit, dueSoon.count), total: dueSoon.count),
            overdue: overdue.prefix(limit).map { index.milestone($0) },
            overdueCut: cut("overview.cut.milestones", shown: min(limit, overdue.count), total: overdue.count),
            cadenceWarnings: Array(warnings.prefix(limit)),
            cadenceWarningsCut: cut("overview.cut.bodies", shown: min(limit, warnings.count), total: warnings.count))
    }
}
