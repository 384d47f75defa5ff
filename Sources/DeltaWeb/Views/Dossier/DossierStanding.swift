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
    let dossier: Dossier
    let assessment: HealthAssessment
    /// The milestone to watch next (`assessment.nextMilestoneID`).
    let next: Milestone?
    /// The countries of the dossier's leads, sorted.
    let countries: [String]

    /// The dossier judged on `today` by its milestones; `organisations` give its leads' countries.
    init(_ dossier: Dossier, milestones: [Milestone], today: CalendarDate, organisations: RecordsByID<Organisation>) {
        self.dossier = dossier
        assessment = HealthRules.assess(milestones: milestones, today: today)
        next = assessment.nextMilestoneID.flatMap { id in milestones.first { $0.id == id } }
        countries = Set(dossier.leadIDs.compactMap { organisations[$0]?.country.rawValue }).sorted()
    }
}

extension Register {
    /// Every dossier this reader may see, by title (and id), with its standing on `today`:
    /// remembered per register version, scope and day. `lookups` are this reader's (`lookups()`);
    /// one more read, the milestones.
    func dossierStandings(today: CalendarDate, lookups: RegisterIndex.Lookups) async throws -> [DossierStanding] {
        try await remembered(PageRead.dossierStandings(day: today.iso)) {
            let byDossier = Milestone.byDossier(try await milestones())
            return lookups.dossiers.records.map {
                DossierStanding($0, milestones: byDossier[$0.id] ?? [], today: today, organisations: lookups.organisations)
            }
        }
    }
}
