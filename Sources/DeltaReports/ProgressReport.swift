import DeltaDomain

/// The report, in the chosen language, ready to render as HTML or Markdown.
public struct ProgressReport: Sendable {
    public let labels: Labels
    public let title: String
    public let bodyName: String
    public let period: String
    public let generatedOn: String
    public let summary: [SummaryRow]
    public let sections: [DossierSection]
    public let generalDecisions: [String]

    /// One line of the opening table.
    public struct SummaryRow: Sendable {
        public let anchor: String
        public let dossier: String
        public let health: Health
        public let healthLabel: String
        public let reached: Int
        public let missed: Int
        public let next: String
    }

    /// Everything about one dossier.
    public struct DossierSection: Sendable {
        public let anchor: String
        public let title: String
        public let health: Health
        public let healthLabel: String
        public let reasons: [String]
        public let reached: [String]
        public let missed: [String]
        public let next: [String]
        public let decisions: [String]
        public let openActions: [String]
        public let investments: [String]
        public let investmentTotal: String?
        public let agreements: [(title: String, completion: String)]
        public let completionCounts: [(label: String, count: Int)]
    }

    /// Builds the report: milestones reached (achieved on a day in the period) and missed (open,
    /// their latest day in the period and before today), the next three open milestones, decisions of
    /// the period, actions open today, investments with a band total, and agreements on the OGP scale.
    public static func build(_ input: ProgressReportInput, labels: Labels) -> ProgressReport {
        let l = labels
        var summary: [SummaryRow] = []
        var sections: [DossierSection] = []
        let dossierIDs = Set(input.dossiers.map(\.id))
        for dossier in input.dossiers.sorted(by: { ($0.title, $0.id) < ($1.title, $1.id) }) {
            let milestones = input.milestones.filter { $0.belongs(to: dossier.id) }
            let assessment = HealthRules.assess(milestones: milestones, today: input.today)
            let reached = milestones.filter { $0.status == .achieved && ($0.achievedOn.map { $0 >= input.from && $0 <= input.to } ?? false) }
                .sorted { ($0.achievedOn!, $0.id) < ($1.achievedOn!, $1.id) }
            let missed = milestones.filter { $0.status.isOpen && $0.due.latest >= input.from && $0.due.latest <= input.to && $0.due.latest < input.today }
                .sorted { ($0.due.latest, $0.id) < ($1.due.latest, $1.id) }
            let next = milestones.filter { $0.status.isOpen && $0.due.latest >= input.today }
                .sorted { ($0.due.latest, $0.id) < ($1.due.latest, $1.id) }.prefix(3)
            let decisions = input.outcomes.filter { $0.dossierID == dossier.id && $0.outcome.kind == .decision
                && $0.meeting.when.latest >= input.from && $0.meeting.when.earliest <= input.to }
            let actions = input.outcomes.filter { $0.dossierID == dossier.id && $0.outcome.isOpenAction }
            let investments = input.investments.filter { $0.dossierID == dossier.id }
            let total = InvestmentTotals.total(investments)
            let agreements = input.agreements.filter { $0.dossierIDs.contains(dossier.id) }
            let counts = Completion.allCases.map { completion in (l.completion(completion), agreements.filter { $0.completion == completion }.count) }
                .filter { $0.1 > 0 }
            let anchor = "d-\(dossier.id)"
            summary.append(SummaryRow(anchor: anchor, dossier: dossier.title, health: assessment.health, healthLabel: l.health(assessment.health),
                                      reached: reached.count, missed: missed.count,
                                      next: next.first.map { "\($0.title) (\(l.period($0.due)))" } ?? l.text("report.none")))
            sections.append(DossierSection(
                anchor: anchor, title: dossier.title, health: assessment.health, healthLabel: l.health(assessment.health),
                reasons: assessment.reasons.map(l.healthReason),
                reached: reached.map { "\($0.title) — \(l.text("report.achievedOn")) \(l.date($0.achievedOn!))" },
                missed: missed.map { "\($0.title) — \(l.text("report.dueBy")) \(l.date($0.due.latest)) (\($0.due.wording))" },
                next: next.map { "\($0.title) — \(l.period($0.due))" },
                decisions: decisions.map { "\($0.outcome.text) (\($0.meeting.title), \(l.period($0.meeting.when)))" },
                openActions: actions.map { action in
                    let owner = [action.outcome.ownerID.map { input.organisationNames[$0] ?? $0 }, action.outcome.ownerPerson].compactMap { $0 }.joined(separator: ", ")
                    return action.outcome.text + (owner.isEmpty ? "" : " — \(l.text("report.owner"))\(l.text("report.colon"))\(owner)")
                        + (action.outcome.due.map { "; \(l.text("report.due"))\(l.text("report.colon"))\(l.period($0))" } ?? "")
                },
                investments: investments.map { "\($0.title)\(l.text("report.colon"))\(l.amount($0.amount)) (\($0.wording))" },
                investmentTotal: investments.isEmpty ? nil : l.total(total),
                agreements: agreements.map { ($0.title, l.completion($0.completion)) },
                completionCounts: counts))
        }
        let general = input.outcomes.filter { ($0.dossierID.map { !dossierIDs.contains($0) } ?? true) && $0.outcome.kind == .decision
            && $0.meeting.when.latest >= input.from && $0.meeting.when.earliest <= input.to }
            .map { "\($0.outcome.text) (\($0.meeting.title), \(l.period($0.meeting.when)))" }
        return ProgressReport(labels: l, title: "\(l.text("report.reportTitle")) — \(input.body.name)", bodyName: input.body.name,
                              period: "\(input.periodName) (\(l.date(input.from)) – \(l.date(input.to)))",
                              generatedOn: l.date(input.today), summary: summary, sections: sections, generalDecisions: general)
    }
}
