import DeltaDomain
import DeltaReports
import DeltaServices
import DeltaStore
import Foundation

/// Builds the meeting page and a body's decisions page for a reader: anonymous visitors see
/// approved minutes only; agendas and drafts are for signed-in readers.
struct MeetingPages: Sendable {
    let engine: any DatabaseEngine
    let configuration: AppConfiguration


    func meetingPage(id: String, context: AppRequestContext) async throws -> MeetingPage? {
        let scope = context.readScope
        let signedIn = context.account != nil
        let today = configuration.today()
        return try await engine.read { db in
            let register = Register(db: db, scope: scope)
            guard let meeting = try await register.meeting(id: id),
                  let version = try await register.versioned(Meeting.self, id: id)?.version else { return nil }
            let index = try await register.lookupIndex(today: today, labels: context.labels)
            let store = try await register.meetingStore()
            let minutes = try await store.minutes(meetingID: id)
            // Anonymous visitors see approved minutes only; agendas and drafts are for signed-in readers.
            let showDraft = signedIn
            let showMinutes = signedIn || minutes.status == .approved
            let agenda = showDraft || showMinutes ? try await store.agenda(meetingID: id) : []
            let outcomes = showMinutes ? try await store.outcomes(meetingID: id) : []
            let items = agenda.enumerated().map { number, item in
                AgendaItemView(id: item.id, number: number + 1, title: item.title, reason: item.reason.rawValue,
                               reasonLabel: index.labels.agendaReason(item.reason), parked: item.parked,
                               links: Self.links(item, index: index),
                               outcomes: outcomes.filter { $0.agendaItemID == item.id }.map { MeetingLabels.outcome($0, index: index) })
            }
            let itemIDs = Set(agenda.map(\.id))
            let summary = MeetingSummaryView(id: meeting.id, title: meeting.title, body: index.body(meeting.bodyID)!, when: PeriodView(meeting.when, labels: index.labels),
                                             time: meeting.time?.wording, timeZone: meeting.time?.timeZone, place: meeting.place,
                                             online: meeting.online, status: meeting.status.rawValue, statusLabel: index.labels.meetingStatus(meeting.status))
            return MeetingPage(
                title: meeting.title, meeting: summary,
                invitees: meeting.invitees.enumerated().map { position, invitee in
                    InviteeView(position: position, organisation: index.organisation(invitee.organisationID), person: invitee.person,
                                attendance: invitee.attendance.rawValue, attendanceLabel: index.labels.attendance(invitee.attendance))
                },
                agenda: showDraft || minutes.status == .approved ? items : [],
                otherOutcomes: outcomes.filter { $0.agendaItemID.map { !itemIDs.contains($0) } ?? true }.map { MeetingLabels.outcome($0, index: index) },
                minutes: MinutesView(status: minutes.status.rawValue, statusLabel: index.labels.text("minutesStatus.\(minutes.status.rawValue)"),
                                     approvedOn: minutes.approvedOn?.iso, approvedBy: minutes.approvedBy, corrections: minutes.corrections,
                                     editable: minutes.isEditable),
                agendaVersion: MeetingOperations.agendaVersion(agenda).value, version: version, showDraft: showDraft)
        }
    }

    private static func links(_ item: AgendaItem, index: RegisterIndex) -> [LinkView] {
        var links: [LinkView] = []
        if let dossier = index.dossier(item.dossierID) { links.append(dossier) }
        if let milestoneID = item.milestoneID, let dossierID = item.dossierID {
            links.append(LinkView(id: milestoneID, name: index.labels.recordKind("milestone"), url: "/dossiers/\(dossierID)#\(milestoneID)"))
        }
        if let agreementID = item.agreementID { links.append(LinkView(id: agreementID, name: index.labels.recordKind("agreement"), url: "/dossiers/\(item.dossierID ?? "")#agreement-\(agreementID)")) }
        if let documentID = item.documentID { links.append(LinkView(id: documentID, name: index.documents[documentID]?.title ?? documentID, url: "/documents/\(documentID)")) }
        return links
    }

    func decisionsPage(bodyID: String, context: AppRequestContext) async throws -> DecisionsPage? {
        let scope = context.readScope
        let signedIn = context.account != nil
        let today = configuration.today()
        return try await engine.read { db in
            let register = Register(db: db, scope: scope)
            let index = try await register.lookupIndex(today: today, labels: context.labels)
            guard let body = index.bodies[bodyID] else { return nil }
            let store = try await register.meetingStore()
            // Every meeting's minutes and outcomes in one read each, whatever the number of meetings.
            let meetings = try await register.meetings(bodyID: bodyID)
            let minutes = try await store.minutes(meetingIDs: meetings.map(\.id))
            let outcomes = try await store.outcomes(meetingIDs: meetings.map(\.id))
            var decisions: [OutcomeView] = [], open: [OutcomeView] = [], closed: [OutcomeView] = []
            for meeting in meetings {
                guard signedIn || minutes[meeting.id]?.status == .approved else { continue }
                let link = LinkView(id: meeting.id, name: "\(meeting.title) (\(context.labels.period(meeting.when)))", url: "/meetings/\(meeting.id)")
                for outcome in outcomes[meeting.id] ?? [] {
                    let view = MeetingLabels.outcome(outcome, index: index, meeting: link)
                    if outcome.kind == .decision { decisions.append(view) }
                    if outcome.kind == .action { outcome.isOpenAction ? open.append(view) : closed.append(view) }
                }
            }
            return DecisionsPage(title: context.labels.text("app.title.decisions", ["body": body.name]), body: index.body(bodyID)!, decisions: decisions,
                                 openActions: open, closedActions: closed)
        }
    }

    /// The HTML-only parts of the meeting page: what the forms offer, and whether the reader may edit.
    func frame(_ page: MeetingPage, message: String?, context: AppRequestContext) async throws -> MeetingFrame {
        let scope = context.readScope
        let mayEdit = AccessRules.mayEdit(context.account, RecordPlacement(kind: .meeting, bodyIDs: [page.meeting.body.id]))
        let editing = mayEdit && context.identity?.session != nil
        return try await engine.read { db in
            let register = Register(db: db, scope: scope)
            // The forms' choices only for those who get the forms: at a thousand times the demo
            // every organisation and dossier as a choice was most of each meeting page's cost.
            let organisations = editing ? try await register.organisations().map { Choice(value: $0.id, label: $0.name) } : []
            let dossiers = editing ? try await register.dossiers().map { Choice(value: $0.id, label: $0.title) } : []
            let meetings = editing ? try await register.meetings(bodyID: page.meeting.body.id).filter { $0.id != page.meeting.id }
                .map { Choice(value: $0.id, label: "\($0.title) (\(context.labels.period($0.when)))") } : []
            let inviteeRows = page.invitees.map { invitee in
                InviteeRow(position: invitee.position,
                           name: [invitee.organisation?.name, invitee.person].compactMap { $0 }.joined(separator: " – "),
                           options: Attendance.allCases.map { OptionView(value: $0.rawValue, label: context.labels.attendance($0), selected: $0.rawValue == invitee.attendance, isContent: false) })
            }
            return MeetingFrame(page: page, message: message, mayEdit: editing, agendaReadOnly: !(editing && page.minutes.editable),
                                inviteeRows: inviteeRows,
                                organisations: organisations, dossiers: dossiers, approvers: [Choice(value: "chair", label: context.labels.text("app.meeting.theChair"))] + meetings,
                                outcomeKinds: OutcomeKind.allCases.map { Choice(value: $0.rawValue, label: context.labels.outcomeKind($0)) },
                                changeKinds: RegisterChange.Kind.allCases.map { Choice(value: $0.rawValue, label: context.labels.changeKind($0)) },
                                attendance: Attendance.allCases.map { Choice(value: $0.rawValue, label: context.labels.attendance($0)) },
                                actionStatuses: ActionStatus.allCases.map { Choice(value: $0.rawValue, label: context.labels.actionStatus($0)) })
        }
    }
}

/// The meeting page with an optional message (why a form was not saved) and the forms' choices.
struct MeetingFrame: Encodable, Sendable {
    let page: MeetingPage
    let message: String?
    let mayEdit: Bool
    /// The agenda as a list (readers, or approved minutes) rather than the editing form.
    let agendaReadOnly: Bool
    let inviteeRows: [InviteeRow]
    let organisations: [Choice]
    let dossiers: [Choice]
    let approvers: [Choice]
    let outcomeKinds: [Choice]
    let changeKinds: [Choice]
    let attendance: [Choice]
    let actionStatuses: [Choice]
}

/// An invitee in the attendance form.
struct InviteeRow: Encodable, Sendable {
    let position: Int
    let name: String
    let options: [OptionView]
}
