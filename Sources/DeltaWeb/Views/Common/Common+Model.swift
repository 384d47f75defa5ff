import DeltaDomain
import DeltaReports
import DeltaStore

/// A link to a record: its id, a human name and the page URL.
struct LinkView: Codable, Sendable, Hashable {
    let id: String
    let name: String
    let url: String
}

/// A period with its wording, interval and Dutch label.
struct PeriodView: Codable, Sendable {
    let wording: String
    let earliest: String
    let latest: String
    let precision: String
    let label: String

    init(_ period: FuzzyPeriod, labels: Labels) {
        wording = period.wording
        earliest = period.earliest.iso
        latest = period.latest.iso
        precision = period.precision.rawValue
        label = labels.period(period)
    }
}

/// Where a passage is: document, paragraph anchor, span, and the URL of that paragraph.
struct PassageView: Codable, Sendable {
    let documentID: String
    let documentTitle: String
    let anchor: String
    let start: Int
    let length: Int
    let quote: String
    let url: String

    init(_ passage: PassageReference, documentTitle: String) {
        documentID = passage.documentID
        self.documentTitle = documentTitle
        anchor = passage.anchor
        start = passage.start
        length = passage.length
        quote = passage.quote
        url = "/documents/\(passage.documentID)#\(passage.anchor)"
    }
}

/// A milestone as lists and timelines show it.
struct MilestoneView: Codable, Sendable {
    let id: String
    let title: String
    /// Every dossier of the milestone (a shared event has several).
    let dossiers: [LinkView]
    /// Whether it belongs to more than one dossier.
    let shared: Bool
    let due: PeriodView
    let status: String
    let statusLabel: String
    let state: String
    let stateLabel: String
    let achievedOn: String?
    let achievedOnLabel: String?
    let owner: LinkView?
    let note: String?
    let source: PassageView?
}

/// Everything a page needs to name records without another query.
struct RegisterIndex: Sendable {
    let organisations: RecordsByID<Organisation>
    let documents: RecordsByID<DocumentHeader>
    let bodies: RecordsByID<Body>
    /// The dossiers by title (and id).
    let dossiers: RecordsByID<Dossier>
    let today: CalendarDate
    /// The language the page is rendered in.
    let labels: Labels

    func organisation(_ id: String?) -> LinkView? {
        guard let id else { return nil }
        let name: String
        if let organisation = organisations[id] {
            name = organisation.shortName.map { "\(organisation.name) (\($0))" } ?? organisation.name
        } else {
            name = id
        }
        return LinkView(id: id, name: name, url: "/organisations#\(id)")
    }

    func body(_ id: String?) -> LinkView? {
        guard let id else { return nil }
        return LinkView(id: id, name: bodies[id]?.name ?? id, url: "/bodies/\(id)")
    }

    func dossier(_ id: String?) -> LinkView? {
        guard let id else { return nil }
        return LinkView(id: id, name: dossiers[id]?.title ?? id, url: "/dossiers/\(id)")
    }

    func document(_ id: String?) -> LinkView? {
        guard let id else { return nil }
        return LinkView(id: id, name: documents[id]?.title ?? id, url: "/documents/\(id)")
    }

    func passage(_ passage: PassageReference?) -> PassageView? {
        passage.map { PassageView($0, documentTitle: documents[$0.documentID]?.title ?? $0.documentID) }
    }

    func milestone(_ milestone: Milestone) -> MilestoneView {
        let state = DeadlineRules.state(of: milestone, today: today)
        return MilestoneView(
            id: milestone.id, title: milestone.title, dossiers: milestone.dossierIDs.compactMap(dossier),
            shared: milestone.dossierIDs.count > 1, due: PeriodView(milestone.due, labels: labels),
            status: milestone.status.rawValue, statusLabel: labels.milestoneStatus(milestone.status),
            state: state.rawValue, stateLabel: labels.dueState(state), achievedOn: milestone.achievedOn?.iso, achievedOnLabel: milestone.achievedOn.map(labels.date),
            owner: organisation(milestone.ownerID), note: milestone.note, source: passage(milestone.source))
    }

    func agreement(_ agreement: Agreement) -> AgreementView {
        AgreementView(
            id: agreement.id, title: agreement.title, source: passage(agreement.source)!,
            documentDate: documents[agreement.source.documentID]?.date?.earliest.iso,
            documentDateLabel: documents[agreement.source.documentID]?.date.map(labels.documentDate),
            parties: agreement.partyIDs.compactMap(organisation), dossiers: agreement.dossierIDs.compactMap(dossier),
            body: body(agreement.bodyID), due: agreement.due.map { PeriodView($0, labels: labels) },
            completion: agreement.completion.rawValue, completionLabel: labels.completion(agreement.completion),
            evidence: agreement.evidence.map(evidence))
    }

    /// Evidence as a link with what it is.
    func evidence(_ evidence: Evidence) -> EvidenceView {
        switch evidence {
        case .passage(let passage):
            let view = self.passage(passage)
            return EvidenceView(kind: "passage", label: view?.documentTitle ?? passage.documentID, url: view?.url ?? "", quote: passage.quote)
        case .decision(let meetingID, let decisionID):
            return EvidenceView(kind: "decision", label: labels.text("app.evidence.decision", ["meeting": meetingID, "decision": decisionID]),
                                url: "/meetings/\(meetingID)#\(decisionID)", quote: nil)
        case .link(let url, let title):
            return EvidenceView(kind: "link", label: title, url: url, quote: nil)
        }
    }

    func investment(_ investment: Investment) -> InvestmentView {
        InvestmentView(
            id: investment.id, title: investment.title, amountKind: investment.amount.kind.rawValue,
            amountKindLabel: labels.amountKind(investment.amount.kind), minimumCents: investment.amount.minimumCents,
            maximumCents: investment.amount.maximumCents, amountLabel: labels.amount(investment.amount), wording: investment.wording,
            organisation: organisation(investment.organisationID)!, country: investment.country.rawValue,
            countryLabel: labels.country(investment.country), fundingSource: investment.fundingSource?.rawValue,
            fundingSourceLabel: investment.fundingSource.map(labels.fundingSource), status: investment.status?.rawValue,
            statusLabel: investment.status.map(labels.investmentStatus), recurring: investment.recurring,
            years: investment.firstYear.map { first in
                let last = investment.lastYear ?? first
                return first == last ? "\(first)" : "\(first)–\(last)"
            },
            dossier: dossier(investment.dossierID), partOf: investment.partOfID, source: passage(investment.source))
    }
}

/// An agreement with its source passage.
struct AgreementView: Codable, Sendable {
    let id: String
    let title: String
    let source: PassageView
    let documentDate: String?
    let documentDateLabel: String?
    let parties: [LinkView]
    let dossiers: [LinkView]
    let body: LinkView?
    let due: PeriodView?
    let completion: String
    let completionLabel: String
    /// What shows the completion.
    let evidence: [EvidenceView]
}

/// One piece of evidence for a completion: a passage, a decision or an outside link.
struct EvidenceView: Codable, Sendable {
    let kind: String
    let label: String
    let url: String
    let quote: String?
}

/// An investment with its amount in cents, its kind and its Dutch label.
struct InvestmentView: Codable, Sendable {
    let id: String
    let title: String
    let amountKind: String
    let amountKindLabel: String
    let minimumCents: Int64
    let maximumCents: Int64
    let amountLabel: String
    let wording: String
    let organisation: LinkView
    let country: String
    let countryLabel: String
    let fundingSource: String?
    let fundingSourceLabel: String?
    let status: String?
    let statusLabel: String?
    let recurring: Bool
    let years: String?
    let dossier: LinkView?
    let partOf: String?
    let source: PassageView?
    /// Where the list shows the whole this amount is part of: on this page (`#id`), or the
    /// window that begins with it. Only in the investments list.
    var partOfURL: String? = nil
}

/// A total of amounts as a band; see `AmountTotal`.
struct TotalView: Codable, Sendable {
    let key: String
    let name: String
    let firmCents: Int64
    let ceilingCents: Int64
    let upperBoundCents: Int64
    let isExact: Bool
    let count: Int
    /// Whether anything counts in the total (an empty pivot cell shows a dash).
    let hasAmounts: Bool
    let label: String
    /// The same total in few words, for table cells.
    let compactLabel: String

    init(key: String, name: String, total: AmountTotal, labels: Labels) {
        self.key = key
        self.name = name
        firmCents = total.firmCents
        ceilingCents = total.ceilingCents
        upperBoundCents = total.upperBoundCents
        isExact = total.isExact
        count = total.count
        hasAmounts = total.count > 0
        label = labels.total(total)
        compactLabel = labels.compactTotal(total)
    }
}

extension RegisterIndex {
    init(_ lookups: Lookups, today: CalendarDate, labels: Labels) {
        self.init(organisations: lookups.organisations, documents: lookups.documents, bodies: lookups.bodies,
                  dossiers: lookups.dossiers, today: today, labels: labels)
    }

    /// The lookup tables by id: the part of the index that depends on the register only, not on
    /// the day or the language, so it is built once per register version (`ReadMemo`).
    struct Lookups: Sendable {
        let organisations: RecordsByID<Organisation>
        let documents: RecordsByID<DocumentHeader>
        let bodies: RecordsByID<Body>
        /// The dossiers by title (and id), in Swift's order of strings, the same on both engines.
        let dossiers: RecordsByID<Dossier>

        init(_ tables: LookupTables) {
            organisations = RecordsByID(tables.organisations, id: \.id)
            documents = RecordsByID(tables.documents, id: \.id)
            bodies = RecordsByID(tables.bodies, id: \.id)
            // Already in that order when read (`LookupTables.dossierOrder`); sorted here otherwise.
            let sorted = zip(tables.dossiers, tables.dossiers.dropFirst()).allSatisfy { !LookupTables.dossierOrder($1, $0) }
            dossiers = RecordsByID(sorted ? tables.dossiers : tables.dossiers.sorted(by: LookupTables.dossierOrder), id: \.id)
        }

        /// The dossiers by title (and id).
        var sortedDossiers: [Dossier] { dossiers.records }
    }
}

extension Register {
    /// The lookup tables every page uses to name records, read in one statement and indexed once
    /// per register version.
    func lookupIndex(today: CalendarDate, labels: Labels) async throws -> RegisterIndex {
        RegisterIndex(try await lookups(), today: today, labels: labels)
    }

    /// The lookup tables by id (remembered per register version and scope).
    func lookups() async throws -> RegisterIndex.Lookups {
        try await remembered(PageRead.lookups) { RegisterIndex.Lookups(try await lookupTables()) }
    }
}
