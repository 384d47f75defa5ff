import DeltaDomain

/// The index entries of each kind of record: which texts are searched, and what the filters read.
///
/// What is indexed:
/// - a document as a whole (title, reference, place, summary) and each of its paragraphs;
/// - an agreement (title and quote), a dossier (title, summary, mandate note), a
///   milestone (title, due date as written, note), an organisation (name and short name), a rail
///   link (name, other names, stations, summary);
/// - the decisions of approved minutes one by one, and the rest of approved minutes (information,
///   actions and corrections) as one entry per meeting. Draft minutes are not searchable: anonymous
///   visitors never see them, and they change until approved.
///
/// Derived filter values (an agreement's year is its document's, a milestone's bodies are its
/// dossiers') are taken when the record is saved; `SearchIndex.rebuild()` refreshes them all.
public enum SearchEntries {
    /// What entries read about other records: countries of organisations, years of documents and
    /// bodies of dossiers, whatever the reader's scope.
    public struct Context: Sendable {
        var countries: [String: Country] = [:]
        var documentYears: [String: Int] = [:]
        var dossierBodies: [String: String] = [:]

        /// The organisations' countries, the documents' years and the dossiers' bodies, by id.
        init(countries: [String: Country], documentYears: [String: Int], dossierBodies: [String: String]) {
            self.countries = countries
            self.documentYears = documentYears
            self.dossierBodies = dossierBodies
        }

        func countries(_ organisationIDs: [String?]) -> [Country] {
            var seen = Set<Country>()
            return organisationIDs.compactMap { $0.flatMap { countries[$0] } }.filter { seen.insert($0).inserted }
        }
    }

    static func joined(_ parts: [String?]) -> String {
        parts.compactMap { $0?.isEmpty == false ? $0 : nil }.joined(separator: " · ")
    }

    /// A document and its paragraphs.
    public static func entries(_ document: Document, context: Context) -> [SearchEntry] {
        let countries = context.countries(document.issuerIDs + document.signatories.map(\.organisationID))
        let year = document.date?.earliest.year
        var entries = [SearchEntry(kind: .document, recordID: document.id, title: document.title,
                                   text: joined([document.reference, document.place, document.summary]), visibility: document.visibility,
                                   year: year, countries: countries, pageKind: .document, pageID: document.id)]
        for (position, paragraph) in document.paragraphs.enumerated() {
            entries.append(SearchEntry(kind: .document, recordID: document.id, anchor: paragraph.anchor, position: position + 1,
                                       title: document.title, titleIsSearched: false, text: paragraph.text, visibility: document.visibility,
                                       year: year, countries: countries, pageKind: .document, pageID: document.id))
        }
        return entries
    }

    /// An agreement, shown in its first dossier (or at its passage when it has none).
    public static func entries(_ agreement: Agreement, context: Context) -> [SearchEntry] {
        let dossier = agreement.dossierIDs.first
        return [SearchEntry(kind: .agreement, recordID: agreement.id, anchor: dossier != nil ? "agreement-\(agreement.id)" : agreement.source.anchor,
                            title: agreement.title, text: agreement.source.quote, visibility: agreement.visibility,
                            bodyIDs: agreement.bodyID.map { [$0] } ?? [], dossierIDs: agreement.dossierIDs,
                            year: context.documentYears[agreement.source.documentID], countries: context.countries(agreement.partyIDs),
                            pageKind: dossier != nil ? .dossier : .document, pageID: dossier ?? agreement.source.documentID)]
    }

    public static func entries(_ dossier: Dossier, context: Context) -> [SearchEntry] {
        [SearchEntry(kind: .dossier, recordID: dossier.id, title: dossier.title,
                     text: joined([dossier.summary, dossier.mandate?.note]),
                     visibility: dossier.visibility, bodyIDs: dossier.bodyID.map { [$0] } ?? [], dossierIDs: [dossier.id],
                     countries: context.countries(dossier.leadIDs), pageKind: .dossier, pageID: dossier.id)]
    }

    /// A milestone, shown in its first dossier's milestones.
    public static func entries(_ milestone: Milestone, context: Context) -> [SearchEntry] {
        guard let dossier = milestone.homeDossierID else { return [] }
        var bodies: [String] = []
        for id in milestone.dossierIDs { if let body = context.dossierBodies[id], !bodies.contains(body) { bodies.append(body) } }
        return [SearchEntry(kind: .milestone, recordID: milestone.id, anchor: "h-milestones", title: milestone.title,
                            text: joined([milestone.due.wording, milestone.note]), visibility: milestone.visibility, bodyIDs: bodies,
                            dossierIDs: milestone.dossierIDs, year: milestone.due.earliest.year,
                            countries: context.countries([milestone.ownerID]), pageKind: .dossier, pageID: dossier)]
    }

    /// A rail link by its names, its stations and its summary.
    public static func entries(_ link: RailLink) -> [SearchEntry] {
        [SearchEntry(kind: .railLink, recordID: link.id, title: link.name,
                     text: joined([link.aliases.joined(separator: ", "), link.stations.joined(separator: ", "), link.summary]),
                     visibility: link.visibility, pageKind: .railLink, pageID: link.id)]
    }

    public static func entries(_ organisation: Organisation) -> [SearchEntry] {
        [SearchEntry(kind: .organisation, recordID: organisation.id, anchor: organisation.id, title: organisation.name,
                     text: joined([organisation.shortName]), visibility: organisation.visibility, countries: [organisation.country],
                     pageKind: .organisation, pageID: organisation.id)]
    }

    /// The decisions and the rest of a meeting's minutes, when they are approved.
    public static func entries(_ meeting: Meeting, minutes: MinutesRecord, outcomes: [Outcome]) -> [SearchEntry] {
        guard minutes.status == .approved else { return [] }
        let year = meeting.when.earliest.year
        var entries: [SearchEntry] = []
        for (position, outcome) in outcomes.enumerated() where outcome.kind == .decision {
            entries.append(SearchEntry(kind: .decision, recordID: outcome.id, anchor: "outcome-\(outcome.id)", position: position + 1,
                                       title: meeting.title, titleIsSearched: false, text: outcome.text, visibility: meeting.visibility,
                                       bodyIDs: [meeting.bodyID], year: year, pageKind: .meeting, pageID: meeting.id))
        }
        let rest = outcomes.filter { $0.kind != .decision }.map(\.text) + minutes.corrections.map(\.text)
        entries.append(SearchEntry(kind: .minutes, recordID: meeting.id, anchor: "h-minutes", title: meeting.title, text: joined(rest),
                                   visibility: meeting.visibility, bodyIDs: [meeting.bodyID], year: year, pageKind: .meeting, pageID: meeting.id))
        return entries
    }
}
