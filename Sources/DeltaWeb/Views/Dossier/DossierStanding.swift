import DeltaDomain
import DeltaStore

/// A dossier with its health judged on a day, and the facts the lists filter it by: what the
/// overview, the dossier list and the network need of every dossier, without any wording.
///
/// Why without wording: worked out for every dossier, it is remembered once per register
/// version, scope and day (`Register.dossierStandings`), whatever the language; each page words
/// only the dossiers it shows (`SummaryBuilder.dossier`). At a thousand times the demo the
/// worded summaries of every dossier took 10–19 MB per language and scope.
struct DossierStanding: Sendable {
    /// The list the dossier is in and its position there, and the milestones its next one is
    /// among: a standing holds positions, not copies. At a thousand times the demo a copy of
    /// every dossier and of its next milestone in each standing held 9 MB per scope.
    private let dossiers: [Dossier]
    private let position: Int
    private let milestones: [Milestone]
    private let nextPosition: Int?
    let assessment: HealthAssessment
    /// The countries of the dossier's leads, sorted.
    let countries: [String]

    var dossier: Dossier { dossiers[position] }
    /// The milestone to watch next (`assessment.nextMilestoneID`).
    var next: Milestone? { nextPosition.map { milestones[$0] } }

    /// The dossier judged on `today` by its milestones; `organisations` give its leads' countries.
    init(_ dossier: Dossier, milestones: [Milestone], today: CalendarDate, organisations: RecordsByID<Organisation>) {
        self.init(in: [dossier], at: 0, milestones: milestones, own: Array(milestones.indices), today: today, organisations: organisations)
    }

    /// The dossier at `position` of `dossiers`, judged on `today` by the milestones at `own`
    /// positions of `milestones`.
    init(in dossiers: [Dossier], at position: Int, milestones: [Milestone], own: [Int], today: CalendarDate,
         organisations: RecordsByID<Organisation>) {
        self.dossiers = dossiers; self.position = position; self.milestones = milestones
        assessment = HealthRules.assess(milestones: own.map { milestones[$0] }, today: today)
        nextPosition = assessment.nextMilestoneID.flatMap { id in own.first { milestones[$0].id == id } }
        countries = Set(dossiers[position].leadIDs.compactMap { organisations[$0]?.country.rawValue }).sorted()
    }
}

extension Register {
    /// Every dossier this reader may see, by title (and id), with its standing on `today`:
    /// remembered per register version, scope and day. `lookups` are this reader's (`lookups()`);
    /// one more read, the milestones.
    func dossierStandings(today: CalendarDate, lookups: RegisterIndex.Lookups) async throws -> [DossierStanding] {
        try await remembered(PageRead.dossierStandings(day: today.iso)) {
            let milestones = try await milestones()
            let byDossier = Milestone.positionsByDossier(milestones)
            let dossiers = lookups.dossiers.records
            return dossiers.indices.map {
                DossierStanding(in: dossiers, at: $0, milestones: milestones, own: byDossier[dossiers[$0].id] ?? [], today: today,
                                organisations: lookups.organisations)
            }
        }
    }
}
