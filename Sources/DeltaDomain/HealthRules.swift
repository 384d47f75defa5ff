/// Rules that turn a dossier's milestones into a `HealthAssessment`.
public enum HealthRules {
    /// An open milestone more than this many days past its latest date makes a dossier off-track.
    public static let badlyOverdueDays = 90
    /// A still-`planned` milestone falling due within this many days puts a dossier at risk.
    public static let notStartedWarningDays = 30

    /// Judges a dossier's milestones on `today`.
    ///
    /// Rules, first match wins:
    /// 1. **unknown** when there is no milestone that is not cancelled;
    /// 2. **off-track** when an open milestone is more than 90 days past its `due.latest`, or two
    ///    or more open milestones are overdue;
    /// 3. **at-risk** when one is overdue, or any is `delayed`, or an open milestone still
    ///    `planned` falls due (its `due.latest`) within 30 days;
    /// 4. **on-track** otherwise (also when every milestone is achieved).
    ///
    /// "Open" is planned, in progress or delayed; overdue means `today > due.latest`
    /// (see `DeadlineRules`). The reasons list every finding, most serious first, so an off-track
    /// dossier also shows what puts it at risk. The next milestone is the open one with the
    /// earliest `due.latest`, ties broken by earliest `due.earliest`, then by id; an overdue
    /// milestone can be the next one, because it is still the first thing to deliver.
    public static func assess(milestones: [Milestone], today: CalendarDate) -> HealthAssessment {
        // A fixed order makes the reasons and the next milestone independent of input order.
        let ordered = milestones.sorted { a, b in
            (a.due.latest, a.due.earliest, a.id) < (b.due.latest, b.due.earliest, b.id)
        }
        let live = ordered.filter { $0.status != .cancelled }
        guard !live.isEmpty else {
            return HealthAssessment(health: .unknown, reasons: [milestones.isEmpty ? .noMilestones : .allCancelled],
                                    overdueCount: 0, nextMilestoneID: nil)
        }
        let open = live.filter { $0.status.isOpen }
        let overdue = open.filter { DeadlineRules.state(of: $0, today: today) == .overdue }
        let badlyOverdue = overdue.filter { $0.due.latest.days(until: today) > badlyOverdueDays }
        let delayed = open.filter { $0.status == .delayed }
        let notStarted = open.filter {
            $0.status == .planned && today <= $0.due.latest
                && today.days(until: $0.due.latest) <= notStartedWarningDays
        }

        var reasons: [HealthReason] = []
        for milestone in badlyOverdue {
            reasons.append(.badlyOverdue(title: milestone.title, days: milestone.due.latest.days(until: today),
                                         wording: milestone.due.wording, latest: milestone.due.latest))
        }
        if overdue.count >= 2 {
            reasons.append(.severalOverdue(titles: overdue.map(\.title)))
        } else if let only = overdue.first, badlyOverdue.isEmpty {
            reasons.append(.overdue(title: only.title, days: only.due.latest.days(until: today),
                                    wording: only.due.wording, latest: only.due.latest))
        }
        for milestone in delayed {
            reasons.append(.delayed(title: milestone.title))
        }
        for milestone in notStarted {
            reasons.append(.notStarted(title: milestone.title, latest: milestone.due.latest))
        }

        let health: Health
        if !badlyOverdue.isEmpty || overdue.count >= 2 {
            health = .offTrack
        } else if overdue.count == 1 || !delayed.isEmpty || !notStarted.isEmpty {
            health = .atRisk
        } else {
            health = .onTrack
            reasons.append(open.isEmpty ? .allAchieved : .nothingAtRisk)
        }
        return HealthAssessment(health: health, reasons: reasons, overdueCount: overdue.count,
                                nextMilestoneID: open.first?.id)
    }
}
