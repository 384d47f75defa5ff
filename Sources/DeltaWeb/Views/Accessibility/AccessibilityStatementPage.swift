import DeltaDomain
import DeltaReports

/// The accessibility statement (`/accessibility`), in the form of the Dutch government's model
/// statement: organisation, website, compliance status, date, how it was checked, known
/// limitations, feedback and the enforcement procedure. Every sentence is in the catalogue
/// (`accessibility.*`); this value fills in the facts of the last evaluation.
struct AccessibilityStatementPage: Codable, Sendable {
    /// The day the browser tests last proved what the statement claims (docs/ACCESSIBILITY.md).
    static let evaluatedOn = CalendarDate(year: 2026, month: 11, day: 29)!
    /// The axe-core version those tests ran (scripts/browser-test pins it).
    static let axeVersion = "4.10.2"

    /// The date of the statement and of the evaluation, as the language writes it.
    let date: String
    /// What the automated check is and what it found, with the axe-core version and the date.
    let automatedCheck: String

    init(labels: Labels) {
        date = labels.date(Self.evaluatedOn)
        automatedCheck = labels.text("accessibility.automated", ["axe": Self.axeVersion, "date": date])
    }
}
