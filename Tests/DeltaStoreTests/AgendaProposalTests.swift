import DeltaDomain
import DeltaImport
import DeltaReports
import DeltaServices
import DeltaStore
import DeltaTestSupport
import Foundation
import SQLKit
import Testing

@Suite("Agendas, actions and minutes")
struct AgendaProposalTests {
    static let actor = AuditActor(name: "secretaris", via: "session")

    @Test("the planned political consultation of summer 2026 gets items from the working groups' dossiers", arguments: allEngines)
    func politicalConsultation(kind: EngineKind) async throws {
        try await withDatabase(kind) { database in
            _ = try await Demo.importInto(database.engine)
            let context = try await database.engine.read { db -> AgendaContext in
                let meeting = try await Register(db: db, scope: .everything).meeting(id: "politiek-overleg-zomer-2026")!
                return try await MeetingStore(db: db).agendaContext(for: meeting)
            }
            // The February 2026 signing was not a consultation: there is no earlier held one.
            #expect(context.previousMeeting == nil)
            let hasERTMS = context.dossiers.contains { $0.id == "ertms" }
            #expect(hasERTMS, "the working group's dossiers are the consultation's too")
            let items = AgendaProposer.propose(context)
            let reasons = Set(items.map(\.reason))
            #expect(reasons.contains(.milestoneDue))
            #expect(reasons.contains(.healthChanged))
            #expect(Set(items.map(\.subject)).count == items.count, "one item per subject")
            #expect(items.map(\.position) == Array(0..<items.count))
        }
    }

    /// Three meetings of the 3RX working group: an action from the first stays on the agenda of the
    /// second and third until it is done, and is gone from the fourth.
    @Test("an open action is carried over to every following agenda until it is done", arguments: allEngines)
    func carryOver(kind: EngineKind) async throws {
        try await withDatabase(kind) { database in
            _ = try await Demo.importInto(database.engine)
            let engine = database.engine
            let meetings = [("wg3rx-1", "2026-03-10", MeetingStatus.held), ("wg3rx-2", "2026-09-10", .held),
                            ("wg3rx-3", "2027-03-10", .held), ("wg3rx-4", "2027-09-10", .planned)].map { id, day, status in
                Meeting(id: id, bodyID: "werkgroep-3rx", title: "Werkgroep 3RX \(id.suffix(1))", when: FuzzyPeriod.parse(day)!, status: status)
            }
            try await engine.transaction { db in
                for meeting in meetings { try await RecordEditor(db: db, actor: Self.actor).save(meeting, expectedVersion: nil) }
                try await MeetingStore(db: db).addOutcome(Outcome(id: "actie-studie", meetingID: "wg3rx-1", kind: .action,
                                                                  text: "Studie tracé Duitse zijde opvragen", ownerID: "ienw",
                                                                  due: FuzzyPeriod.parse("eind 2026")), actor: Self.actor)
            }
            func proposal(_ index: Int) async throws -> [AgendaItem] {
                try await engine.read { db in AgendaProposer.propose(try await MeetingStore(db: db).agendaContext(for: meetings[index])) }
            }
            let second = try await proposal(1)
            let third = try await proposal(2)
            #expect(second.first?.actionID == "actie-studie")
            #expect(second.first?.reason == .openAction)
            #expect(third.first?.actionID == "actie-studie")
            try await engine.transaction { db in
                try await MeetingStore(db: db).setActionStatus(id: "actie-studie", .done, doneOn: FuzzyPeriod.parse("2027-03-10")!.earliest, actor: Self.actor)
            }
            let fourth = try await proposal(3)
            let carriedToFourth = fourth.contains { $0.actionID == "actie-studie" }
            #expect(!carriedToFourth, "a done action is no longer carried over")
        }
    }

    @Test("approved minutes refuse changes but take corrections and action follow-up; every step is audited", arguments: allEngines)
    func approval(kind: EngineKind) async throws {
        try await withDatabase(kind) { database in
            _ = try await Demo.importInto(database.engine)
            let engine = database.engine
            let meetingID = "top-2025-gent"
            try await engine.transaction { db in
                let store = MeetingStore(db: db)
                try await store.addOutcome(Outcome(id: "b1", meetingID: meetingID, kind: .decision, text: "Werkgroep opgericht"), actor: Self.actor)
                try await store.addOutcome(Outcome(id: "a1", meetingID: meetingID, kind: .action, text: "Agenda opstellen", ownerPerson: "secretariaat"), actor: Self.actor)
                try await store.approve(meetingID: meetingID, on: FuzzyPeriod.parse("2026-03-01")!.earliest, by: "chair", actor: Self.actor)
            }
            var refused: StoreError?
            do {
                try await engine.transaction { db in
                    try await MeetingStore(db: db).addOutcome(Outcome(id: "b2", meetingID: meetingID, kind: .decision, text: "Later toegevoegd"), actor: Self.actor)
                }
            } catch let error as StoreError { refused = error }
            #expect(refused != nil)
            var removal: StoreError?
            do {
                try await engine.transaction { db in try await MeetingStore(db: db).removeOutcome(id: "b1", actor: Self.actor) }
            } catch let error as StoreError { removal = error }
            #expect(removal != nil)
            var again: StoreError?
            do {
                try await engine.transaction { db in
                    try await MeetingStore(db: db).approve(meetingID: meetingID, on: FuzzyPeriod.parse("2026-03-02")!.earliest, by: "chair", actor: Self.actor)
                }
            } catch let error as StoreError { again = error }
            #expect(again != nil, "approving twice is refused")
            try await engine.transaction { db in
                try await MeetingStore(db: db).addCorrection(meetingID: meetingID, text: "Besluit b1 betreft de werkgroep BE-NL", actor: Self.actor)
                try await MeetingStore(db: db).setActionStatus(id: "a1", .done, doneOn: nil, actor: Self.actor)
            }
            let (outcomes, minutes, history) = try await engine.read { db in
                (try await MeetingStore(db: db).outcomes(meetingID: meetingID), try await MeetingStore(db: db).minutes(meetingID: meetingID),
                 try await AuditLog(db: db).entries(kind: "meeting", id: meetingID))
            }
            #expect(outcomes.map(\.id) == ["b1", "a1"])
            #expect(outcomes.last?.actionStatus == .done)
            #expect(minutes.status == .approved)
            #expect(minutes.corrections.count == 1)
            #expect(history.map(\.action).suffix(5) == ["outcome-decision", "outcome-action", "minutes-approved", "minutes-correction", "action-status"])
        }
    }

    @Test("a decision moves a milestone, audited as the decision's doing", arguments: allEngines)
    func decisionChangesRegister(kind: EngineKind) async throws {
        try await withDatabase(kind) { database in
            _ = try await Demo.importInto(database.engine)
            let engine = database.engine
            try await engine.transaction { db in
                try await DecisionApplier(db: db, actor: Self.actor).apply(RegisterChange(kind: .milestoneDue, recordID: "vervolgbijeenkomst-2026-q2", value: "eind 2027"),
                                                                           meetingID: "m", outcomeID: "b1", on: FuzzyPeriod.parse("2026-11-20")!.earliest)
            }
            let (milestone, history) = try await engine.read { db in
                (try await Register(db: db, scope: .everything).milestone(id: "vervolgbijeenkomst-2026-q2"),
                 try await AuditLog(db: db).entries(kind: "milestone", id: "vervolgbijeenkomst-2026-q2"))
            }
            #expect(milestone?.due.wording == "eind 2027")
            #expect(history.last?.action == "decision m/b1")
            var refusal: DecisionApplier.Refusal?
            do {
                try await engine.transaction { db in
                    try await DecisionApplier(db: db, actor: Self.actor).apply(RegisterChange(kind: .milestoneStatus, recordID: "nope", value: "achieved"),
                                                                               meetingID: "m", outcomeID: "b2", on: FuzzyPeriod.parse("2026-11-20")!.earliest)
                }
            } catch let error as DecisionApplier.Refusal { refusal = error }
            #expect(refusal != nil)
        }
    }
}

@Suite("Check: actions past due")
struct ActionCheckTests {
    @Test("deltaberaad check lists an open action whose period has passed, and not a done one", arguments: allEngines)
    func pastDue(kind: EngineKind) async throws {
        try await withDatabase(kind) { database in
            _ = try await Demo.importInto(database.engine)
            let actor = AuditActor(name: "secretaris", via: "session")
            try await database.engine.transaction { db in
                let store = MeetingStore(db: db)
                try await store.addOutcome(Outcome(id: "late", meetingID: "top-2025-gent", kind: .action, text: "Nota opstellen",
                                                   ownerID: "ienw", due: FuzzyPeriod.parse("voorjaar 2026")), actor: actor)
                try await store.addOutcome(Outcome(id: "finished", meetingID: "top-2025-gent", kind: .action, text: "Brief sturen",
                                                   ownerID: "ienw", due: FuzzyPeriod.parse("voorjaar 2026")), actor: actor)
                try await store.setActionStatus(id: "finished", .done, doneOn: nil, actor: actor)
            }
            let found = try await reading(database.engine) { register in try await RegisterCheck.findings(in: register, today: day("2026-11-23")) }
            let lines = found.map(TestCatalogues.labels(.en).finding)
            let late = lines.filter { $0.hasPrefix("action past due") }
            #expect(late.count == 1)
            #expect(late.first?.contains("late") == true)
        }
    }
}

@Suite("The agenda is frozen with approved minutes")
struct FrozenAgendaTests {
    @Test("replacing the agenda of approved minutes is refused", arguments: allEngines)
    func frozen(kind: EngineKind) async throws {
        try await withDatabase(kind) { database in
            _ = try await Demo.importInto(database.engine)
            let actor = AuditActor(name: "secretaris", via: "session")
            let meetingID = "top-2025-gent"
            let item = AgendaItem(id: "i1", meetingID: meetingID, position: 0, title: "Ondertekening", reason: .manual)
            try await database.engine.transaction { db in
                try await MeetingStore(db: db).replaceAgenda(meetingID: meetingID, with: [item], actor: actor)
                try await MeetingStore(db: db).approve(meetingID: meetingID, on: day("2026-03-01"), by: "chair", actor: actor)
            }
            var refused: StoreError?
            do {
                try await database.engine.transaction { db in
                    try await MeetingStore(db: db).replaceAgenda(meetingID: meetingID, with: [], actor: actor)
                }
            } catch let error as StoreError { refused = error }
            #expect(refused != nil)
            let agenda = try await database.engine.read { db in try await MeetingStore(db: db).agenda(meetingID: meetingID) }
            #expect(agenda.map(\.id) == ["i1"])
        }
    }
}
