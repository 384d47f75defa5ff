import DeltaDomain
import DeltaReports
import DeltaStore
import Foundation
import HTTPTypes
import Hummingbird
import SQLKit

/// A meeting's page — invitees and attendance, the agenda (proposed, then accepted, reordered,
/// edited, parked), minutes with decisions and actions, approval and corrections — and a body's
/// decisions and actions lists.
struct MeetingController: Sendable {
    let engine: any DatabaseEngine
    let renderer: Renderer
    let configuration: AppConfiguration

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/meetings/{id}") { _, context -> Response in
            let id = try context.parameters.require("id")
            guard let page = try await meetingPage(id: id, context: context) else { throw HTTPError(.notFound) }
            return try renderer.html("meeting", PageFrame(page: try await frame(page, message: nil, context: context), path: "/bodies", context: context))
        }
        router.get("/api/meetings/{id}") { _, context -> Response in
            let id = try context.parameters.require("id")
            guard let page = try await meetingPage(id: id, context: context) else {
                return try renderer.problem(.notFound, detail: context.labels.text("error.noRecord", ["kind": context.labels.recordKind("meeting"), "id": id]), labels: context.labels)
            }
            return try renderer.json(page)
        }
        router.get("/bodies/{id}/decisions") { _, context -> Response in
            let id = try context.parameters.require("id")
            guard let page = try await decisionsPage(bodyID: id, context: context) else { throw HTTPError(.notFound) }
            return try renderer.html("decisions", PageFrame(page: page, path: "/bodies", context: context))
        }
        router.get("/api/bodies/{id}/decisions") { _, context -> Response in
            let id = try context.parameters.require("id")
            guard let page = try await decisionsPage(bodyID: id, context: context) else {
                return try renderer.problem(.notFound, detail: context.labels.text("error.noRecord", ["kind": context.labels.recordKind("body"), "id": id]), labels: context.labels)
            }
            return try renderer.json(page)
        }
        post(router, "/meetings/{id}/agenda/propose") { meeting, form, db, actor in
            let store = MeetingStore(db: db)
            let current = try await store.agenda(meetingID: meeting.id)
            guard let version = form["agendaVersion"] else { throw Invalid("app.meeting.error1") }
            guard version == Self.fingerprint(current) else { throw Conflict() }
            let proposed = AgendaProposer.propose(try await store.agendaContext(for: meeting))
            // Accepting is keeping: proposals join the agenda after what is there, once per subject.
            let present = Set(current.map(\.subject))
            var merged = current
            for item in proposed where !present.contains(item.subject) {
                var added = item
                added.id = Self.newID(meeting.id)
                merged.append(added)
            }
            try await store.replaceAgenda(meetingID: meeting.id, with: merged, actor: actor)
        }
        post(router, "/meetings/{id}/agenda") { meeting, form, db, actor in
            let store = MeetingStore(db: db)
            let current = try await store.agenda(meetingID: meeting.id)
            guard let version = form["agendaVersion"] else { throw Invalid("app.meeting.error1") }
            guard version == Self.fingerprint(current) else { throw Conflict() }
            var kept: [(order: Double, item: AgendaItem)] = []
            for (index, item) in current.enumerated() {
                guard form["keep_\(index + 1)"] == "on" else { continue }
                var edited = item
                if let title = form.trimmed("title_\(index + 1)") {
                    guard title.count <= 500 else { throw Invalid("app.meeting.error2") }
                    edited.title = title
                }
                edited.parked = form["parked_\(index + 1)"] == "on"
                let order = Double(form["order_\(index + 1)"] ?? "") ?? Double(index + 1)
                kept.append((order, edited))
            }
            if let title = form.trimmed("newTitle") {
                guard title.count <= 500 else { throw Invalid("app.meeting.error2") }
                let dossier = form.trimmed("newDossierID")
                if let dossier, try await Register(db: db, scope: .everything).dossier(id: dossier) == nil {
                    throw Invalid("app.meeting.error3")
                }
                let order = Double(form["newOrder"] ?? "") ?? Double(kept.count + 1)
                kept.append((order + 0.5, AgendaItem(id: Self.newID(meeting.id), meetingID: meeting.id, position: 0, title: title,
                                                     reason: .manual, dossierID: dossier)))
            }
            let ordered = kept.enumerated().sorted { ($0.element.order, $0.offset) < ($1.element.order, $1.offset) }.map(\.element.item)
            try await store.replaceAgenda(meetingID: meeting.id, with: ordered, actor: actor)
        }
        post(router, "/meetings/{id}/outcomes") { meeting, form, db, actor in
            let store = MeetingStore(db: db)
            guard let kind = form.trimmed("kind").flatMap(OutcomeKind.init(rawValue:)) else { throw Invalid("app.meeting.error4") }
            guard let text = form.trimmed("text"), text.count <= 4_000 else { throw Invalid("app.meeting.error5") }
            let register = Register(db: db, scope: .everything)
            let item = form.trimmed("agendaItemID")
            if let item, !(try await store.agenda(meetingID: meeting.id).contains { $0.id == item }) { throw Invalid("app.meeting.error6") }
            let owner = form.trimmed("ownerID")
            if let owner, try await register.organisation(id: owner) == nil { throw Invalid("app.meeting.error7") }
            var due: FuzzyPeriod?
            if let text = form.trimmed("due") {
                guard let period = FuzzyPeriod.parse(text, referenceYear: meeting.when.earliest.year) else {
                    throw Invalid("app.meeting.error8", ["text": text])
                }
                due = period
            }
            if kind == .action, owner == nil, form.trimmed("ownerPerson") == nil { throw Invalid("app.meeting.error9") }
            var change: RegisterChange?
            if kind == .decision, let changeKind = form.trimmed("changeKind").flatMap(RegisterChange.Kind.init(rawValue:)) {
                guard let recordID = form.trimmed("changeRecordID") else { throw Invalid("app.meeting.error10") }
                change = RegisterChange(kind: changeKind, recordID: recordID, value: form.trimmed("changeValue") ?? "")
            }
            let outcome = Outcome(id: Self.newID(meeting.id), meetingID: meeting.id, agendaItemID: item, kind: kind, text: text, ownerID: owner,
                                  ownerPerson: form.trimmed("ownerPerson"), due: due, change: change)
            try await store.addOutcome(outcome, actor: actor)
            if let change {
                // A decision changes only the dossiers of the meeting's body (and the bodies under it),
                // or what the recording account may edit anyway.
                let everything = Register(db: db, scope: .everything)
                let target: RecordPlacement? = switch change.kind {
                case .milestoneDue, .milestoneStatus: try await everything.milestone(id: change.recordID).map { $0.placement }
                case .agreementCompletion: try await everything.agreement(id: change.recordID).map { $0.placement }
                case .mandateGiven: try await everything.dossier(id: change.recordID).map { $0.placement }
                }
                if let target {
                    var placement = target
                    for dossierID in target.dossierIDs {
                        if let bodyID = try await everything.dossier(id: dossierID)?.bodyID { placement.bodyIDs.append(bodyID) }
                    }
                    let account = try await AccountStore(db: db).account(id: actor.name)
                    let tree = try await MeetingStore.bodyAndDescendants(meeting.bodyID, register: everything)
                    guard AccessRules.mayEdit(account, placement) || !tree.isDisjoint(with: placement.bodyIDs) else {
                        throw Invalid("app.meeting.error11", ["recordID": change.recordID])
                    }
                }
                do {
                    try await DecisionApplier(db: db, actor: actor).apply(change, decision: "\(meeting.id)/\(outcome.id)", on: meeting.when.latest)
                } catch let refusal as DecisionApplier.Refusal {
                    switch refusal {
                    case .unknownRecord(let kind, let id): throw Invalid("app.meeting.refusal.unknownRecord", ["kind": kind.rawValue, "id": id])
                    case .notAPeriod(let value): throw Invalid("app.meeting.refusal.notAPeriod", ["value": value])
                    case .notAMilestoneStatus(let value): throw Invalid("app.meeting.refusal.notAMilestoneStatus", ["value": value])
                    case .notACompletion(let value): throw Invalid("app.meeting.refusal.notACompletion", ["value": value])
                    }
                }
            }
        }
        post(router, "/meetings/{id}/outcomes/{outcomeID}/remove") { meeting, _, db, actor in
            let store = MeetingStore(db: db)
            guard let outcomeID = Self.pathValue, let outcome = try await store.outcome(id: outcomeID), outcome.meetingID == meeting.id else {
                throw Invalid("app.meeting.error12")
            }
            if outcome.change != nil { throw Invalid("app.meeting.error13") }
            try await store.removeOutcome(id: outcome.id, actor: actor)
        }
        post(router, "/meetings/{id}/actions/{outcomeID}") { meeting, form, db, actor in
            let store = MeetingStore(db: db)
            guard let outcomeID = Self.pathValue, let outcome = try await store.outcome(id: outcomeID), outcome.kind == .action else {
                throw Invalid("app.meeting.error14")
            }
            guard let status = form.trimmed("status").flatMap(ActionStatus.init(rawValue:)) else { throw Invalid("app.meeting.error15") }
            var doneOn: CalendarDate?
            if status == .done {
                doneOn = form.trimmed("doneOn").flatMap(CalendarDate.init(iso:)) ?? configuration.today()
            }
            try await store.setActionStatus(id: outcome.id, status, doneOn: doneOn, actor: actor)
        }
        post(router, "/meetings/{id}/minutes/approve") { meeting, form, db, actor in
            let store = MeetingStore(db: db)
            guard let approver = form.trimmed("approvedBy") else { throw Invalid("app.meeting.error16") }
            if approver != "chair", try await Register(db: db, scope: .everything).meeting(id: approver) == nil {
                throw Invalid("app.meeting.error17")
            }
            let day = form.trimmed("approvedOn").flatMap(CalendarDate.init(iso:)) ?? configuration.today()
            try await store.approve(meetingID: meeting.id, on: day, by: approver, actor: actor)
        }
        post(router, "/meetings/{id}/minutes/corrections") { meeting, form, db, actor in
            guard let text = form.trimmed("text"), text.count <= 4_000 else { throw Invalid("app.meeting.error18") }
            try await MeetingStore(db: db).addCorrection(meetingID: meeting.id, text: text, actor: actor)
        }
        post(router, "/meetings/{id}/invitees") { meeting, form, db, actor in
            guard Int(form["version"] ?? "") != nil else { throw Invalid("app.meeting.error19") }
            var changed = meeting
            for index in meeting.invitees.indices {
                if let value = form.trimmed("attendance_\(index)"), let attendance = Attendance(rawValue: value) { changed.invitees[index].attendance = attendance }
            }
            changed.invitees = changed.invitees.enumerated().filter { form["remove_\($0.offset)"] != "on" }.map(\.element)
            let organisation = form.trimmed("newOrganisationID"), person = form.trimmed("newPerson")
            if organisation != nil || person != nil {
                if let organisation, try await Register(db: db, scope: .everything).organisation(id: organisation) == nil {
                    throw Invalid("app.meeting.error7")
                }
                if let person, person.count > 200 { throw Invalid("app.meeting.error20") }
                changed.invitees.append(Invitee(organisationID: organisation, person: person))
            }
            do {
                try await RecordEditor(db: db, actor: actor).save(changed, expectedVersion: Int(form["version"] ?? "") ?? 0, action: "invitees")
            } catch StoreError.conflict {
                throw Conflict()
            }
        }
    }

    // MARK: Posting

    /// The outcome id of the current request's path (set per request by `post`).
    @TaskLocal static var pathValue: String?

    struct Conflict: Error {}
    /// A refused form: the catalogue key of the reason, with its parameters.
    struct Invalid: Error {
        let key: String
        let arguments: [String: String]
        init(_ key: String, _ arguments: [String: String] = [:]) {
            self.key = key
            self.arguments = arguments
        }
    }

    /// A state-changing form of a meeting: signed in, CSRF, the meeting visible and editable, then
    /// `change` in one transaction; answers with a redirect, or the page with the reason.
    private func post(_ router: Router<AppRequestContext>, _ path: String,
                      _ change: @escaping @Sendable (Meeting, FormInput, any SQLDatabase, AuditActor) async throws -> Void) {
        router.post(RouterPath(path)) { request, context -> Response in
            _ = try EditRoutes.signedIn(context)
            let form = try await FormInput.read(request, context: context)
            try form.requireCSRF(context)
            let id = try context.parameters.require("id")
            let scope = context.readScope
            guard let meeting = try await engine.read({ db in try await Register(db: db, scope: scope).meeting(id: id) }) else { throw HTTPError(.notFound) }
            guard AccessRules.mayEdit(context.account, meeting.placement), let actor = context.auditActor else { throw EditRoutes.forbidden }
            do {
                try await Self.$pathValue.withValue(context.parameters.get("outcomeID")) {
                    try await engine.transaction { db in try await change(meeting, form, db, actor) }
                }
            } catch is Conflict {
                return try await answer(id: id, context: context, message: context.labels.text("app.meeting.changedMeanwhile"), status: .conflict)
            } catch let invalid as Invalid {
                return try await answer(id: id, context: context, message: context.labels.text(invalid.key, invalid.arguments), status: .unprocessableContent)
            } catch StoreError.locked {
                return try await answer(id: id, context: context, message: context.labels.text("app.meeting.minutesApproved"), status: .conflict)
            }
            return .seeOther(to: "/meetings/\(id)")
        }
    }

    private func answer(id: String, context: AppRequestContext, message: String, status: HTTPResponse.Status) async throws -> Response {
        guard let page = try await meetingPage(id: id, context: context) else { throw HTTPError(.notFound) }
        return try renderer.html("meeting", PageFrame(page: try await frame(page, message: message, context: context), path: "/bodies", context: context), status: status)
    }

    static func fingerprint(_ items: [AgendaItem]) -> String {
        String(Secrets.sha256(items.map { "\($0.id)|\($0.title)|\($0.parked)|\($0.position)" }.joined(separator: "\n")).prefix(16))
    }

    static func newID(_ meetingID: String) -> String { "\(meetingID)-\(Secrets.random().prefix(8).lowercased())" }

    // MARK: Pages

    func meetingPage(id: String, context: AppRequestContext) async throws -> MeetingPage? {
        let scope = context.readScope
        let signedIn = context.account != nil
        let today = configuration.today()
        return try await engine.read { db in
            let register = Register(db: db, scope: scope)
            guard let meeting = try await register.meeting(id: id),
                  let version = try await register.versioned(Meeting.self, id: id)?.version else { return nil }
            let index = try await register.lookupIndex(today: today, labels: context.labels)
            let store = MeetingStore(db: db)
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
                agendaVersion: Self.fingerprint(agenda), version: version, showDraft: showDraft)
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
            guard let body = try await register.body(id: bodyID) else { return nil }
            let index = try await register.lookupIndex(today: today, labels: context.labels)
            let store = MeetingStore(db: db)
            var all: [OutcomeView] = []
            var decisions: [OutcomeView] = [], open: [OutcomeView] = [], closed: [OutcomeView] = []
            for meeting in try await register.meetings(bodyID: bodyID) {
                let minutes = try await store.minutes(meetingID: meeting.id)
                guard signedIn || minutes.status == .approved else { continue }
                let link = LinkView(id: meeting.id, name: "\(meeting.title) (\(context.labels.period(meeting.when)))", url: "/meetings/\(meeting.id)")
                for outcome in try await store.outcomes(meetingID: meeting.id) {
                    let view = MeetingLabels.outcome(outcome, index: index, meeting: link)
                    all.append(view)
                    if outcome.kind == .decision { decisions.append(view) }
                    if outcome.kind == .action { outcome.isOpenAction ? open.append(view) : closed.append(view) }
                }
            }
            _ = all
            return DecisionsPage(title: context.labels.text("app.title.decisions", ["body": body.name]), body: index.body(bodyID)!, decisions: decisions,
                                 openActions: open, closedActions: closed)
        }
    }
}

extension MeetingController {
    /// The HTML-only parts of the meeting page: what the forms offer, and whether the reader may edit.
    func frame(_ page: MeetingPage, message: String?, context: AppRequestContext) async throws -> MeetingFrame {
        let scope = context.readScope
        let mayEdit = AccessRules.mayEdit(context.account, RecordPlacement(kind: .meeting, bodyIDs: [page.meeting.body.id]))
        return try await engine.read { db in
            let register = Register(db: db, scope: scope)
            let organisations = try await register.organisations().map { Choice(value: $0.id, label: $0.name) }
            let dossiers = try await register.dossiers().map { Choice(value: $0.id, label: $0.title) }
            let meetings = try await register.meetings(bodyID: page.meeting.body.id).filter { $0.id != page.meeting.id }
                .map { Choice(value: $0.id, label: "\($0.title) (\(context.labels.period($0.when)))") }
            let inviteeRows = page.invitees.map { invitee in
                InviteeRow(position: invitee.position,
                           name: [invitee.organisation?.name, invitee.person].compactMap { $0 }.joined(separator: " – "),
                           options: Attendance.allCases.map { OptionView(value: $0.rawValue, label: context.labels.attendance($0), selected: $0.rawValue == invitee.attendance) })
            }
            let editing = mayEdit && context.identity?.session != nil
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
