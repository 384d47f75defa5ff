import DeltaDomain
import Testing

@Suite("Agenda proposal rules")
struct AgendaProposerTests {
    static func day(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }
    static func period(_ text: String) -> FuzzyPeriod { FuzzyPeriod.parse(text)! }

    static let dossier = Dossier(id: "d", title: "Dossier D", summary: "", bodyID: "wg")
    static let meeting = Meeting(id: "m2", bodyID: "wg", title: "Tweede", when: period("2026-10-01"), status: .planned)
    static let previous = Meeting(id: "m1", bodyID: "wg", title: "Eerste", when: period("2026-04-01"), status: .held)

    static func context(milestones: [Milestone] = [], agreements: [Agreement] = [], documents: [DocumentHeader] = [],
                        documentDossiers: [String: Set<String>] = [:], actions: [Outcome] = [], parked: [AgendaItem] = [],
                        changed: Set<String> = []) -> AgendaContext {
        AgendaContext(meeting: meeting, previousMeeting: previous, nextMeetingBy: day("2027-03-31"), dossiers: [dossier],
                      milestones: milestones, agreements: agreements, documents: documents, documentDossiers: documentDossiers,
                      openActions: actions, parkedItems: parked, agreementsChangedSince: changed)
    }

    @Test("overdue milestones, milestones due before the next meeting, and nothing about milestones done or far away")
    func milestones() {
        let items = AgendaProposer.propose(Self.context(milestones: [
            Milestone(id: "late", dossierID: "d", title: "Te laat", due: Self.period("zomer 2026"), status: .inProgress),
            Milestone(id: "soon", dossierID: "d", title: "Binnenkort", due: Self.period("begin 2027"), status: .planned),
            Milestone(id: "far", dossierID: "d", title: "Ver weg", due: Self.period("2029"), status: .planned),
            Milestone(id: "done", dossierID: "d", title: "Klaar", due: Self.period("zomer 2026"), status: .achieved, achievedOn: Self.day("2026-07-01")),
        ]))
        let byMilestone = Dictionary(items.compactMap { item in item.milestoneID.map { ($0, item.reason) } }, uniquingKeysWith: { a, _ in a })
        #expect(byMilestone["late"] == .overdueMilestone)
        #expect(byMilestone["soon"] == .milestoneDue)
        #expect(byMilestone["far"] == nil)
        #expect(byMilestone["done"] == nil)
    }

    @Test("a health change since the previous meeting is an item; an unchanged health is not")
    func healthChange() {
        // On track at the previous meeting (due later), overdue now.
        let changed = AgendaProposer.propose(Self.context(milestones: [
            Milestone(id: "x", dossierID: "d", title: "X", due: Self.period("zomer 2026"), status: .inProgress)]))
        let reportsChange = changed.contains { $0.reason == .healthChanged && $0.dossierID == "d" }
        #expect(reportsChange, "health went from on track to at risk")
        let same = AgendaProposer.propose(Self.context(milestones: [
            Milestone(id: "y", dossierID: "d", title: "Y", due: Self.period("2029"), status: .planned)]))
        let reportsNoChange = same.contains { $0.reason == .healthChanged }
        #expect(!reportsNoChange, "health stayed the same")
    }

    @Test("open actions and parked items come first; agreements without progress and new documents follow; one item per subject")
    func order() {
        let source = PassageReference(documentID: "doc-new", anchor: "p1", start: 0, length: 1, quote: "q")
        let items = AgendaProposer.propose(Self.context(
            agreements: [Agreement(id: "stalled", title: "Stil", source: source, dossierIDs: ["d"], due: Self.period("eind 2026"), completion: .notStarted),
                         Agreement(id: "moving", title: "Beweegt", source: source, dossierIDs: ["d"], due: Self.period("eind 2026"), completion: .notStarted),
                         Agreement(id: "done", title: "Klaar", source: source, dossierIDs: ["d"], due: Self.period("eind 2026"), completion: .complete)],
            documents: [DocumentHeader(id: "doc-new", kind: .minutes, title: "Nieuw verslag", date: FuzzyPeriod(day: Self.day("2026-06-01"))),
                        DocumentHeader(id: "doc-old", kind: .minutes, title: "Oud verslag", date: FuzzyPeriod(day: Self.day("2026-01-01"))),
                        DocumentHeader(id: "doc-other", kind: .minutes, title: "Ander", date: FuzzyPeriod(day: Self.day("2026-06-01")))],
            documentDossiers: ["doc-new": ["d"], "doc-old": ["d"], "doc-other": ["elders"]],
            actions: [Outcome(id: "a1", meetingID: "m1", kind: .action, text: "Doen", ownerPerson: "X"),
                      Outcome(id: "a1", meetingID: "m1", kind: .action, text: "Doen", ownerPerson: "X")],
            parked: [AgendaItem(id: "p", meetingID: "m1", position: 3, title: "Geparkeerd punt", reason: .manual, parked: true)],
            changed: ["moving"]))
        #expect(items.map(\.reason) == [.openAction, .parked, .agreementWithoutProgress, .newDocument])
        #expect(items[2].agreementID == "stalled")
        #expect(items[3].documentID == "doc-new")
        #expect(items.map(\.id) == ["m2-1", "m2-2", "m2-3", "m2-4"])
    }
}

@Suite("Meeting times")
struct MeetingTimeTests {
    @Test("times as people write them", arguments: [
        ("10:00", "10:00"), ("9:30", "09:30"), ("10.00", "10:00"), ("10:00-12:30", "10:00–12:30"),
        ("10:00–12:30", "10:00–12:30"), ("10.00 tot 12.30 uur", "10:00–12:30"),
    ])
    func parses(text: String, wording: String) {
        #expect(MeetingTime.parse(text)?.wording == wording)
    }

    @Test("not times: out of range, end before start, unknown zone", arguments: ["25:00", "10:60", "10", "12:00-10:00", "10:00-", "tien uur", ""])
    func refuses(text: String) {
        #expect(MeetingTime.parse(text) == nil)
    }

    @Test("only the zones meetings are held in")
    func zones() {
        #expect(MeetingTime.parse("10:00", timeZone: "Europe/Amsterdam")?.timeZone == "Europe/Amsterdam")
        #expect(MeetingTime.parse("10:00", timeZone: "America/New_York") == nil)
    }
}
