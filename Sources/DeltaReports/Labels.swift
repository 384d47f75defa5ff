import DeltaDomain

/// Dutch wording for the register's values: what the UI and reports show.
///
/// Why in DeltaReports: every renderer (pages, reports, feeds) must say things the same way;
/// French and English come later through the same functions.
public enum Labels {
    static let monthNames = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
                             "september", "oktober", "november", "december"]

    /// "18 februari 2026".
    public static func date(_ date: CalendarDate) -> String { "\(date.day) \(monthNames[date.month - 1]) \(date.year)" }

    /// A period as written, with its interval when that adds information:
    /// "rond de zomer van 2026 (1 juni – 30 september 2026)".
    public static func period(_ period: FuzzyPeriod) -> String {
        if period.precision == .day { return date(period.earliest) }
        return "\(period.wording) (\(date(period.earliest)) – \(date(period.latest)))"
    }

    /// Euros in Dutch notation, compact for large amounts: "€ 130 mln", "€ 1 mld", "€ 12.500".
    public static func euros(cents: Int64) -> String {
        let euros = cents / 100
        if euros >= 1_000_000_000 { return "€ \(decimal(euros, per: 1_000_000_000)) mld" }
        if euros >= 1_000_000 { return "€ \(decimal(euros, per: 1_000_000)) mln" }
        return "€ \(grouped(euros))"
    }

    /// An amount as the kind says: "€ 130 mln", "circa € 200 mln", "€ 200 – 250 mln", "tot € 1 mld".
    public static func amount(_ amount: Amount) -> String {
        switch amount.kind {
        case .exact: return euros(cents: amount.minimumCents)
        case .approximate: return "circa \(euros(cents: amount.minimumCents))"
        case .range: return "\(euros(cents: amount.minimumCents)) – \(euros(cents: amount.maximumCents))"
        case .upToAtMost: return "tot \(euros(cents: amount.maximumCents))"
        }
    }

    /// A total that keeps firm money and upper bounds apart.
    public static func total(_ total: AmountTotal) -> String {
        if total.count == 0 { return "geen bedragen" }
        if total.isExact { return euros(cents: total.firmCents) }
        var parts: [String] = []
        if total.firmCents == total.ceilingCents {
            parts.append("circa \(euros(cents: total.firmCents))")
        } else {
            parts.append("ten minste \(euros(cents: total.firmCents)), ten hoogste \(euros(cents: total.ceilingCents))")
        }
        if total.upperBoundCents > 0 {
            parts.append("waarvan \(euros(cents: total.upperBoundCents)) alleen als bovengrens (“tot …”)")
        }
        return parts.joined(separator: "; ")
    }

    private static func decimal(_ euros: Int64, per unit: Int64) -> String {
        let whole = euros / unit
        let tenths = (euros % unit) * 100 / unit
        if tenths == 0 { return grouped(whole) }
        let fraction = tenths % 10 == 0 ? "\(tenths / 10)" : (tenths < 10 ? "0\(tenths)" : "\(tenths)")
        return "\(grouped(whole)),\(fraction)"
    }

    private static func grouped(_ value: Int64) -> String {
        let digits = Array(String(value))
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result.append(".") }
            result.append(digit)
        }
        return result
    }

    /// Dutch name of a health value.
    public static func health(_ health: Health) -> String {
        switch health {
        case .onTrack: return "op koers"
        case .atRisk: return "risico"
        case .offTrack: return "uit koers"
        case .unknown: return "onbekend"
        }
    }

    /// Dutch name of a cadence compliance value.
    public static func compliance(_ compliance: Compliance) -> String {
        switch compliance {
        case .met: return "gehaald"
        case .scheduled: return "ingepland"
        case .atRisk: return "risico"
        case .missed: return "niet gehaald"
        case .notApplicable: return "n.v.t."
        }
    }

    /// Dutch name of a milestone status.
    public static func milestoneStatus(_ status: MilestoneStatus) -> String {
        switch status {
        case .planned: return "gepland"
        case .inProgress: return "in uitvoering"
        case .achieved: return "bereikt"
        case .delayed: return "vertraagd"
        case .cancelled: return "geschrapt"
        }
    }

    /// Dutch name of a due state.
    public static func dueState(_ state: DueState) -> String {
        switch state {
        case .done: return "bereikt"
        case .overdue: return "over tijd"
        case .dueSoon: return "binnenkort"
        case .upcoming: return "later"
        case .cancelled: return "geschrapt"
        }
    }

    /// Dutch name of a meeting status.
    public static func meetingStatus(_ status: MeetingStatus) -> String {
        switch status {
        case .planned: return "gepland"
        case .confirmed: return "bevestigd"
        case .held: return "gehouden"
        case .postponed: return "uitgesteld"
        case .cancelled: return "afgelast"
        }
    }

    /// Dutch name of an agreement's completion.
    public static func completion(_ completion: Completion) -> String {
        switch completion {
        case .notStarted: return "niet begonnen"
        case .limited: return "beperkt"
        case .substantial: return "substantieel"
        case .complete: return "voltooid"
        case .withdrawn: return "ingetrokken"
        }
    }

    /// Dutch name of a document kind.
    public static func documentKind(_ kind: DocumentKind) -> String {
        switch kind {
        case .jointDeclaration: return "Gezamenlijke verklaring"
        case .finalDeclaration: return "Slotverklaring"
        case .declarationOfIntent: return "Intentieverklaring"
        case .statement: return "Verklaring"
        case .letterToParliament: return "Kamerbrief"
        case .decisionMemo: return "Beslisnota"
        case .treaty: return "Verdrag"
        case .minutes: return "Verslag"
        case .other: return "Document"
        }
    }

    /// Dutch name of a body kind.
    public static func bodyKind(_ kind: BodyKind) -> String {
        switch kind {
        case .politicalConsultation: return "Politiek overleg"
        case .deltaCouncil: return "Bestuurlijk Delta-beraad"
        case .dgSteering: return "DG-overleg"
        case .workingGroup: return "Werkgroep"
        case .summit: return "Top"
        case .regionalConsultation: return "Regionaal overleg"
        case .platform: return "Platform"
        }
    }

    /// Dutch name of a membership role.
    public static func role(_ role: MembershipRole) -> String {
        switch role {
        case .chair: return "voorzitter"
        case .cochair: return "covoorzitter"
        case .member: return "lid"
        case .secretary: return "secretaris"
        case .invited: return "genodigde"
        case .observer: return "waarnemer"
        }
    }

    /// Dutch name of an organisation level.
    public static func level(_ level: OrganisationLevel) -> String {
        switch level {
        case .national: return "nationaal"
        case .federal: return "federaal"
        case .regional: return "regionaal"
        case .provincial: return "provinciaal"
        case .municipal: return "gemeentelijk"
        case .sector: return "sector"
        case .eu: return "EU"
        case .international: return "internationaal"
        }
    }

    /// Dutch name of a country.
    public static func country(_ country: Country) -> String {
        switch country {
        case .NL: return "Nederland"
        case .BE: return "België"
        case .DE: return "Duitsland"
        case .FR: return "Frankrijk"
        case .LU: return "Luxemburg"
        case .EU: return "Europese Unie"
        }
    }

    /// Dutch name of a dossier theme; unknown themes are shown as written.
    public static func theme(_ theme: String) -> String {
        switch theme {
        case "ertms": return "ERTMS"
        case "passenger": return "personenvervoer"
        case "freight": return "goederenvervoer"
        case "military": return "militaire mobiliteit"
        case "infrastructure": return "infrastructuur"
        case "capacity": return "capaciteit"
        case "regional": return "regionaal"
        case "data": return "data"
        case "innovation": return "innovatie"
        case "ports": return "havens"
        default: return theme
        }
    }

    /// Dutch name of an amount kind.
    public static func amountKind(_ kind: AmountKind) -> String {
        switch kind {
        case .exact: return "exact"
        case .approximate: return "circa"
        case .range: return "bandbreedte"
        case .upToAtMost: return "bovengrens"
        }
    }

    /// "openbaar", "intern", "alleen eigen delegatie".
    public static func visibility(_ visibility: Visibility) -> String {
        switch visibility {
        case .public: "openbaar"
        case .internal: "intern"
        case .delegationPrivate: "alleen beheerders (delegatie-privé)"
        }
    }
}
