import DeltaDomain
import Testing

/// A milestone due in `earliest…latest`.
private func milestone(_ id: String, _ earliest: String, _ latest: String, _ status: MilestoneStatus = .planned,
                       title: String? = nil) -> Milestone {
    Milestone(id: id, dossierID: "ertms", title: title ?? "Mijlpaal \(id)", due: period(earliest, latest, "periode \(id)"),
              status: status)
}

@Suite("Deadline states")
struct DeadlineRulesTests {
    static let today = day("2026-06-15")

    @Test func statusDecidesDoneAndCancelled() {
        #expect(DeadlineRules.state(of: milestone("a", "2025-01-01", "2025-03-31", .achieved), today: Self.today) == .done)
        #expect(DeadlineRules.state(of: milestone("c", "2025-01-01", "2025-03-31", .cancelled), today: Self.today) == .cancelled)
    }

    @Test func overdueOnlyAfterTheLatestDay() {
        #expect(DeadlineRules.state(of: milestone("a", "2026-04-01", "2026-06-14"), today: Self.today) == .overdue)
        #expect(DeadlineRules.state(of: milestone("b", "2026-04-01", "2026-06-15"), today: Self.today) == .dueSoon)
        #expect(DeadlineRules.state(of: milestone("c", "2026-04-01", "2026-06-14", .inProgress), today: Self.today) == .overdue)
        #expect(DeadlineRules.state(of: milestone("d", "2026-04-01", "2026-06-14", .delayed), today: Self.today) == .overdue)
    }

    @Test func dueSoonWindowIsNinetyDaysFromTheEarliestDay() {
        #expect(DeadlineRules.dueSoonDays == 90)
        let edge = Self.today.adding(days: 90).iso
        let beyond = Self.today.adding(days: 91).iso
        #expect(DeadlineRules.state(of: milestone("a", edge, "2026-12-31"), today: Self.today) == .dueSoon)
        #expect(DeadlineRules.state(of: milestone("b", beyond, "2026-12-31"), today: Self.today) == .upcoming)
        // Today inside a long period: due soon even though the period ends far away.
        #expect(DeadlineRules.state(of: milestone("c", "2026-01-01", "2027-12-31"), today: Self.today) == .dueSoon)
        #expect(DeadlineRules.state(of: milestone("d", "2027-01-01", "2027-03-31", .delayed), today: Self.today) == .upcoming)
    }
}

@Suite("Dossier health")
struct HealthRulesTests {
    static let today = day("2026-06-15")

    @Test func unknownWithoutLiveMilestones() {
        let none = HealthRules.assess(milestones: [], today: Self.today)
        #expect(none.health == .unknown)
        #expect(none.nextMilestoneID == nil)
        #expect(none.overdueCount == 0)
        #expect(!none.dutchReasons.isEmpty)

        let cancelled = HealthRules.assess(milestones: [milestone("a", "2025-01-01", "2025-03-31", .cancelled)], today: Self.today)
        #expect(cancelled.health == .unknown)
        #expect(cancelled.dutchReasons != none.dutchReasons)
    }

    @Test func onTrack() {
        let result = HealthRules.assess(milestones: [
            milestone("done", "2026-01-01", "2026-03-31", .achieved),
            milestone("later", "2026-10-01", "2026-12-31"),
            milestone("soon", "2026-06-01", "2026-07-31", .inProgress),
        ], today: Self.today)
        #expect(result.health == .onTrack)
        #expect(result.overdueCount == 0)
        #expect(result.nextMilestoneID == "soon")
        #expect(result.dutchReasons.count == 1)
    }

    @Test func allAchievedIsOnTrackWithoutNext() {
        let result = HealthRules.assess(milestones: [milestone("a", "2025-01-01", "2025-03-31", .achieved)], today: Self.today)
        #expect(result.health == .onTrack)
        #expect(result.nextMilestoneID == nil)
        #expect(result.dutchReasons == ["Alle mijlpalen zijn behaald."])
    }

    @Test func oneOverdueIsAtRisk() {
        let result = HealthRules.assess(milestones: [
            milestone("late", "2026-04-01", "2026-06-05", .inProgress, title: "Afsprakenkader ondertekend"),
            milestone("later", "2026-10-01", "2026-12-31"),
        ], today: Self.today)
        #expect(result.health == .atRisk)
        #expect(result.overdueCount == 1)
        #expect(result.nextMilestoneID == "late") // still the first thing to deliver
        #expect(result.dutchReasons.first?.contains("Afsprakenkader ondertekend") == true)
        #expect(result.dutchReasons.first?.contains("5 juni 2026") == true)
    }

    @Test func delayedIsAtRiskEvenWhenNotDue() {
        let result = HealthRules.assess(milestones: [milestone("a", "2027-01-01", "2027-12-31", .delayed)], today: Self.today)
        #expect(result.health == .atRisk)
        #expect(result.overdueCount == 0)
        let mentionsDelay = result.dutchReasons.contains { $0.contains("vertraagd") }
        #expect(mentionsDelay, "a reason mentions the delay: \(result.dutchReasons)")
    }

    @Test func plannedMilestoneDueWithinThirtyDays() {
        let within = Self.today.adding(days: 30).iso
        let outside = Self.today.adding(days: 31).iso
        #expect(HealthRules.assess(milestones: [milestone("a", "2026-06-01", within)], today: Self.today).health == .atRisk)
        #expect(HealthRules.assess(milestones: [milestone("a", "2026-06-01", outside)], today: Self.today).health == .onTrack)
        // Once work has started, an approaching deadline is no risk by itself.
        #expect(HealthRules.assess(milestones: [milestone("a", "2026-06-01", within, .inProgress)], today: Self.today).health == .onTrack)
        // Due today and still planned.
        #expect(HealthRules.assess(milestones: [milestone("a", "2026-06-01", "2026-06-15")], today: Self.today).health == .atRisk)
    }

    @Test func twoOverdueIsOffTrack() {
        let result = HealthRules.assess(milestones: [
            milestone("a", "2026-04-01", "2026-05-31"),
            milestone("b", "2026-04-01", "2026-06-14", .inProgress),
        ], today: Self.today)
        #expect(result.health == .offTrack)
        #expect(result.overdueCount == 2)
    }

    @Test func moreThanNinetyDaysLateIsOffTrack() {
        let ninety = Self.today.adding(days: -90).iso
        let ninetyOne = Self.today.adding(days: -91).iso
        let atNinety = HealthRules.assess(milestones: [milestone("a", "2026-01-01", ninety)], today: Self.today)
        #expect(atNinety.health == .atRisk)
        let beyond = HealthRules.assess(milestones: [milestone("a", "2026-01-01", ninetyOne, title: "Studie 3RX")], today: Self.today)
        #expect(beyond.health == .offTrack)
        #expect(beyond.overdueCount == 1)
        #expect(beyond.dutchReasons.first?.contains("91 dagen") == true)
        #expect(beyond.dutchReasons.first?.contains("Studie 3RX") == true)
    }

    @Test func achievedAndCancelledNeverCount() {
        let result = HealthRules.assess(milestones: [
            milestone("old", "2025-01-01", "2025-03-31", .achieved),
            milestone("dropped", "2025-01-01", "2025-03-31", .cancelled),
            milestone("open", "2026-10-01", "2026-12-31"),
        ], today: Self.today)
        #expect(result.health == .onTrack)
        #expect(result.overdueCount == 0)
        #expect(result.nextMilestoneID == "open")
    }

    @Test func nextMilestoneTieBreaks() {
        let byEarliest = HealthRules.assess(milestones: [
            milestone("b", "2026-10-01", "2026-12-31"),
            milestone("a", "2026-11-01", "2026-12-31"),
            milestone("z", "2027-01-01", "2027-01-31"),
        ], today: Self.today)
        #expect(byEarliest.nextMilestoneID == "b")
        let byID = HealthRules.assess(milestones: [
            milestone("y", "2026-10-01", "2026-12-31"),
            milestone("x", "2026-10-01", "2026-12-31"),
        ], today: Self.today)
        #expect(byID.nextMilestoneID == "x")
    }

    @Test func inputOrderDoesNotMatter() {
        let milestones = [
            milestone("a", "2026-04-01", "2026-05-31"),
            milestone("b", "2027-01-01", "2027-12-31", .delayed),
            milestone("c", "2026-06-01", "2026-06-30"),
            milestone("d", "2026-04-01", "2026-06-14", .inProgress),
        ]
        let forward = HealthRules.assess(milestones: milestones, today: Self.today)
        let backward = HealthRules.assess(milestones: milestones.reversed(), today: Self.today)
        #expect(forward == backward)
        #expect(forward.health == .offTrack)
        // Every finding is listed, most serious first.
        #expect(forward.dutchReasons.count == 3)
        #expect(forward.dutchReasons[0].hasPrefix("2 open mijlpalen"))
    }
}

@Suite("Dossier health as values")
struct HealthReasonTests {
    static let today = day("2026-06-15")

    @Test func noMilestonesOrAllCancelled() {
        let none = HealthRules.assess(milestones: [], today: Self.today)
        #expect(none.reasons == [.noMilestones])
        let cancelled = HealthRules.assess(milestones: [milestone("a", "2025-01-01", "2025-03-31", .cancelled)], today: Self.today)
        #expect(cancelled.reasons == [.allCancelled])
    }

    @Test func onTrackSaysWhy() {
        let achieved = HealthRules.assess(milestones: [milestone("a", "2025-01-01", "2025-03-31", .achieved)], today: Self.today)
        #expect(achieved.reasons == [.allAchieved])
        let open = HealthRules.assess(milestones: [milestone("later", "2026-10-01", "2026-12-31")], today: Self.today)
        #expect(open.reasons == [.nothingAtRisk])
    }

    @Test func overdueMilestoneGivesOverdue() {
        let result = HealthRules.assess(milestones: [
            milestone("late", "2026-04-01", "2026-06-05", .inProgress, title: "Afsprakenkader ondertekend"),
            milestone("later", "2026-10-01", "2026-12-31"),
        ], today: Self.today)
        #expect(result.reasons == [
            .overdue(title: "Afsprakenkader ondertekend", days: 10, wording: "periode late", latest: day("2026-06-05")),
        ])
    }

    @Test func moreThanNinetyDaysLateGivesBadlyOverdue() {
        let ninetyOne = Self.today.adding(days: -91)
        let result = HealthRules.assess(milestones: [milestone("a", "2026-01-01", ninetyOne.iso, title: "Studie 3RX")],
                                        today: Self.today)
        #expect(result.reasons == [.badlyOverdue(title: "Studie 3RX", days: 91, wording: "periode a", latest: ninetyOne)])
    }

    @Test func badlyOverdueIsAlsoAmongSeveralOverdue() {
        let result = HealthRules.assess(milestones: [
            milestone("b", "2026-04-01", "2026-06-10", .inProgress, title: "Afsprakenkader ondertekend"),
            milestone("a", "2026-01-01", "2026-02-28", title: "Studie 3RX"),
        ], today: Self.today)
        #expect(result.reasons == [
            .badlyOverdue(title: "Studie 3RX", days: 107, wording: "periode a", latest: day("2026-02-28")),
            .severalOverdue(titles: ["Studie 3RX", "Afsprakenkader ondertekend"]),
        ])
    }

    @Test func delayedAndNotStarted() {
        let delayed = HealthRules.assess(milestones: [milestone("a", "2027-01-01", "2027-12-31", .delayed)], today: Self.today)
        #expect(delayed.reasons == [.delayed(title: "Mijlpaal a")])
        let notStarted = HealthRules.assess(milestones: [milestone("a", "2026-06-01", "2026-07-15")], today: Self.today)
        #expect(notStarted.reasons == [.notStarted(title: "Mijlpaal a", latest: day("2026-07-15"))])
    }

    @Test func everyFindingMostSeriousFirst() {
        let result = HealthRules.assess(milestones: [
            milestone("d", "2026-04-01", "2026-06-14", .inProgress),
            milestone("c", "2026-06-01", "2026-06-30"),
            milestone("b", "2027-01-01", "2027-12-31", .delayed),
            milestone("a", "2026-04-01", "2026-05-31"),
        ], today: Self.today)
        #expect(result.reasons == [
            .severalOverdue(titles: ["Mijlpaal a", "Mijlpaal d"]),
            .delayed(title: "Mijlpaal b"),
            .notStarted(title: "Mijlpaal c", latest: day("2026-06-30")),
        ])
    }

    /// The Dutch `reasons` are rendered from the values and say exactly what they always said.
    @Test func dutchSentencesComeFromTheValues() {
        func reasons(_ milestones: [Milestone]) -> [String] {
            let result = HealthRules.assess(milestones: milestones, today: Self.today)
            #expect(result.dutchReasons.count == result.reasons.count)
            return result.dutchReasons
        }
        #expect(reasons([]) == ["Er zijn geen mijlpalen vastgelegd."])
        #expect(reasons([milestone("a", "2025-01-01", "2025-03-31", .cancelled)]) == ["Alle mijlpalen zijn geschrapt."])
        #expect(reasons([milestone("later", "2026-10-01", "2026-12-31")])
            == ["Geen open mijlpaal is over zijn datum, vertraagd of bijna verlopen zonder te zijn gestart."])
        #expect(reasons([milestone("late", "2026-04-01", "2026-06-05", .inProgress, title: "Afsprakenkader ondertekend")])
            == ["“Afsprakenkader ondertekend” is over de uiterste datum (periode late, uiterlijk 5 juni 2026)."])
        #expect(reasons([milestone("a", "2026-01-01", "2026-03-16", title: "Studie 3RX")])
            == ["“Studie 3RX” is 91 dagen over de uiterste datum (periode a, uiterlijk 16 maart 2026)."])
        #expect(reasons([
            milestone("a", "2026-04-01", "2026-05-31"),
            milestone("b", "2027-01-01", "2027-12-31", .delayed),
            milestone("c", "2026-06-01", "2026-06-30"),
            milestone("d", "2026-04-01", "2026-06-14", .inProgress),
        ]) == [
            "2 open mijlpalen zijn over hun uiterste datum: “Mijlpaal a”, “Mijlpaal d”.",
            "“Mijlpaal b” is vertraagd.",
            "“Mijlpaal c” moet uiterlijk 30 juni 2026 klaar zijn en staat nog op ‘gepland’.",
        ])
    }
}
