import DeltaDomain

/// The register's values in one language: dates, amounts, totals and the names of statuses,
/// kinds and countries, all from the language's catalogue.
///
/// Why in DeltaReports: every renderer (pages, JSON twins, reports, feeds, the command line)
/// must say things the same way, so each wording exists here once.
public struct Labels: Sendable {
    /// The catalogue the texts come from.
    public let catalogue: Catalogue

    public init(_ catalogue: Catalogue) { self.catalogue = catalogue }

    /// The language of the labels.
    public var language: Language { catalogue.language }
    /// Numbers in this language.
    public var numbers: NumberWording { NumberWording(language: language) }

    /// A fixed text of the catalogue.
    public func text(_ key: String, _ arguments: [String: String] = [:]) -> String { catalogue.text(key, arguments) }

    /// "18 februari 2026", "1er février 2026", "18 February 2026".
    public func date(_ date: CalendarDate) -> String {
        let month = catalogue.text("date.month.\(date.month)")
        let parts = ["day": String(date.day), "month": month, "year": String(date.year)]
        // French writes the first of the month as an ordinal: “1er février 2026”.
        return date.day == 1 ? catalogue.text("date.firstOfMonth", parts) : catalogue.text("date.day", parts)
    }

    /// A period as written, with its interval when that adds information:
    /// "rond de zomer van 2026 (1 juni – 30 september 2026)".
    public func period(_ period: FuzzyPeriod) -> String {
        if period.precision == .day { return date(period.earliest) }
        return catalogue.text("date.periodAsWritten", ["wording": period.wording, "from": date(period.earliest), "to": date(period.latest)])
    }

    /// Euros, compact for large amounts: "€ 130 mln", "130 M€", "€130m".
    public func euros(cents: Int64) -> String {
        let euros = cents / 100
        if euros >= 1_000_000_000 { return catalogue.text("money.billions", ["amount": scaled(euros, per: 1_000_000_000)]) }
        if euros >= 1_000_000 { return catalogue.text("money.millions", ["amount": scaled(euros, per: 1_000_000)]) }
        return catalogue.text("money.euros", ["amount": numbers.integer(euros)])
    }

    /// An amount as its kind says: "€ 130 mln", "circa € 200 mln", "€ 200 – 250 mln", "tot € 1 mld".
    public func amount(_ amount: Amount) -> String {
        switch amount.kind {
        case .exact: euros(cents: amount.minimumCents)
        case .approximate: catalogue.text("money.approximate", ["amount": euros(cents: amount.minimumCents)])
        case .range: catalogue.text("money.range", ["minimum": euros(cents: amount.minimumCents), "maximum": euros(cents: amount.maximumCents)])
        case .upToAtMost: catalogue.text("money.upTo", ["amount": euros(cents: amount.maximumCents)])
        }
    }

    /// A total that keeps firm money and upper bounds apart.
    public func total(_ total: AmountTotal) -> String {
        if total.count == 0 { return catalogue.text("money.noAmounts") }
        if total.isExact { return euros(cents: total.firmCents) }
        // Only "up to" amounts: say so plainly instead of "at least €0".
        if total.firmCents == 0, total.ceilingCents == total.upperBoundCents {
            return catalogue.text("money.upTo", ["amount": euros(cents: total.ceilingCents)])
        }
        var parts: [String] = []
        if total.firmCents == total.ceilingCents {
            parts.append(catalogue.text("money.approximate", ["amount": euros(cents: total.firmCents)]))
        } else {
            parts.append(catalogue.text("money.band", ["minimum": euros(cents: total.firmCents), "maximum": euros(cents: total.ceilingCents)]))
        }
        if total.upperBoundCents > 0 {
            parts.append(catalogue.text("money.ofWhichUpperBound", ["amount": euros(cents: total.upperBoundCents)]))
        }
        return parts.joined(separator: "; ")
    }

    /// A total in few words, for table cells: "€130m", "about €50m", "up to €1bn",
    /// "€200m – €1.25bn (incl. up to €1bn)". The same facts as `total(_:)`, shorter.
    public func compactTotal(_ total: AmountTotal) -> String {
        if total.count == 0 { return "" }
        if total.isExact { return euros(cents: total.firmCents) }
        if total.firmCents == 0, total.ceilingCents == total.upperBoundCents {
            return catalogue.text("money.upTo", ["amount": euros(cents: total.ceilingCents)])
        }
        if total.firmCents == total.ceilingCents { return catalogue.text("money.approximate", ["amount": euros(cents: total.firmCents)]) }
        let band = catalogue.text("money.range", ["minimum": euros(cents: total.firmCents), "maximum": euros(cents: total.ceilingCents)])
        guard total.upperBoundCents > 0 else { return band }
        return catalogue.text("money.compactUpToPart", ["band": band, "amount": euros(cents: total.upperBoundCents)])
    }

    /// A year bucket of `InvestmentYears` by its key: "2026", "2026–2030", or "year unknown".
    public func yearBucket(_ key: String) -> String {
        let parts = key.split(separator: "-").compactMap { Int($0) }
        guard let first = parts.first else { return catalogue.text("chart.investments.unknownYear") }
        return years(first: first, last: parts.count > 1 ? parts[1] : nil)
    }

    /// A year or a range of years: "2026", "2026–2030".
    public func years(first: Int, last: Int?) -> String {
        guard let last, last != first else { return String(first) }
        return "\(first)–\(last)"
    }

    private func scaled(_ euros: Int64, per unit: Int64) -> String {
        numbers.decimal(Double(euros) / Double(unit), fractionDigits: 2)
    }

    public func health(_ value: Health) -> String { catalogue.text("health.\(value.rawValue)") }
    public func compliance(_ value: Compliance) -> String { catalogue.text("compliance.\(value.rawValue)") }
    public func milestoneStatus(_ value: MilestoneStatus) -> String { catalogue.text("milestoneStatus.\(value.rawValue)") }
    public func dueState(_ value: DueState) -> String { catalogue.text("dueState.\(value.rawValue)") }
    public func meetingStatus(_ value: MeetingStatus) -> String { catalogue.text("meetingStatus.\(value.rawValue)") }
    public func completion(_ value: Completion) -> String { catalogue.text("completion.\(value.rawValue)") }
    public func documentKind(_ value: DocumentKind) -> String { catalogue.text("documentKind.\(value.rawValue)") }
    public func bodyKind(_ value: BodyKind) -> String { catalogue.text("bodyKind.\(value.rawValue)") }
    public func role(_ value: MembershipRole) -> String { catalogue.text("role.\(value.rawValue)") }
    public func level(_ value: OrganisationLevel) -> String { catalogue.text("level.\(value.rawValue)") }
    public func country(_ value: Country) -> String { catalogue.text("country.\(value.rawValue)") }
    public func amountKind(_ value: AmountKind) -> String { catalogue.text("amountKind.\(value.rawValue)") }
    public func visibility(_ value: Visibility) -> String { catalogue.text("visibility.\(value.rawValue)") }
    public func fundingSource(_ value: FundingSource) -> String { catalogue.text("fundingSource.\(value.rawValue)") }
    public func railLinkStatus(_ value: RailLinkStatus) -> String { catalogue.text("railLinkStatus.\(value.rawValue)") }
    public func railLinkUse(_ value: RailLinkUse) -> String { catalogue.text("railLinkUse.\(value.rawValue)") }
    public func investmentStatus(_ value: InvestmentStatus) -> String { catalogue.text("investmentStatus.\(value.rawValue)") }
    public func goalLevel(_ value: Goal.Level) -> String { catalogue.text("goalLevel.\(value.rawValue)") }
    /// A relation as the relating document says it ("addendum to").
    public func relation(_ value: DocumentRelation.Kind) -> String { catalogue.text("relation.\(value.rawValue)") }
    /// The same relation seen from the other end ("has as addendum").
    public func relationInverse(_ value: DocumentRelation.Kind) -> String { catalogue.text("relationInverse.\(value.rawValue)") }

    /// A dossier theme; themes the catalogue does not know are shown as written.
    public func theme(_ theme: String) -> String {
        catalogue.has("theme.\(theme)") ? catalogue.text("theme.\(theme)") : theme
    }
}
