import DeltaDomain
import DeltaReports
import DeltaStore

extension Register {
    /// Builds the overview for a day.
    func overviewPage(today: CalendarDate, labels: Labels) async throws -> OverviewPage {
        // Three reads whatever the register's size: the lookup tables (which hold the dossier and
        // body lists too), every milestone and every meeting. The dossiers' health is judged once
        // per register version, scope and day (`dossierStandings`). The three reads run side by
        // side: the first request after a start or a change reads them from the database, one
        // per core, and the standings join the milestones' read (`ReadMemo`) instead of repeating it.
        async let milestoneRead = milestones()
        async let meetingRead = meetings()
        let lookups = try await lookups()
        let index = RegisterIndex(lookups, today: today, labels: labels)
        let standings = try await dossierStandings(today: today, lookups: lookups)
        let milestones = try await milestoneRead
        let bodyList = index.bodies.records
        let meetingsByBody = Dictionary(grouping: try await meetingRead, by: \.bodyID)
        // Each list is bounded, so the page stays readable and its cost does not grow with the
        // register: the dossiers and bodies that most need attention are kept (in list order),
        // and a line says how many there are and where the whole list is. Health and compliance
        // are judged for all; the views (with their wording) are built for those shown.
        let limit = OverviewPage.listLimit
        let dossierUrgency = standings.map(\.assessment.health.severity)
        let dossiers = OverviewPage.mostUrgent(dossierUrgency, limit: limit).map { SummaryBuilder.dossier(standings[$0], index: index) }
        let compliance = bodyList.map { body in
            CadenceRules.compliance(of: body, meetings: meetingsByBody[body.id] ?? [], year: today.year, today: today).compliance
        }
        let bodyUrgency = compliance.map { compliance -> Int in
            switch compliance { case .missed: 3; case .atRisk: 2; default: 0 }
        }
        func bodyView(_ position: Int) -> BodySummaryView {
            let body = bodyList[position]
            return SummaryBuilder.body(body, meetings: meetingsByBody[body.id] ?? [], today: today, labels: labels)
        }
        let bodies = OverviewPage.mostUrgent(bodyUrgency, limit: limit).map(bodyView)
        let atRisk = compliance.indices.filter { compliance[$0] == .atRisk }
        let states = milestones.map { ($0, DeadlineRules.state(of: $0, today: today)) }
        let overdue = states.filter { $0.1 == .overdue }.map(\.0), dueSoon = states.filter { $0.1 == .dueSoon }.map(\.0)
        return OverviewPage(
            title: labels.text("app.title.overview"), today: today.iso, todayLabel: labels.date(today),
            dossiers: dossiers, dossiersCut: labels.cut("overview.cut.dossiers", shown: dossiers.count, total: standings.count),
            bodies: bodies, bodiesCut: labels.cut("overview.cut.bodies", shown: bodies.count, total: bodyList.count),
            dueSoon: dueSoon.prefix(limit).map { index.milestone($0) },
            dueSoonCut: labels.cut("overview.cut.milestones", shown: min(limit, dueSoon.count), total: dueSoon.count),
            overdue: overdue.prefix(limit).map { index.milestone($0) },
            overdueCut: labels.cut("overview.cut.milestones", shown: min(limit, overdue.count), total: overdue.count),
            cadenceWarnings: atRisk.prefix(limit).map(bodyView),
            cadenceWarningsCut: labels.cut("overview.cut.bodies", shown: min(limit, atRisk.count), total: atRisk.count))
    }
}
