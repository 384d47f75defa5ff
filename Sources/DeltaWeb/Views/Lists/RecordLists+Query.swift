import DeltaDomain
import DeltaReports
import DeltaStore
import Hummingbird

/// The collections that have no page of their own but a JSON list and a CSV file: milestones,
/// agreements and meetings, with the filters users filter on. Three reads each at most.
extension Register {
    /// `dossier`, `body` (the body carrying one of its dossiers), `status`, `year` (a deadline
    /// that can fall in that year).
    func milestoneList(_ request: Request, window: ListWindow?, today: CalendarDate, labels: Labels) async throws -> MilestoneListPage {
        let query = QueryReader(request)
        let dossier = try query.value("dossier"), body = try query.value("body")
        let status = try query.coded("status", MilestoneStatus.self), year = try query.year()
        let lookups = try await lookups()
        let index = RegisterIndex(lookups, today: today, labels: labels)
        let carried = Set(lookups.sortedDossiers.filter { body != nil && $0.bodyID == body }.map(\.id))
        let shown = try await milestones().filter { milestone in
            (dossier.map { milestone.dossierIDs.contains($0) } ?? true)
                && (body == nil || milestone.dossierIDs.contains(where: carried.contains))
                && (status.map { milestone.status == $0 } ?? true)
                && (year.map { (milestone.due.earliest.year...milestone.due.latest.year).contains($0) } ?? true)
        }.sorted { ($0.due.latest, $0.id) < ($1.due.latest, $1.id) }
        let (rows, paging) = try Self.windowed(shown, window, id: \.id, labels: labels)
        return MilestoneListPage(title: labels.text("app.title.milestones"), milestones: rows.map(index.milestone), paging: paging)
    }

    /// `dossier`, `body`, `document` (where it is written), `party` (an organisation that
    /// committed), `country` (a committing party's), `completion`, `year` (of its document).
    func agreementList(_ request: Request, window: ListWindow?, today: CalendarDate, labels: Labels) async throws -> AgreementListPage {
        let query = QueryReader(request)
        let dossier = try query.value("dossier"), body = try query.value("body"), document = try query.value("document")
        let party = try query.value("party"), country = try query.coded("country", Country.self)
        let completion = try query.coded("completion", Completion.self), year = try query.year()
        let index = RegisterIndex(try await lookups(), today: today, labels: labels)
        let shown = try await agreements().filter { agreement in
            let date = index.documents[agreement.source.documentID]?.date
            return (dossier.map { agreement.dossierIDs.contains($0) } ?? true)
                && (body.map { agreement.bodyID == $0 } ?? true)
                && (document.map { agreement.source.documentID == $0 } ?? true)
                && (party.map { agreement.partyIDs.contains($0) } ?? true)
                && (country.map { wanted in agreement.partyIDs.contains { index.organisations[$0]?.country == wanted } } ?? true)
                && (completion.map { agreement.completion == $0 } ?? true)
                && (year.map { wanted in date.map { ($0.earliest.year...$0.latest.year).contains(wanted) } ?? false } ?? true)
        }.sorted { lhs, rhs in
            let left = index.documents[lhs.source.documentID]?.date?.earliest.iso ?? "", right = index.documents[rhs.source.documentID]?.date?.earliest.iso ?? ""
            return (left, rhs.id) > (right, lhs.id)
        }
        let (rows, paging) = try Self.windowed(shown, window, id: \.id, labels: labels)
        return AgreementListPage(title: labels.text("app.title.agreements"), agreements: rows.map(index.agreement), paging: paging)
    }

    /// `body`, `status`, `year` (a date that can fall in that year).
    func meetingList(_ request: Request, window: ListWindow?, today: CalendarDate, labels: Labels) async throws -> MeetingListPage {
        let query = QueryReader(request)
        let body = try query.value("body"), status = try query.coded("status", MeetingStatus.self), year = try query.year()
        let index = RegisterIndex(try await lookups(), today: today, labels: labels)
        let shown = try await meetings().filter { meeting in
            (body.map { meeting.bodyID == $0 } ?? true) && (status.map { meeting.status == $0 } ?? true)
                && (year.map { (meeting.when.earliest.year...meeting.when.latest.year).contains($0) } ?? true)
        }.sorted { ($0.when.earliest, $0.id) < ($1.when.earliest, $1.id) }
        let (rows, paging) = try Self.windowed(shown, window, id: \.id, labels: labels)
        return MeetingListPage(title: labels.text("app.title.meetings"), meetings: rows.map { meeting in
            MeetingListItem(id: meeting.id, title: meeting.title, url: "/meetings/\(meeting.id)",
                            body: index.bodies[meeting.bodyID] == nil ? nil : index.body(meeting.bodyID),
                            when: PeriodView(meeting.when, labels: labels), place: meeting.place,
                            status: meeting.status.rawValue, statusLabel: labels.meetingStatus(meeting.status))
        }, paging: paging)
    }

    /// The window's records and where the list goes on; all records without a window (a CSV file).
    static func windowed<Record>(_ records: [Record], _ window: ListWindow?, id: (Record) -> String,
                                 labels: Labels) throws -> ([Record], Paging?) {
        guard let window else { return (records, nil) }
        let (shown, paging) = try window.window(records, id: id, labels: labels)
        return (shown, paging)
    }
}
