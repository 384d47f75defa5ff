/// The Dutch sentences behind the String API of the rules (`HealthAssessment.reasons`,
/// `YearCompliance.explanation`, `CadenceRules.describe`), rendered from their values.
/// Internal: the wording in every language lives in the catalogues (`reason` and `cadence` in
/// `Resources/locales/*/reasons.yaml`, rendered by `Labels` in DeltaReports); this stays only
/// while the Dutch String properties exist, and must say exactly what the `nl` catalogue says.
enum DutchWording {
    static let monthNames = ["januari", "februari", "maart", "april", "mei", "juni", "juli",
                             "augustus", "september", "oktober", "november", "december"]

    /// "18 februari 2026".
    static func date(_ date: CalendarDate) -> String {
        "\(date.day) \(monthNames[date.month - 1]) \(date.year)"
    }

    /// "1 vergadering", "2 vergaderingen".
    static func count(_ number: Int, _ singular: String, _ plural: String) -> String {
        "\(number) \(number == 1 ? singular : plural)"
    }

    /// "eenmaal", "tweemaal", … "5 keer": how often, as officials write it.
    static func times(_ number: Int) -> String {
        switch number {
        case 1: return "eenmaal"
        case 2: return "tweemaal"
        case 3: return "driemaal"
        case 4: return "viermaal"
        default: return "\(number) keer"
        }
    }

    /// A title in Dutch quotation marks: “Besluit over 3RX”.
    static func quoted(_ title: String) -> String { "“\(title)”" }

    // MARK: - Health

    /// One health finding as a Dutch sentence.
    static func healthReason(_ reason: HealthReason) -> String {
        switch reason {
        case .noMilestones:
            return "Er zijn geen mijlpalen vastgelegd."
        case .allCancelled:
            return "Alle mijlpalen zijn geschrapt."
        case .badlyOverdue(let title, let days, let wording, let latest):
            return "\(quoted(title)) is \(count(days, "dag", "dagen")) over de uiterste datum "
                + "(\(wording), uiterlijk \(date(latest)))."
        case .severalOverdue(let titles):
            return "\(count(titles.count, "open mijlpaal is over zijn", "open mijlpalen zijn over hun")) uiterste datum: "
                + titles.map(quoted).joined(separator: ", ") + "."
        case .overdue(let title, _, let wording, let latest):
            return "\(quoted(title)) is over de uiterste datum (\(wording), uiterlijk \(date(latest)))."
        case .delayed(let title):
            return "\(quoted(title)) is vertraagd."
        case .notStarted(let title, let latest):
            return "\(quoted(title)) moet uiterlijk \(date(latest)) klaar zijn en staat nog op ‘gepland’."
        case .allAchieved:
            return "Alle mijlpalen zijn behaald."
        case .nothingAtRisk:
            return "Geen open mijlpaal is over zijn datum, vertraagd of bijna verlopen zonder te zijn gestart."
        }
    }

    // MARK: - Cadence

    /// A rule in Dutch: "ten minste tweemaal per kalenderjaar", "jaarlijks, rond de zomer".
    static func rule(_ rule: CadenceRuleDescription) -> String {
        switch rule {
        case .perYear(let count):
            return "ten minste \(times(count)) per kalenderjaar"
        case .perHalfYear(let count):
            return "ten minste \(times(count)) per halfjaar"
        case .yearly(nil):
            return "jaarlijks"
        case .yearly(let season?):
            switch SeasonForm(season) {
            case .phrase: return "jaarlijks, \(season)"
            case .withArticle: return "jaarlijks, rond \(season)"
            case .noun: return "jaarlijks, rond de \(season)"
            }
        case .none:
            return "geen vaste regel"
        }
    }

    /// How the register writes a season, so a Dutch sentence adds only what it lacks:
    /// "zomer" → "rond de zomer", "de zomer" → "rond de zomer", "rond de zomer" stays.
    enum SeasonForm {
        /// Starts with a preposition ("rond …", "in …"): a complete phrase.
        case phrase
        /// Starts with an article ("de …", "het …").
        case withArticle
        /// A bare noun ("zomer").
        case noun

        init(_ season: String) {
            let lower = season.lowercased()
            if lower.hasPrefix("rond ") || lower.hasPrefix("in ") {
                self = .phrase
            } else if lower.hasPrefix("de ") || lower.hasPrefix("het ") {
                self = .withArticle
            } else {
                self = .noun
            }
        }
    }

    /// A year's cadence verdict explained in Dutch.
    static func explanation(_ explanation: CadenceExplanation) -> String {
        switch explanation {
        case .noRule:
            return "Voor dit overleg geldt geen vaste vergaderregel."
        case .notYetEstablished(let year, let since):
            return "In \(year) bestond dit overleg nog niet; de regel geldt sinds \(date(since))."
        case .notBegun(let year):
            return "\(year) is nog niet begonnen."
        case .calendarYear(let year, let rule, let tally, let outcome):
            var text = "In \(year): \(summary(tally)) — regel: \(self.rule(rule))."
            switch outcome {
            case .missed:
                text += " De regel is niet gehaald."
            case .atRisk(let missing, let before):
                text += " Plan nog \(count(missing, "vergadering", "vergaderingen")) vóór \(date(before))."
            case .met, .scheduled:
                break
            }
            return text
        case .halfYears(let year, let rule, let halves):
            return "\(year), regel \(self.rule(rule)). " + halves.map(half).joined(separator: ". ") + "."
        case .counts(let year, let tally):
            return "In \(year): \(summary(tally))."
        }
    }

    /// "Eerste halfjaar: 1 van de 1 vereiste vergadering gehouden — niet gehaald".
    private static func half(_ part: CadenceExplanation.HalfYear) -> String {
        let name = part.half == .first ? "Eerste halfjaar" : "Tweede halfjaar"
        switch part {
        case .notApplicable(_, let since):
            return "\(name): niet van toepassing (overleg sinds \(date(since)))"
        case .judged(_, let tally, let outcome):
            switch outcome {
            case .missed: return "\(name): \(summary(tally)) — niet gehaald"
            case .atRisk: return "\(name): \(summary(tally)) — in gevaar"
            case .met, .scheduled: return "\(name): \(summary(tally))"
            }
        }
    }

    /// "1 van de 2 vereiste vergaderingen gehouden, 1 gepland".
    private static func summary(_ tally: CadenceExplanation.Tally) -> String {
        var text = "\(tally.held) van de \(count(tally.required, "vereiste vergadering", "vereiste vergaderingen")) gehouden"
        if tally.planned > 0 { text += ", \(tally.planned) gepland" }
        if tally.unrecorded > 0 {
            text += tally.unrecorded == 1
                ? " (1 geplande vergadering ligt in het verleden maar is niet als gehouden geregistreerd)"
                : " (\(tally.unrecorded) geplande vergaderingen liggen in het verleden maar zijn niet als gehouden geregistreerd)"
        }
        return text
    }
}
