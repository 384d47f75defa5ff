import DeltaDomain
import DeltaReports
import DeltaTestSupport
import Testing

@Suite("Progress report")
struct ProgressReportTests {
    static func day(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }

    static func input() -> ProgressReportInput {
        let body = Body(id: "po", name: "Politiek overleg <BE–NL>", kind: .politicalConsultation, cadence: .perYear(count: 1))
        let dossier = Dossier(id: "d1", title: "ERTMS & grens", summary: "", bodyID: "po")
        let other = Dossier(id: "d2", title: "Alpha", summary: "", bodyID: "po")
        let milestones = [
            Milestone(id: "m-reached", dossierID: "d1", title: "Bereikt in 2026", due: FuzzyPeriod.parse("voorjaar 2026")!, status: .achieved, achievedOn: day("2026-03-01")),
            Milestone(id: "m-reached-earlier", dossierID: "d1", title: "Bereikt in 2025", due: FuzzyPeriod.parse("2025")!, status: .achieved, achievedOn: day("2025-06-01")),
            Milestone(id: "m-missed", dossierID: "d1", title: "Gemist", due: FuzzyPeriod.parse("eind tweede kwartaal 2026")!, status: .inProgress),
            Milestone(id: "m-next", dossierID: "d1", title: "Volgende", due: FuzzyPeriod.parse("voorjaar 2027")!, status: .planned),
            Milestone(id: "m-cancelled", dossierID: "d1", title: "Geschrapt", due: FuzzyPeriod.parse("juni 2026")!, status: .cancelled),
        ]
        let source = PassageReference(documentID: "doc", anchor: "p1", start: 0, length: 1, quote: "x")
        let agreements = [Agreement(id: "a1", title: "Afspraak één", source: source, dossierIDs: ["d1"], completion: .limited),
                          Agreement(id: "a2", title: "Afspraak twee", source: source, dossierIDs: ["d1"], completion: .complete)]
        let meeting = Meeting(id: "mt", bodyID: "po", title: "Overleg juni", when: FuzzyPeriod.parse("2026-06-15")!, status: .held)
        let outcomes: [(outcome: Outcome, meeting: Meeting, dossierID: String?)] = [
            (Outcome(id: "b1", meetingID: "mt", kind: .decision, text: "Besluit over ERTMS"), meeting, "d1"),
            (Outcome(id: "x1", meetingID: "mt", kind: .action, text: "Actie ERTMS", ownerID: "ienw", due: FuzzyPeriod.parse("eind 2026")), meeting, "d1"),
            (Outcome(id: "x2", meetingID: "mt", kind: .action, text: "Afgeronde actie", ownerID: "ienw", actionStatus: .done), meeting, "d1"),
            (Outcome(id: "b2", meetingID: "mt", kind: .decision, text: "Algemeen besluit"), meeting, nil),
        ]
        let investment = Investment(id: "i1", title: "Budget", amount: .exact(cents: 13_000_000_000), wording: "€130 miljoen",
                                    organisationID: "ienw", country: .NL, dossierID: "d1")
        return ProgressReportInput(body: body, from: day("2026-01-01"), to: day("2026-12-31"), periodName: "2026", today: day("2026-11-23"),
                                   dossiers: [dossier, other], milestones: milestones, agreements: agreements, investments: [investment],
                                   outcomes: outcomes, organisationNames: ["ienw": "IenW"])
    }

    @Test("reached and missed are judged within the period; next milestones, decisions, open actions and completion per dossier")
    func content() {
        let report = ProgressReport.build(Self.input(), labels: TestCatalogues.labels(.nl))
        #expect(report.summary.map(\.dossier) == ["Alpha", "ERTMS & grens"], "dossiers in title order")
        let section = report.sections[1]
        #expect(section.reached.count == 1)
        #expect(section.reached.first?.hasPrefix("Bereikt in 2026") == true)
        #expect(section.missed.count == 1)
        #expect(section.missed.first?.hasPrefix("Gemist") == true)
        #expect(section.next.count == 1)
        #expect(section.decisions.count == 1)
        #expect(section.openActions == ["Actie ERTMS — eigenaar: IenW; termijn: eind 2026 (1 oktober 2026 – 31 december 2026)"])
        #expect(section.investmentTotal != nil)
        #expect(section.completionCounts.map(\.count) == [1, 1])
        #expect(report.generalDecisions.count == 1)
        #expect(report.summary[1].reached == 1)
        #expect(report.summary[1].missed == 1)
    }

    @Test("headings, fixed texts and dates follow the language; the register's own texts do not", arguments: Language.allCases)
    func languages(language: Language) {
        let report = ProgressReport.build(Self.input(), labels: TestCatalogues.labels(language))
        let html = ProgressReportRenderer.html(report)
        let expected = ["nl": ("Voortgangsrapportage", "1 januari 2026", "beperkt"), "fr": ("Rapport d’avancement", "1er janvier 2026", "limité"),
                        "en": ("Progress report", "1 January 2026", "limited")][language.rawValue]!
        #expect(html.contains(expected.0))
        #expect(html.contains(expected.1))
        #expect(html.contains(expected.2))
        #expect(html.contains("<html lang=\"\(language.rawValue)\">"))
        #expect(html.contains("Besluit over ERTMS"), "decisions stay as recorded")
    }

    @Test("HTML escapes the register's texts and prints A4 pages with numbers and a table of contents; Markdown has the summary table")
    func rendering() {
        let report = ProgressReport.build(Self.input(), labels: TestCatalogues.labels(.en))
        let html = ProgressReportRenderer.html(report)
        #expect(html.contains("ERTMS &amp; grens"))
        #expect(!html.contains("<BE–NL>"))
        #expect(html.contains("size: A4"))
        #expect(html.contains("counter(page)"))
        #expect(html.contains("<a href=\"#d-d1\">"))
        #expect(html.contains("break-before: page"))
        let markdown = ProgressReportRenderer.markdown(report)
        #expect(markdown.hasPrefix("# Progress report — Politiek overleg <BE–NL>"))
        #expect(markdown.contains("| Dossier | Progress | Reached | Missed | Next milestone |"))
        #expect(markdown.contains("| ERTMS & grens | "))
    }
}
