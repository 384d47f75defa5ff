import DeltaDomain

/// The rules' findings in words: health reasons, cadence rules and cadence explanations, from
/// the `reason` and `cadence` texts of the catalogue (`locales/<language>/reasons.yaml`).
///
/// Why here and not in DeltaDomain: the rules return values (`HealthReason`,
/// `CadenceExplanation`, `CadenceRuleDescription`) so that every language words them from its own
/// catalogue. Titles, due wordings and seasons are register content and are shown as written;
/// quotation marks around titles belong to the language and live in the catalogue.
extension Labels {
    /// One health finding as a sentence: "“Studie 3RX” is vertraagd.", "L’étape « Studie 3RX » est retardée."
    public func healthReason(_ reason: HealthReason) -> String {
        switch reason {
        case .noMilestones:
            return text("reason.noMilestones")
        case .allCancelled:
            return text("reason.allCancelled")
        case .badlyOverdue(let title, let days, let wording, let latest):
            return catalogue.plural("reason.badlyOverdue", count: days,
                                    ["title": title, "wording": wording, "latest": date(latest)])
        case .severalOverdue(let titles):
            let quoted = titles.map { text("reason.quotedTitle", ["title": $0]) }
            return catalogue.plural("reason.severalOverdue", count: titles.count,
                                    ["titles": quoted.joined(separator: text("reason.titleSeparator"))])
        case .overdue(let title, let days, let wording, let latest):
            // {days} is offered to the catalogue even though no language says it today.
            return text("reason.overdue", ["title": title, "days": numbers.integer(days), "wording": wording,
                                           "latest": date(latest)])
        case .delayed(let title):
            return text("reason.delayed", ["title": title])
        case .notStarted(let title, let latest):
            return text("reason.notStarted", ["title": title, "latest": date(latest),
                                              "status": milestoneStatus(.planned)])
        case .allAchieved:
            return text("reason.allAchieved")
        case .nothingAtRisk:
            return text("reason.nothingAtRisk")
        }
    }

    /// A meeting rule: "ten minste tweemaal per kalenderjaar", "au moins une fois par semestre",
    /// "once a year (expected: “zomer”)".
    public func cadenceRule(_ rule: CadenceRuleDescription) -> String {
        switch rule {
        case .perYear(let count):
            return text("cadence.rule.perYear", ["times": times(count)])
        case .perHalfYear(let count):
            return text("cadence.rule.perHalfYear", ["times": times(count)])
        case .yearly(nil):
            return text("cadence.rule.yearly")
        case .yearly(let season?):
            switch SeasonForm(season) {
            case .noun: return text("cadence.rule.yearlyAround.noun", ["season": season])
            case .withArticle: return text("cadence.rule.yearlyAround.withArticle", ["season": season])
            case .phrase: return text("cadence.rule.yearlyAround.phrase", ["season": season])
            }
        case .everyYears(let years):
            return catalogue.plural("cadence.rule.everyYears", count: years)
        case .none:
            return text("cadence.rule.none")
        }
    }

    /// A year's cadence verdict explained: "In 2026: 1 van de 2 vereiste vergaderingen gehouden —
    /// regel: ten minste tweemaal per kalenderjaar. Plan nog 1 vergadering vóór 31 december 2026."
    public func cadenceExplanation(_ explanation: CadenceExplanation) -> String {
        switch explanation {
        case .noRule:
            return text("cadence.explanation.noRule")
        case .notYetEstablished(let year, let since):
            return text("cadence.explanation.notYetEstablished", ["year": String(year), "since": date(since)])
        case .notBegun(let year):
            return text("cadence.explanation.notBegun", ["year": String(year)])
        case .calendarYear(let year, let rule, let tally, let outcome):
            let arguments = ["year": String(year), "tally": self.tally(tally), "rule": cadenceRule(rule)]
            switch outcome {
            case .met: return text("cadence.explanation.year.met", arguments)
            case .scheduled: return text("cadence.explanation.year.scheduled", arguments)
            case .missed: return text("cadence.explanation.year.missed", arguments)
            case .notRecorded: return text("cadence.explanation.year.notRecorded", arguments)
            case .atRisk(let missing, let before):
                return catalogue.plural("cadence.explanation.year.atRisk", count: missing,
                                        arguments.merging(["before": date(before)]) { _, new in new })
            }
        case .severalYears(_, let rule, let first, let last, let tally, let outcome):
            let arguments = ["first": String(first), "last": String(last), "tally": self.tally(tally), "rule": cadenceRule(rule)]
            switch outcome {
            case .met: return text("cadence.explanation.period.met", arguments)
            case .scheduled: return text("cadence.explanation.period.scheduled", arguments)
            case .missed: return text("cadence.explanation.period.missed", arguments)
            case .notRecorded: return text("cadence.explanation.period.notRecorded", arguments)
            case .atRisk(_, let before):
                return text("cadence.explanation.period.atRisk", arguments.merging(["before": date(before)]) { _, new in new })
            }
        case .halfYears(let year, let rule, let halves):
            let parts = halves.map(halfYear).joined(separator: text("cadence.explanation.halfSeparator"))
            return text("cadence.explanation.halfYears", ["year": String(year), "rule": cadenceRule(rule), "halves": parts])
        case .counts(let year, let tally):
            return text("cadence.explanation.counts", ["year": String(year), "tally": self.tally(tally)])
        }
    }

    /// "Eerste halfjaar: 0 van de 1 vereiste vergadering gehouden — niet gehaald".
    private func halfYear(_ part: CadenceExplanation.HalfYear) -> String {
        let name = switch part.half {
        case .first: text("cadence.half.first")
        case .second: text("cadence.half.second")
        }
        switch part {
        case .notApplicable(_, let since):
            return text("cadence.half.notApplicable", ["half": name, "since": date(since)])
        case .judged(_, let tally, let outcome):
            let arguments = ["half": name, "tally": self.tally(tally)]
            switch outcome {
            case .met: return text("cadence.half.met", arguments)
            case .scheduled: return text("cadence.half.scheduled", arguments)
            case .missed: return text("cadence.half.missed", arguments)
            case .notRecorded: return text("cadence.half.notRecorded", arguments)
            case .atRisk(let missing, let before):
                // Offered to the catalogue even though no language says them for a half today.
                let more = ["missing": numbers.integer(missing), "before": date(before)]
                return text("cadence.half.atRisk", arguments.merging(more) { _, new in new })
            }
        }
    }

    /// "1 van de 2 vereiste vergaderingen gehouden, 1 gepland (…)": each optional part wraps the
    /// text so far, so every language orders and punctuates it itself.
    private func tally(_ tally: CadenceExplanation.Tally) -> String {
        var result = catalogue.plural("cadence.tally.held", count: tally.required, ["held": numbers.integer(tally.held)])
        if tally.planned > 0 {
            result = catalogue.plural("cadence.tally.withPlanned", count: tally.planned, ["tally": result])
        }
        if tally.unrecorded > 0 {
            result = catalogue.plural("cadence.tally.withUnrecorded", count: tally.unrecorded, ["tally": result])
        }
        return result
    }

    /// "tweemaal", "deux fois", "twice"; beyond the counts the catalogue names, "6 keer".
    private func times(_ count: Int) -> String {
        // Each key written out, so that the catalogue tests see every key in use.
        switch count {
        case 1: text("cadence.times.1")
        case 2: text("cadence.times.2")
        case 3: text("cadence.times.3")
        case 4: text("cadence.times.4")
        default: text("cadence.times.many", ["count": numbers.integer(count)])
        }
    }
}

/// How the register writes a season ("zomer", "de zomer", "rond de zomer"), so a language that
/// builds the season into its sentence (Dutch: "jaarlijks, rond de zomer") adds only what the
/// data lacks (`cadence.rule.yearlyAround.noun`, `.withArticle`, `.phrase`). The register is
/// kept in Dutch, so the forms are Dutch ones.
private enum SeasonForm {
    /// Starts with a preposition ("rond …", "in …"): already a complete phrase.
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
