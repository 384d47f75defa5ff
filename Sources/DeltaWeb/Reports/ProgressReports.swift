import DeltaDomain
import DeltaReports
import DeltaStore

/// Gathers what a body's progress report needs from the register, in a reader's scope.
public enum ProgressReports {
    /// The report's input for `bodyID` over `from…to`; nil when the body is not visible.
    /// `approvedMinutesOnly` leaves out decisions and actions of draft minutes (anonymous readers).
    public static func input(register: Register, bodyID: String, from: CalendarDate, to: CalendarDate, periodName: String,
                             today: CalendarDate, approvedMinutesOnly: Bool) async throws -> ProgressReportInput? {
        guard let body = try await register.body(id: bodyID) else { return nil }
        let all = try await register.bodies()
        var bodyIDs: Set<String> = [bodyID]
        var grew = true
        while grew {
            grew = false
            for candidate in all where !bodyIDs.contains(candidate.id) {
                if let parent = candidate.parentID, bodyIDs.contains(parent) { bodyIDs.insert(candidate.id); grew = true }
            }
        }
        let dossiers = try await register.dossiers().filter { $0.bodyID.map(bodyIDs.contains) ?? false }
        let dossierIDs = Set(dossiers.map(\.id))
        let milestones = try await register.milestones().filter { dossierIDs.contains($0.dossierID) }
        let agreements = try await register.agreements().filter { !dossierIDs.isDisjoint(with: $0.dossierIDs) }
        let investments = try await register.investments().filter { $0.dossierID.map(dossierIDs.contains) ?? false }
        let milestoneDossier = Dictionary(uniqueKeysWithValues: milestones.map { ($0.id, $0.dossierID) })
        let agreementDossier = Dictionary(uniqueKeysWithValues: agreements.compactMap { agreement in
            agreement.dossierIDs.first { dossierIDs.contains($0) }.map { (agreement.id, $0) }
        })
        let store = MeetingStore(db: register.database)
        var outcomes: [(outcome: Outcome, meeting: Meeting, dossierID: String?)] = []
        for id in bodyIDs.sorted() {
            for meeting in try await register.meetings(bodyID: id) {
                if approvedMinutesOnly, try await store.minutes(meetingID: meeting.id).status != .approved { continue }
                let items = Dictionary(uniqueKeysWithValues: try await store.agenda(meetingID: meeting.id).map { ($0.id, $0) })
                for outcome in try await store.outcomes(meetingID: meeting.id) {
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
        }
        let names = Dictionary(uniqueKeysWithValues: try await register.organisations().map { ($0.id, $0.name) })
        return ProgressReportInput(body: body, from: from, to: to, periodName: periodName, today: today, dossiers: dossiers,
                                   milestones: milestones, agreements: agreements, investments: investments, outcomes: outcomes,
                                   organisationNames: names)
    }
}
