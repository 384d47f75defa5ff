import DeltaDomain
import DeltaReports
import DeltaStore

/// Gathers what a body's progress report needs from the register, in a reader's scope.
public enum ProgressReports {
    /// The report's input for `bodyID` over `from…to`; nil when the body is not visible.
    /// `approvedMinutesOnly` leaves out decisions and actions of draft minutes (anonymous readers).
    public static func input(register: Register, bodyID: String, from: CalendarDate, to: CalendarDate, periodName: String,
                             today: CalendarDate, approvedMinutesOnly: Bool) async throws -> ProgressReportInput? {
        // A fixed number of reads whatever the register's size: the lookup tables (body, bodies,
        // dossiers, organisations), milestones, agreements, investments, meetings, and the minutes,
        // agendas and outcomes of all the body tree's meetings at once.
        let tables = try await register.lookupTables()
        guard let body = tables.bodies.first(where: { $0.id == bodyID }) else { return nil }
        let bodyIDs = BodyTree.ids(under: bodyID, in: tables.bodies)
        let dossiers = tables.dossiers.filter { $0.bodyID.map(bodyIDs.contains) ?? false }
        let dossierIDs = Set(dossiers.map(\.id))
        // The body tree's milestones and agreements only (at a thousand times the demo, reading
        // every agreement held 70 000 of them for one report).
        let treeIDs = bodyIDs.sorted()
        let milestones = try await register.milestones(ofBodies: treeIDs).filter { !dossierIDs.isDisjoint(with: $0.dossierIDs) }
        let agreements = try await register.agreements(ofBodies: treeIDs).filter { !dossierIDs.isDisjoint(with: $0.dossierIDs) }
        let investments = try await register.investments().filter { $0.dossierID.map(dossierIDs.contains) ?? false }
        let milestoneDossier = Dictionary(uniqueKeysWithValues: milestones.compactMap { milestone in
            milestone.dossierIDs.first { dossierIDs.contains($0) }.map { (milestone.id, $0) }
        })
        let agreementDossier = Dictionary(uniqueKeysWithValues: agreements.compactMap { agreement in
            agreement.dossierIDs.first { dossierIDs.contains($0) }.map { (agreement.id, $0) }
        })
        // Body by body (by id), each body's meetings by date.
        let meetingsByBody = Dictionary(grouping: try await register.meetings().filter { bodyIDs.contains($0.bodyID) }, by: \.bodyID)
        let meetings = bodyIDs.sorted().flatMap { meetingsByBody[$0] ?? [] }
        let meetingIDs = meetings.map(\.id)
        let store = try await register.meetingStore()
        let minutes = approvedMinutesOnly ? try await store.minutes(meetingIDs: meetingIDs) : [:]
        let agendas = try await store.agenda(meetingIDs: meetingIDs)
        let outcomesByMeeting = try await store.outcomes(meetingIDs: meetingIDs)
        var outcomes: [(outcome: Outcome, meeting: Meeting, dossierID: String?)] = []
        for meeting in meetings {
            if approvedMinutesOnly, minutes[meeting.id]?.status != .approved { continue }
            let items = Dictionary(uniqueKeysWithValues: (agendas[meeting.id] ?? []).map { ($0.id, $0) })
            for outcome in outcomesByMeeting[meeting.id] ?? [] {
                // The record a decision changes says best what it is about; otherwise its agenda item.
                var dossier: String?
                if let change = outcome.change {
                    switch change.kind {
                    case .milestoneDue, .milestoneStatus: dossier = milestoneDossier[change.recordID]
                    case .agreementCompletion: dossier = agreementDossier[change.recordID]
                    case .mandateGiven: dossier = change.recordID
                    }
                }
                if dossier == nil { dossier = outcome.agendaItemID.flatMap { items[$0]?.dossierID } }
                if dossier == nil, let milestoneID = outcome.agendaItemID.flatMap({ items[$0]?.milestoneID }) { dossier = milestoneDossier[milestoneID] }
                outcomes.append((outcome, meeting, dossier))
            }
        }
        let names = Dictionary(uniqueKeysWithValues: tables.organisations.map { ($0.id, $0.name) })
        return ProgressReportInput(body: body, from: from, to: to, periodName: periodName, today: today, dossiers: dossiers,
                                   milestones: milestones, agreements: agreements, investments: investments, outcomes: outcomes,
                                   organisationNames: names)
    }
}
