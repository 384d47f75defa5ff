import DeltaDomain
import DeltaReports
import DeltaStore

extension Register {
    /// Builds the planning view for a day.
    func planningPage(window: ListWindow, today: CalendarDate, labels: Labels) async throws -> PlanningPage {
        let meetingsByBody = Dictionary(grouping: try await meetings(), by: \.bodyID)
        // The window is taken over the bodies first, so only the rows shown are worked out.
        let (shown, paging) = try window.window(try await bodies().filter { $0.cadence != .none }, id: \.id, labels: labels, hasCSV: false)
        var rows: [PlanningRow] = []
        for body in shown {
            let meetings = meetingsByBody[body.id] ?? []
            let summary = SummaryBuilder.body(body, meetings: meetings, today: today, labels: labels)
            func year(_ year: Int) -> YearComplianceView {
                let result = CadenceRules.compliance(of: body, meetings: meetings, year: year, today: today)
                return YearComplianceView(year: year, compliance: result.compliance.rawValue, complianceLabel: labels.compliance(result.compliance),
                                          held: result.held, planned: result.planned, required: result.required, explanation: labels.cadenceExplanation(result.explanation))
            }
            let upcoming = meetings.filter { ($0.status == .planned || $0.status == .confirmed) && $0.when.latest >= today }
                .min { ($0.when.earliest, $0.id) < ($1.when.earliest, $1.id) }
            let thisYear = year(today.year)
            let warning: String? = thisYear.compliance == Compliance.atRisk.rawValue
                ? summary.nextMeetingDueByLabel.map { labels.text("app.planning.warningBefore", ["date": $0, "rule": summary.cadence]) }
                    ?? labels.text("app.planning.warning", ["rule": summary.cadence])
                : nil
            // Next year has not begun, so the rule cannot be judged yet; the planning says what is on the calendar.
            let next = today.year + 1
            let required = body.cadence.meetingsPerYear
            let plannedNext = meetings.filter { ($0.status == .planned || $0.status == .confirmed) && $0.when.latest.year == next }.count
            let nextYear = YearComplianceView(
                year: next, compliance: plannedNext >= required && required > 0 ? Compliance.scheduled.rawValue : Compliance.notApplicable.rawValue,
                complianceLabel: plannedNext >= required && required > 0 ? labels.compliance(.scheduled) : labels.text("app.planning.toBePlanned"),
                held: 0, planned: plannedNext, required: required,
                explanation: labels.catalogue.plural("app.planning.nextYearPlanned", count: required,
                                                     ["year": String(next), "planned": labels.numbers.integer(plannedNext)]))
            rows.append(PlanningRow(body: summary, thisYear: thisYear, nextYear: nextYear,
                                    nextMeeting: upcoming.map { LinkView(id: $0.id, name: $0.title, url: "/meetings/\($0.id)") },
                                    nextMeetingWhen: upcoming.map { labels.period($0.when) }, warning: warning))
        }
        return PlanningPage(title: labels.text("app.title.planning"), today: today.iso, todayLabel: labels.date(today), bodies: rows, paging: paging)
    }
}
