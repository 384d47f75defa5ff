import DeltaDomain
import Foundation
import SQLKit

/// Agendas, outcomes and minutes of meetings. Every change is audited on the meeting's record, and
/// approved minutes refuse every change but a correction and the follow-up of actions.
public struct MeetingStore: Sendable {
    let db: any SQLDatabase
    /// What the reader is shown, for reads on behalf of a public-only reader (`Register.meetingStore()`):
    /// then agendas, outcomes and minutes name no hidden record. Nil: everything as stored.
    let shown: ShownRecords?

    /// A store over a connection (inside a transaction for writes).
    public init(db: any SQLDatabase) { self.db = db; self.shown = nil }

    /// A store whose reads show what `shown` allows.
    init(db: any SQLDatabase, shown: ShownRecords?) { self.db = db; self.shown = shown }

    private func shown(_ items: [AgendaItem]) -> [AgendaItem] { shown.map { rule in items.map(rule.agendaItem) } ?? items }
    private func shown(_ outcomes: [Outcome]) -> [Outcome] { shown.map { rule in outcomes.map(rule.outcome) } ?? outcomes }

    // MARK: Agenda

    /// A meeting's agenda in order.
    public func agenda(meetingID: String) async throws -> [AgendaItem] {
        shown(try await db.select().column("*").from("agenda_items").where("meeting_id", .equal, meetingID).orderBy("position").all()
            .map(Self.agendaItem(from:)))
    }

    /// The agendas of several meetings in one statement, by meeting id, each in order; a meeting
    /// without items is absent.
    public func agenda(meetingIDs: [String]) async throws -> [String: [AgendaItem]] {
        guard !meetingIDs.isEmpty else { return [:] }
        let items = try await db.select().column("*").from("agenda_items").where("meeting_id", .in, meetingIDs)
            .orderBy("meeting_id").orderBy("position").all().map(Self.agendaItem(from:))
        return Dictionary(grouping: shown(items), by: \.meetingID)
    }

    /// Replaces a meeting's agenda (accept, reorder, edit, add, park) and audits the old and new list.
    public func replaceAgenda(meetingID: String, with items: [AgendaItem], actor: AuditActor) async throws {
        // The agenda is part of the minutes: once they are approved it is frozen too.
        try await requireDraft(meetingID)
        let before = try await agenda(meetingID: meetingID)
        try await db.delete(from: "agenda_items").where("meeting_id", .equal, meetingID).run()
        for (position, item) in items.enumerated() {
            try await db.insert(into: "agenda_items")
                .columns("id", "meeting_id", "position", "title", "reason", "dossier_id", "milestone_id", "agreement_id", "document_id", "action_id", "parked")
                .values(SQLBind(item.id), SQLBind(meetingID), SQLBind(position), SQLBind(item.title), SQLBind(item.reason.rawValue),
                        SQLBind(item.dossierID), SQLBind(item.milestoneID), SQLBind(item.agreementID), SQLBind(item.documentID),
                        SQLBind(item.actionID), SQLBind(item.parked ? 1 : 0))
                .run()
        }
        try await AuditLog(db: db).append(actor: actor, kind: RecordKind.meeting.rawValue, id: meetingID, action: "agenda",
                                          changes: [FieldChange(field: "agenda", before: Self.titles(before), after: Self.titles(items))])
    }

    private static func titles(_ items: [AgendaItem]) -> String {
        items.enumerated().map { "\($0.offset + 1). \($0.element.title)\($0.element.parked ? " (geparkeerd)" : "")" }.joined(separator: "\n")
    }

    /// Items parked at earlier meetings of a body whose subject has not been on a later agenda unparked.
    public func parkedItems(bodyID: String, before meeting: Meeting) async throws -> [AgendaItem] {
        let earlier = try await meetings(bodyID: bodyID).filter { $0.id != meeting.id && $0.when.latest <= meeting.when.earliest }
        let agendas = try await agenda(meetingIDs: earlier.map(\.id))
        var bySubject: [String: AgendaItem] = [:]
        for previous in earlier.sorted(by: { ($0.when.latest, $0.id) < ($1.when.latest, $1.id) }) {
            for item in agendas[previous.id] ?? [] {
                bySubject[item.subject] = item.parked ? item : nil
            }
        }
        return bySubject.values.sorted { ($0.meetingID, $0.position) < ($1.meetingID, $1.position) }
    }

    private func meetings(bodyID: String) async throws -> [Meeting] {
        try await Register(db: db, scope: .everything).meetings(bodyID: bodyID)
    }

    // MARK: Outcomes

    /// A meeting's outcomes in order.
    public func outcomes(meetingID: String) async throws -> [Outcome] {
        shown(try await db.select().column("*").from("outcomes").where("meeting_id", .equal, meetingID).orderBy("position").all()
            .map(Self.outcome(from:)))
    }

    /// The outcomes of several meetings in one statement, by meeting id, each in order; a meeting
    /// without outcomes is absent.
    public func outcomes(meetingIDs: [String]) async throws -> [String: [Outcome]] {
        guard !meetingIDs.isEmpty else { return [:] }
        let outcomes = try await db.select().column("*").from("outcomes").where("meeting_id", .in, meetingIDs)
            .orderBy("meeting_id").orderBy("position").all().map(Self.outcome(from:))
        return Dictionary(grouping: shown(outcomes), by: \.meetingID)
    }

    /// Every outcome of a body's meetings, meeting by meeting.
    public func outcomes(bodyID: String) async throws -> [Outcome] {
        try await outcomes(bodyIDs: [bodyID])[bodyID] ?? []
    }

    /// Every outcome of the meetings of several bodies in one statement, by body id, each body's
    /// meeting by meeting (by date, as `Register.meetings` lists them) and in order within a
    /// meeting; a body without outcomes is absent.
    public func outcomes(bodyIDs: [String]) async throws -> [String: [Outcome]] {
        guard !bodyIDs.isEmpty else { return [:] }
        let rows = try await db.select()
            .column(SQLColumn("*", table: "o"))
            .column(SQLAlias(SQLColumn("body_id", table: "m"), as: SQLIdentifier("meeting_body_id")))
            .from(SQLAlias(SQLIdentifier("outcomes"), as: SQLIdentifier("o")))
            .join(SQLAlias(SQLIdentifier("meetings"), as: SQLIdentifier("m")), method: SQLJoinMethod.inner,
                  on: SQLBinaryExpression(SQLColumn("id", table: "m"), .equal, SQLColumn("meeting_id", table: "o")))
            .where(SQLColumn("body_id", table: "m"), .in, SQLBind.group(bodyIDs))
            .orderBy(SQLColumn("when_latest", table: "m")).orderBy(SQLColumn("id", table: "m")).orderBy(SQLColumn("position", table: "o"))
            .all()
        var result: [String: [Outcome]] = [:]
        for row in rows {
            let outcome = try Self.outcome(from: row)
            if let shown, !shown.contains(.meeting, outcome.meetingID) { continue }
            result[try row.decode(column: "meeting_body_id", as: String.self), default: []].append(shown?.outcome(outcome) ?? outcome)
        }
        return result
    }

    /// One outcome.
    public func outcome(id: String) async throws -> Outcome? {
        try await db.select().column("*").from("outcomes").where("id", .equal, id).first().map(Self.outcome(from:))
    }

    /// Open actions of a body from meetings before `meeting` (they stay on every agenda until done).
    public func openActions(bodyID: String, before meeting: Meeting) async throws -> [Outcome] {
        let earlier = try await meetings(bodyID: bodyID).filter { $0.id != meeting.id && $0.when.latest <= meeting.when.earliest }
        let outcomes = try await outcomes(meetingIDs: earlier.map(\.id))
        return earlier.flatMap { outcomes[$0.id] ?? [] }.filter(\.isOpenAction)
    }

    /// Records an outcome in draft minutes; refused once the minutes are approved.
    public func addOutcome(_ outcome: Outcome, actor: AuditActor) async throws {
        try await requireDraft(outcome.meetingID)
        let position = try await outcomes(meetingID: outcome.meetingID).count
        try await db.insert(into: "outcomes")
            .columns("id", "meeting_id", "agenda_item_id", "position", "kind", "text", "owner_id", "owner_person", "due_json",
                     "action_status", "done_on", "change_json")
            .values(SQLBind(outcome.id), SQLBind(outcome.meetingID), SQLBind(outcome.agendaItemID), SQLBind(position),
                    SQLBind(outcome.kind.rawValue), SQLBind(outcome.text), SQLBind(outcome.ownerID), SQLBind(outcome.ownerPerson),
                    SQLBind(JSONColumn.encode(outcome.due)), SQLBind(outcome.actionStatus?.rawValue), SQLBind(outcome.doneOn?.iso),
                    SQLBind(JSONColumn.encode(outcome.change)))
            .run()
        try await AuditLog(db: db).append(actor: actor, kind: RecordKind.meeting.rawValue, id: outcome.meetingID, action: "outcome-\(outcome.kind.rawValue)",
                                          changes: FieldChange.between(nil as Outcome?, outcome))
    }

    /// Removes an outcome from draft minutes.
    public func removeOutcome(id: String, actor: AuditActor) async throws {
        guard let outcome = try await outcome(id: id) else { throw StoreError.notFound(kind: "outcome", id: id) }
        try await requireDraft(outcome.meetingID)
        try await db.delete(from: "outcomes").where("id", .equal, id).run()
        try await AuditLog(db: db).append(actor: actor, kind: RecordKind.meeting.rawValue, id: outcome.meetingID, action: "outcome-removed",
                                          changes: FieldChange.between(outcome, nil as Outcome?))
    }

    /// Follows up an action: done, dropped or open again. Allowed after approval: it is not the minutes' text.
    public func setActionStatus(id: String, _ status: ActionStatus, doneOn: CalendarDate?, actor: AuditActor) async throws {
        guard let outcome = try await outcome(id: id), outcome.kind == .action else { throw StoreError.notFound(kind: "action", id: id) }
        try await db.update("outcomes").set("action_status", to: status.rawValue).set("done_on", to: doneOn?.iso).where("id", .equal, id).run()
        try await AuditLog(db: db).append(actor: actor, kind: RecordKind.meeting.rawValue, id: outcome.meetingID, action: "action-status",
                                          changes: [FieldChange(field: "action \(id)", before: outcome.actionStatus?.rawValue, after: status.rawValue)])
    }

    // MARK: Minutes

    /// The minutes of a meeting (draft when nothing was recorded yet).
    public func minutes(meetingID: String) async throws -> MinutesRecord {
        guard let row = try await db.select().column("*").from("minutes").where("meeting_id", .equal, meetingID).first() else {
            return MinutesRecord(meetingID: meetingID)
        }
        let minutes = try Self.minutes(from: row)
        return shown?.minutes(minutes) ?? minutes
    }

    /// The minutes of several meetings in one statement, by meeting id; every id asked for is
    /// present (draft when nothing was recorded yet).
    public func minutes(meetingIDs: [String]) async throws -> [String: MinutesRecord] {
        var result = Dictionary(meetingIDs.map { ($0, MinutesRecord(meetingID: $0)) }, uniquingKeysWith: { first, _ in first })
        guard !meetingIDs.isEmpty else { return result }
        for row in try await db.select().column("*").from("minutes").where("meeting_id", .in, meetingIDs).all() {
            let record = try Self.minutes(from: row)
            result[record.meetingID] = shown?.minutes(record) ?? record
        }
        return result
    }

    /// Approves draft minutes ("chair", or the id of the meeting that approved them); refused when already approved.
    public func approve(meetingID: String, on day: CalendarDate, by approver: String, actor: AuditActor) async throws {
        try await requireDraft(meetingID)
        try await db.delete(from: "minutes").where("meeting_id", .equal, meetingID).run()
        try await db.insert(into: "minutes").columns("meeting_id", "status", "approved_on", "approved_by", "corrections_json")
            .values(SQLBind(meetingID), SQLBind(MinutesStatus.approved.rawValue), SQLBind(day.iso), SQLBind(approver), SQLBind("[]")).run()
        // Approved minutes become searchable, with the transaction that approves them.
        try await SearchIndex(db: db).updateMeeting(id: meetingID)
        try await AuditLog(db: db).append(actor: actor, kind: RecordKind.meeting.rawValue, id: meetingID, action: "minutes-approved",
                                          changes: [FieldChange(field: "minutes", before: "draft", after: "approved \(day.iso) by \(approver)")])
    }

    /// Adds a correction to approved minutes: the only change they accept.
    public func addCorrection(meetingID: String, text: String, actor: AuditActor, now: Date = Date()) async throws {
        var record = try await minutes(meetingID: meetingID)
        guard record.status == .approved else { throw StoreError.locked("draft minutes are edited directly; corrections are for approved minutes") }
        record.corrections.append(MinutesCorrection(text: text, author: actor.name, at: now.formatted(.iso8601)))
        try await db.update("minutes").set("corrections_json", to: JSONColumn.encode(record.corrections)).where("meeting_id", .equal, meetingID).run()
        try await SearchIndex(db: db).updateMeeting(id: meetingID)
        try await AuditLog(db: db).append(actor: actor, kind: RecordKind.meeting.rawValue, id: meetingID, action: "minutes-correction",
                                          changes: [FieldChange(field: "correction", before: nil, after: text)])
    }

    private func requireDraft(_ meetingID: String) async throws {
        if try await minutes(meetingID: meetingID).status == .approved {
            throw StoreError.locked("the minutes of \(meetingID) are approved; add a correction instead")
        }
    }

    // MARK: Rows

    static func agendaItem(from row: any SQLRow) throws -> AgendaItem {
        AgendaItem(id: try row.decode(column: "id", as: String.self), meetingID: try row.decode(column: "meeting_id", as: String.self),
                   position: try row.decode(column: "position", as: Int.self), title: try row.decode(column: "title", as: String.self),
                   reason: try storedEnum(AgendaReason.self, try row.decode(column: "reason", as: String.self), column: "reason"),
                   dossierID: try row.decode(column: "dossier_id", as: String?.self), milestoneID: try row.decode(column: "milestone_id", as: String?.self),
                   agreementID: try row.decode(column: "agreement_id", as: String?.self), documentID: try row.decode(column: "document_id", as: String?.self),
                   actionID: try row.decode(column: "action_id", as: String?.self), parked: try row.decode(column: "parked", as: Int.self) != 0)
    }

    static func minutes(from row: any SQLRow) throws -> MinutesRecord {
        MinutesRecord(meetingID: try row.decode(column: "meeting_id", as: String.self),
                      status: try storedEnum(MinutesStatus.self, try row.decode(column: "status", as: String.self), column: "status"),
                      approvedOn: try storedDate(try row.decode(column: "approved_on", as: String?.self), column: "approved_on"),
                      approvedBy: try row.decode(column: "approved_by", as: String?.self),
                      corrections: try JSONColumn.decodeList(MinutesCorrection.self, try row.decode(column: "corrections_json", as: String.self),
                                                             column: "corrections_json"))
    }

    static func outcome(from row: any SQLRow) throws -> Outcome {
        Outcome(id: try row.decode(column: "id", as: String.self), meetingID: try row.decode(column: "meeting_id", as: String.self),
                agendaItemID: try row.decode(column: "agenda_item_id", as: String?.self),
                kind: try storedEnum(OutcomeKind.self, try row.decode(column: "kind", as: String.self), column: "kind"),
                text: try row.decode(column: "text", as: String.self), ownerID: try row.decode(column: "owner_id", as: String?.self),
                ownerPerson: try row.decode(column: "owner_person", as: String?.self),
                due: try JSONColumn.decode(FuzzyPeriod.self, try row.decode(column: "due_json", as: String?.self), column: "due_json"),
                actionStatus: try row.decode(column: "action_status", as: String?.self).map { try storedEnum(ActionStatus.self, $0, column: "action_status") },
                doneOn: try storedDate(try row.decode(column: "done_on", as: String?.self), column: "done_on"),
                change: try JSONColumn.decode(RegisterChange.self, try row.decode(column: "change_json", as: String?.self), column: "change_json"))
    }
}

extension MeetingStore {
    /// A body and the bodies under it (the political consultation oversees the working groups'
    /// dossiers through the DG consultation).
    public static func bodyAndDescendants(_ bodyID: String, register: Register) async throws -> Set<String> {
        BodyTree.ids(under: bodyID, in: try await register.bodies())
    }

    /// Everything the agenda proposal for `meeting` looks at, read from the register and the audit log.
    public func agendaContext(for meeting: Meeting) async throws -> AgendaContext {
        let register = Register(db: db, scope: .everything)
        let body = try await register.body(id: meeting.bodyID)
        let meetings = try await register.meetings(bodyID: meeting.bodyID)
        let bodyIDs = try await Self.bodyAndDescendants(meeting.bodyID, register: register)
        let day = meeting.when.earliest
        let previous = meetings.filter { $0.id != meeting.id && $0.status == .held && $0.when.latest < day }
            .max { ($0.when.latest, $0.id) < ($1.when.latest, $1.id) }
        let following = meetings.filter { $0.id != meeting.id && $0.when.earliest > meeting.when.latest && $0.status != .cancelled }
            .min { ($0.when.earliest, $0.id) < ($1.when.earliest, $1.id) }
        let cadenceDue = body.flatMap { CadenceRules.nextMeetingDueBy(rule: $0.cadence, since: $0.since, meetings: meetings, today: meeting.when.latest.adding(days: 1)) }
        let dossiers = try await register.dossiers().filter { $0.bodyID.map(bodyIDs.contains) ?? false }
        let dossierIDs = Set(dossiers.map(\.id))
        // One read for all milestones of these dossiers, each once (the proposer groups them per dossier).
        let milestones = try await register.milestones().filter { !dossierIDs.isDisjoint(with: $0.dossierIDs) }
        var agreements: [Agreement] = []
        var seenAgreements = Set<String>()
        var documentDossiers: [String: Set<String>] = [:]
        for agreement in try await register.agreements() {
            documentDossiers[agreement.source.documentID, default: []].formUnion(agreement.dossierIDs)
            if !dossierIDs.isDisjoint(with: agreement.dossierIDs), seenAgreements.insert(agreement.id).inserted { agreements.append(agreement) }
        }
        let since = previous.map { $0.when.latest.adding(days: 1).iso } ?? day.adding(days: -365).iso
        let changed = try await db.select().column("record_id").from("audit_log").where("record_kind", .equal, RecordKind.agreement.rawValue)
            .where("at", .greaterThanOrEqual, since).where("action", .notEqual, "import").all()
            .map { try $0.decode(column: "record_id", as: String.self) }
        return AgendaContext(meeting: meeting, previousMeeting: previous, nextMeetingBy: following?.when.earliest ?? cadenceDue,
                             dossiers: dossiers, milestones: milestones, agreements: agreements,
                             documents: try await register.documentHeaders(), documentDossiers: documentDossiers,
                             openActions: try await openActions(bodyID: meeting.bodyID, before: meeting),
                             parkedItems: try await parkedItems(bodyID: meeting.bodyID, before: meeting),
                             agreementsChangedSince: Set(changed))
    }
}
