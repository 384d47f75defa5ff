import DeltaDomain

/// The language of a report's headings, fixed texts and dates. The register's own texts (titles,
/// decisions, quotes) stay in the language they were written in.
public enum ReportLanguage: String, Sendable, CaseIterable, Codable {
    case nl, fr, en

    /// A fixed text of the report.
    public enum Text: Sendable, CaseIterable {
        case reportTitle, periodLabel, generatedOn, contents, summary, dossier, health, reached, missed, next, decisions,
             openActions, investments, agreements, completion, none, total, page, of, owner, due, generalDecisions,
             milestonesReachedInPeriod, milestonesMissedInPeriod, nextMilestones, agreementsCompletion, decisionsTaken,
             actionsOpen, summaryIntro, achievedOn, dueBy, sourceNote, body
    }

    /// The text in this language.
    public func text(_ text: Text) -> String {
        switch self {
        case .nl: Self.dutch(text)
        case .fr: Self.french(text)
        case .en: Self.english(text)
        }
    }

    private static func dutch(_ text: Text) -> String {
        switch text {
        case .reportTitle: "Voortgangsrapportage"
        case .periodLabel: "Periode"
        case .generatedOn: "Opgesteld op"
        case .contents: "Inhoud"
        case .summary: "Samenvatting"
        case .dossier: "Dossier"
        case .health: "Voortgang"
        case .reached: "Bereikt"
        case .missed: "Gemist"
        case .next: "Volgende mijlpaal"
        case .decisions: "Besluiten"
        case .openActions: "Open acties"
        case .investments: "Investeringen"
        case .agreements: "Afspraken"
        case .completion: "Uitvoering"
        case .none: "geen"
        case .total: "Totaal"
        case .page: "pagina"
        case .of: "van"
        case .owner: "eigenaar"
        case .due: "termijn"
        case .generalDecisions: "Overige besluiten"
        case .milestonesReachedInPeriod: "Mijlpalen bereikt in de periode"
        case .milestonesMissedInPeriod: "Mijlpalen gemist in de periode"
        case .nextMilestones: "Volgende mijlpalen"
        case .agreementsCompletion: "Uitvoering van de afspraken (OGP-schaal)"
        case .decisionsTaken: "Besluiten in de periode"
        case .actionsOpen: "Openstaande acties"
        case .summaryIntro: "Per dossier: de voortgang, de mijlpalen die in de periode bereikt en gemist zijn, en de eerstvolgende mijlpaal."
        case .achievedOn: "bereikt op"
        case .dueBy: "uiterlijk"
        case .sourceNote: "Bron: register Deltaberaad. Titels, besluiten en citaten staan in de taal waarin ze zijn vastgelegd."
        case .body: "Overleg"
        }
    }

    private static func french(_ text: Text) -> String {
        switch text {
        case .reportTitle: "Rapport d’avancement"
        case .periodLabel: "Période"
        case .generatedOn: "Établi le"
        case .contents: "Sommaire"
        case .summary: "Synthèse"
        case .dossier: "Dossier"
        case .health: "Avancement"
        case .reached: "Atteints"
        case .missed: "Manqués"
        case .next: "Prochaine étape"
        case .decisions: "Décisions"
        case .openActions: "Actions en cours"
        case .investments: "Investissements"
        case .agreements: "Engagements"
        case .completion: "Mise en œuvre"
        case .none: "aucun"
        case .total: "Total"
        case .page: "page"
        case .of: "sur"
        case .owner: "responsable"
        case .due: "échéance"
        case .generalDecisions: "Autres décisions"
        case .milestonesReachedInPeriod: "Étapes atteintes pendant la période"
        case .milestonesMissedInPeriod: "Étapes manquées pendant la période"
        case .nextMilestones: "Prochaines étapes"
        case .agreementsCompletion: "Mise en œuvre des engagements (échelle OGP)"
        case .decisionsTaken: "Décisions prises pendant la période"
        case .actionsOpen: "Actions en cours"
        case .summaryIntro: "Par dossier : l’avancement, les étapes atteintes et manquées pendant la période, et la prochaine étape."
        case .achievedOn: "atteinte le"
        case .dueBy: "au plus tard"
        case .sourceNote: "Source : registre Deltaberaad. Les titres, décisions et citations figurent dans la langue où ils ont été enregistrés."
        case .body: "Instance"
        }
    }

    private static func english(_ text: Text) -> String {
        switch text {
        case .reportTitle: "Progress report"
        case .periodLabel: "Period"
        case .generatedOn: "Prepared on"
        case .contents: "Contents"
        case .summary: "Summary"
        case .dossier: "Dossier"
        case .health: "Progress"
        case .reached: "Reached"
        case .missed: "Missed"
        case .next: "Next milestone"
        case .decisions: "Decisions"
        case .openActions: "Open actions"
        case .investments: "Investments"
        case .agreements: "Agreements"
        case .completion: "Completion"
        case .none: "none"
        case .total: "Total"
        case .page: "page"
        case .of: "of"
        case .owner: "owner"
        case .due: "due"
        case .generalDecisions: "Other decisions"
        case .milestonesReachedInPeriod: "Milestones reached in the period"
        case .milestonesMissedInPeriod: "Milestones missed in the period"
        case .nextMilestones: "Next milestones"
        case .agreementsCompletion: "Completion of the agreements (OGP scale)"
        case .decisionsTaken: "Decisions taken in the period"
        case .actionsOpen: "Open actions"
        case .summaryIntro: "Per dossier: progress, the milestones reached and missed in the period, and the next milestone."
        case .achievedOn: "reached on"
        case .dueBy: "due by"
        case .sourceNote: "Source: the Deltaberaad register. Titles, decisions and quotations are in the language they were recorded in."
        case .body: "Body"
        }
    }

    static let months: [ReportLanguage: [String]] = [
        .nl: ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"],
        .fr: ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
        .en: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
    ]

    /// A date in this language: "18 februari 2026", "18 février 2026", "18 February 2026" ("1er" in French).
    public func date(_ date: CalendarDate) -> String {
        let month = Self.months[self]![date.month - 1]
        if self == .fr, date.day == 1 { return "1er \(month) \(date.year)" }
        return "\(date.day) \(month) \(date.year)"
    }

    /// A period: its original wording with the interval in this language.
    public func period(_ period: FuzzyPeriod) -> String {
        if period.precision == .day { return date(period.earliest) }
        return "\(period.wording) (\(date(period.earliest)) – \(date(period.latest)))"
    }

    /// A dossier's health.
    public func health(_ health: Health) -> String {
        switch (self, health) {
        case (.nl, _): Labels.health(health)
        case (.fr, .onTrack): "en bonne voie"
        case (.fr, .atRisk): "à risque"
        case (.fr, .offTrack): "en retard"
        case (.fr, .unknown): "inconnu"
        case (.en, .onTrack): "on track"
        case (.en, .atRisk): "at risk"
        case (.en, .offTrack): "off track"
        case (.en, .unknown): "unknown"
        }
    }

    /// An agreement's completion on the OGP scale.
    public func completion(_ completion: Completion) -> String {
        switch (self, completion) {
        case (.nl, _): Labels.completion(completion)
        case (.fr, .notStarted): "non commencé"
        case (.fr, .limited): "limité"
        case (.fr, .substantial): "substantiel"
        case (.fr, .complete): "achevé"
        case (.fr, .withdrawn): "retiré"
        case (.en, .notStarted): "not started"
        case (.en, .limited): "limited"
        case (.en, .substantial): "substantial"
        case (.en, .complete): "complete"
        case (.en, .withdrawn): "withdrawn"
        }
    }
}
