import DeltaDomain
import DeltaReports
import DeltaStore

extension Register {
    /// Builds a body's page; nil when it does not exist or is not visible.
    func bodyPage(id: String, today: CalendarDate, labels: Labels) async throws -> BodyPage? {
        // The body itself comes with the lookup tables.
        let index = try await lookupIndex(today: today, labels: labels)
        guard let body = index.bodies[id] else { return nil }
        let meetings = try await meetings(bodyID: id)
        let members = try await memberships(bodyID: id).map { member in
            MemberView(organisation: index.organisation(member.organisationID)!, person: member.person, role: member.role.rawValue,
                       roleLabel: labels.role(member.role), invited: member.invited, from: member.from?.iso,
                       until: member.until?.iso)
        }
        let firstYear = [body.since?.year, meetings.map(\.when.latest.year).min()].compactMap { $0 }.min() ?? today.year
        let years = (min(firstYear, today.year)...today.year).reversed().map { year in
            let result = CadenceRules.compliance(of: body, meetings: meetings, year: year, today: today)
            return YearComplianceView(year: year, compliance: result.compliance.rawValue, complianceLabel: labels.compliance(result.compliance),
                                      held: result.held, planned: result.planned, required: result.required, explanation: labels.cadenceExplanation(result.explanation))
        }
        return BodyPage(
            title: body.name, body: SummaryBuilder.body(body, meetings: meetings, today: today, labels: labels), description: body.description,
            parent: index.body(body.parentID), since: body.since?.iso, sinceLabel: body.since.map(labels.date), source: index.passage(body.establishedBy),
            members: members.filter { !$0.invited }, invited: members.filter(\.invited),
            meetings: meetings.map {
                MeetingView(id: $0.id, title: $0.title, when: PeriodView($0.when, labels: labels), place: $0.place, status: $0.status.rawValue,
                            statusLabel: labels.meetingStatus($0.status), source: index.passage($0.source))
            },
            years: years,
            dossiers: index.dossiers.records.filter { $0.bodyID == id }.compactMap { index.dossier($0.id) })
    }

    /// Builds the body list.
    func bodyListPage(today: CalendarDate, labels: Labels) async throws -> BodyListPage {
        let meetingsByBody = Dictionary(grouping: try await meetings(), by: \.bodyID)
        return BodyListPage(title: labels.text("app.title.bodies"), bodies: try await bodies().map {
            SummaryBuilder.body($0, meetings: meetingsByBody[$0.id] ?? [], today: today, labels: labels)
        })
    }
}
