import DeltaDomain
import DeltaImport
import DeltaReports
import DeltaServices
import DeltaStore
import Foundation

/// Builds the review page from a text and its extraction, with the reviewer's values (when the
/// page comes back with errors) or the proposals (the first time).
struct ExtractReviewBuilder: Sendable {
    let text: String
    let fileName: String
    let result: ExtractionResult
    let values: [String: String]
    let errors: [String: String]
    let labels: Labels
    let dossierIDs: [String]
    let organisations: [Choice]
    /// The bodies whose meeting rule a rhythm may set.
    var bodies: [Choice] = []
    /// The organisations of the register by their name and short name (`partyKey`), to tell the
    /// parties of an agreement that are in the register from those that are not.
    var partyIDs: [String: String] = [:]
    /// The register's documents the text refers to.
    var related: [RelatedDocuments.Proposal] = []
    /// Earlier documents the text refers to that the register does not hold (proposed as stubs).
    var mentions: [RelatedDocuments.Mention] = []
    /// The most parties not in the register one review proposes to add.
    static let maximumNewParties = 20
    /// Proposes each candidate's dossiers from the names in its passage.
    var linker = DossierLinker(dossiers: [])
    /// The stored document with the proposed id and its agreements, when there is one.
    var existing: (document: Document, agreements: [Agreement])? = nil

    /// The register's names that help the extractor, and the choices of the review form.
    static func context(_ register: Register) async throws
        -> (extractor: Extractor, linker: DossierLinker, dossierIDs: [String], organisations: [Choice], bodies: [Choice], documents: [RelatedDocuments.Candidate],
            partyIDs: [String: String]) {
        let organisations = try await register.organisations()
        let bodies = try await register.bodies()
        let dossiers = try await register.dossiers()
        let links = Dictionary(uniqueKeysWithValues: try await register.railLinks().map { ($0.id, $0) })
        let extractor = Extractor(organisationNames: organisations.flatMap { [$0.name] + ($0.shortName.map { [$0] } ?? []) },
                                  bodyNames: bodies.map(\.name))
        let linker = DossierLinker(dossiers: dossiers.map { ($0.id, $0.title, $0.railLinkIDs.flatMap { links[$0]?.names ?? [] }) })
        return (extractor, linker, dossiers.map(\.id), organisations.map { Choice(value: $0.id, label: $0.name) },
                bodies.map { Choice(value: $0.id, label: $0.name) },
                try await register.documentHeaders().map { RelatedDocuments.Candidate(id: $0.id, title: $0.title, reference: $0.reference) },
                partyIDs(organisations))
    }

    /// A party or organisation name as compared: lower case, single spaces, without a leading
    /// article ("de Vlaamse Regering" is the organisation "Vlaamse Regering").
    static func partyKey(_ name: String) -> String {
        var words = name.lowercased().split(whereSeparator: \.isWhitespace)
        if words.count > 1, ["de", "het", "le", "la", "les"].contains(words[0]) { words.removeFirst() }
        return words.joined(separator: " ")
    }

    /// The organisations by name and short name; a name two organisations share names neither.
    static func partyIDs(_ organisations: [Organisation]) -> [String: String] {
        var ids: [String: String] = [:], shared: Set<String> = []
        for organisation in organisations {
            for name in Set([organisation.name] + (organisation.shortName.map { [$0] } ?? [])).map(partyKey) {
                if let other = ids[name], other != organisation.id { shared.insert(name) } else { ids[name] = organisation.id }
            }
        }
        for name in shared { ids[name] = nil }
        return ids
    }

    /// The value of a field: what the reviewer sent, else the proposal.
    func value(_ key: String, _ proposal: @autoclosure () -> String) -> String { values[key] ?? proposal() }

    /// Whether a candidate is accepted: as sent (a checkbox is absent when unticked), else by confidence.
    func accepted(_ key: String, proposal: Bool) -> Bool {
        values.isEmpty ? proposal : values["\(key).accept"] == "on"
    }

    func fieldErrors(_ prefix: String) -> [ExtractFieldError] {
        errors.filter { $0.key.hasPrefix(prefix + ".") }.sorted { $0.key < $1.key }
            .map { ExtractFieldError(field: String($0.key.dropFirst(prefix.count + 1)), message: $0.value) }
    }

    func page() -> ExtractReviewPage {
        let scalars = Array(text.unicodeScalars)
        func slice(_ start: Int, _ end: Int) -> String { String(String.UnicodeScalarView(scalars[max(0, start)..<min(scalars.count, end)])) }
        func shortTitle(_ text: String) -> String {
            let words = text.split(whereSeparator: { $0.isWhitespace })
            return words.prefix(14).joined(separator: " ") + (words.count > 14 ? " …" : "")
        }
        /// The sentence (agreement span or ±80 characters) around a span, for titles.
        func context(_ start: Int, _ end: Int) -> String {
            if let sentence = result.agreements.first(where: { $0.start <= start && $0.end >= end }) { return sentence.text }
            return slice(start - 80, end + 80)
        }
        let organisationOptions = { (selected: String) in
            organisations.map { FilterOption(value: $0.value, label: $0.label, selected: $0.value == selected) }
        }
        let countryOptions = { (selected: String) in
            Country.allCases.map { FilterOption(value: $0.rawValue, label: labels.country($0), selected: $0.rawValue == selected) }
        }
        func candidate(_ key: String, kind: String, start: Int, end: Int, text: String, reading: String, confidence: Double?, rule: String?,
                       accept: Bool, title: String, quote: String = "", due: String = "", organisation: String = "", country: String = "",
                       body: String? = nil, parties: [String] = []) -> ExtractCandidateView {
            var registered: [String] = []
            for party in parties { if let id = partyIDs[Self.partyKey(party)], !registered.contains(id) { registered.append(id) } }
            let unregistered = parties.filter { partyIDs[Self.partyKey($0)] == nil }
            let organisationID = value("\(key).organisationID", organisation), countryCode = value("\(key).country", country)
            let bodyID = value("\(key).bodyID", body ?? "")
            return ExtractCandidateView(
                key: key, kind: kind, text: text, reading: reading, confidencePercent: Int(((confidence ?? 0) * 100).rounded()), rule: rule ?? "",
                accepted: accepted(key, proposal: accept), title: value("\(key).title", title), quote: value("\(key).quote", quote),
                due: value("\(key).due", due),
                dossierIDs: value("\(key).dossierIDs", values["defaultDossierIDs"] ?? linker.dossiers(in: context(start, end)).joined(separator: ", ")),
                partyIDs: value("\(key).partyIDs", registered.joined(separator: ", ")),
                notInRegister: unregistered.isEmpty ? nil : unregistered.joined(separator: ", "),
                organisationID: organisationID, country: countryCode, organisationChoices: organisationOptions(organisationID),
                countryChoices: countryOptions(countryCode),
                bodyChoices: body == nil ? [] : bodies.map { FilterOption(value: $0.value, label: $0.label, selected: $0.value == bodyID) },
                errors: fieldErrors(key))
        }
        // A page shows at most this many candidates of a kind; the reviewer is told when there were more.
        let limit = Self.maximumCandidates
        let agreements = result.agreements.enumerated().prefix(limit).map { index, a in
            candidate("a\(index)", kind: "agreement", start: a.start, end: a.end, text: a.text, reading: a.parties.joined(separator: ", "),
                      confidence: a.confidence, rule: a.rule, accept: (a.confidence ?? 0) >= 0.8, title: shortTitle(a.text), quote: a.text,
                      parties: a.parties)
        }
        let deadlines = result.dates.enumerated().filter { $0.element.latest != nil }.prefix(limit).map { index, d in
            candidate("d\(index)", kind: "deadline", start: d.start, end: d.end, text: d.text,
                      reading: "\(d.earliest.flatMap(CalendarDate.init(iso:)).map(labels.date) ?? "…") – \(d.latest.flatMap(CalendarDate.init(iso:)).map(labels.date) ?? "…")",
                      confidence: d.confidence, rule: d.rule, accept: false, title: shortTitle(context(d.start, d.end)),
                      due: FuzzyPeriod.parse(d.text, referenceYear: result.documentDate.flatMap(CalendarDate.init(iso:))?.year) != nil ? d.text : (d.latest ?? d.text))
        }
        let amounts = result.amounts.enumerated().filter { $0.element.kind != "at_least" }.prefix(limit).map { index, m in
            let amount = Self.amount(m)
            return candidate("m\(index)", kind: "amount", start: m.start, end: m.end, text: m.text, reading: amount.map(labels.amount) ?? m.text,
                             confidence: m.confidence, rule: m.rule, accept: false, title: shortTitle(context(m.start, m.end)),
                             country: m.currency == "BEF" ? "BE" : (m.currency == "NLG" ? "NL" : ""))
        }
        let cadences = result.cadences.enumerated().prefix(limit).map { index, c in
            candidate("c\(index)", kind: "cadence", start: c.start, end: c.end, text: c.text,
                      reading: labels.text("extract.review.perYear", ["count": labels.numbers.decimal(c.minPerYear, fractionDigits: 1), "body": c.body ?? "—"]),
                      confidence: c.confidence, rule: c.rule, accept: false, title: c.body ?? "",
                      body: c.body.flatMap { name in bodies.first { $0.label.lowercased() == name.lowercased() }?.value } ?? "")
        }
        let documentKind = value("doc.kind", DocumentMetadata.proposedKind(text).rawValue)
        let visibility = value("doc.visibility", Visibility.internal.rawValue)
        let document = ExtractDocumentFields(
            id: value("doc.id", Self.slug(fileName)), title: value("doc.title", DocumentMetadata.proposedTitle(text)),
            kinds: DocumentKind.allCases.map { FilterOption(value: $0.rawValue, label: labels.documentKind($0), selected: $0.rawValue == documentKind) },
            date: value("doc.date", result.documentDate ?? ""), place: value("doc.place", DocumentMetadata.proposedPlace(text) ?? ""),
            reference: value("doc.reference", DocumentMetadata.proposedReference(text) ?? ""),
            language: value("doc.language", DocumentMetadata.proposedLanguage(text)),
            visibilities: Visibility.allCases.map { FilterOption(value: $0.rawValue, label: labels.visibility($0), selected: $0.rawValue == visibility) },
            signatories: value("doc.signatories", proposedSignatories()),
            errors: fieldErrors("doc"))
        var anchors: [Int: String] = [:]
        for (index, a) in result.agreements.enumerated() { anchors[a.start] = "c-a\(index)" }
        let marks: [(Int, Int, String)] = result.agreements.map { ($0.start, $0.end, "mark-agreement") } + result.dates.map { ($0.start, $0.end, "mark-date") }
            + result.amounts.map { ($0.start, $0.end, "mark-amount") } + result.cadences.map { ($0.start, $0.end, "mark-cadence") }
        return ExtractReviewPage(
            title: labels.text("app.title.extractReview", ["file": fileName]), fileName: fileName, text: text, document: document,
            segments: Self.segments(scalars, marks: marks, anchors: anchors), agreements: agreements, deadlines: deadlines, amounts: amounts,
            cadences: cadences, extraQuotes: values["extraQuotes"] ?? "",
            extraErrors: errors.filter { $0.key.hasPrefix("x") }.sorted { $0.key < $1.key }.map { "\($0.key.split(separator: ".").first ?? ""): \($0.value)" },
            truncated: [result.agreements.count, result.dates.count, result.amounts.count, result.cadences.count].contains { $0 > limit }
                ? labels.text("extract.review.truncated", ["limit": String(limit)]) : nil, formErrors: errors.filter { $0.key.hasSuffix("._form") || $0.key == "_form" }.map(\.value),
            hasErrors: !errors.isEmpty, dossierIDs: dossierIDs, organisations: organisations,
            countries: Country.allCases.map { Choice(value: $0.rawValue, label: labels.country($0)) },
            revision: existing.map { revisionView($0.document, $0.agreements) },
            mentions: mentions.enumerated().map { index, mention in
                let key = "s\(index)"
                let kind = value("\(key).kind", DocumentKind.other.rawValue), relation = value("\(key).relation", mention.kind.rawValue)
                return ExtractMentionView(
                    key: key, title: value("\(key).title", mention.title), id: value("\(key).id", RecordIdentifier.make(from: mention.title)),
                    year: mention.year, reference: mention.reference, evidence: mention.evidence, accepted: accepted(key, proposal: false),
                    kinds: DocumentKind.allCases.map { FilterOption(value: $0.rawValue, label: labels.documentKind($0), selected: $0.rawValue == kind) },
                    relations: DocumentRelation.Kind.allCases.map { FilterOption(value: $0.rawValue, label: labels.relation($0), selected: $0.rawValue == relation) },
                    planned: values.isEmpty ? mention.planned : values["\(key).planned"] == "on", errors: fieldErrors(key))
            },
            newParties: newParties().enumerated().map { index, party in
                let key = "o\(index)"
                let country = value("\(key).country", ""), level = value("\(key).level", "")
                return ExtractPartyView(
                    key: key, party: party, name: value("\(key).name", party), id: value("\(key).id", RecordIdentifier.make(from: party)),
                    accepted: accepted(key, proposal: false),
                    countries: Country.allCases.map { FilterOption(value: $0.rawValue, label: labels.country($0), selected: $0.rawValue == country) },
                    levels: OrganisationLevel.allCases.map { FilterOption(value: $0.rawValue, label: labels.level($0), selected: $0.rawValue == level) },
                    errors: fieldErrors(key))
            },
            related: related.enumerated().map { index, proposal in
                let key = "r\(index)"
                let kind = value("\(key).kind", proposal.kind.rawValue)
                return ExtractRelatedView(
                    key: key, documentID: proposal.documentID, title: proposal.title, url: "/documents/\(proposal.documentID)",
                    // Not ticked when it is this very document (a revised version names its own title).
                    accepted: accepted(key, proposal: proposal.documentID != document.id),
                    kinds: DocumentRelation.Kind.allCases.map { FilterOption(value: $0.rawValue, label: labels.relation($0), selected: $0.rawValue == kind) },
                    planned: values.isEmpty ? proposal.planned : values["\(key).planned"] == "on", evidence: proposal.evidence)
            })
    }

    /// The parties the agreements name that no organisation of the register answers to, each once,
    /// in the order of the text (at most `maximumNewParties`).
    func newParties() -> [String] {
        var seen = Set<String>(), names: [String] = []
        for party in result.agreements.flatMap(\.parties) where partyIDs[Self.partyKey(party)] == nil {
            if seen.insert(Self.partyKey(party)).inserted { names.append(party) }
        }
        return Array(names.prefix(Self.maximumNewParties))
    }

    /// The signatories read from the closing block, as lines of the document form; the
    /// organisation only where exactly one of the register's matches the office.
    func proposedSignatories() -> String {
        let register = organisations.map { (id: $0.value, name: $0.label) }
        return DocumentMetadata.proposedSignatories(text).map { proposal in
            DocumentForm.signatoryLine(Signatory(name: proposal.name, role: DocumentMetadata.role(office: proposal.office),
                                                 organisationID: DocumentMetadata.organisationID(office: proposal.office, organisations: register)))
        }.joined(separator: "\n")
    }

    /// The comparison of the text with the stored document of the same id.
    func revisionView(_ document: Document, _ agreements: [Agreement]) -> ExtractRevisionView {
        let revision = DocumentRevision(stored: document.paragraphs, revised: TextLayout.paragraphs(from: TextNormaliser.cleaned(text).text),
                                        agreements: agreements)
        func short(_ paragraph: Paragraph) -> String {
            let words = paragraph.text.split(separator: " ")
            return "\(paragraph.anchor): " + words.prefix(20).joined(separator: " ") + (words.count > 20 ? " …" : "")
        }
        return ExtractRevisionView(
            documentID: document.id, url: "/documents/\(document.id)", unchanged: revision.isUnchanged,
            added: revision.added.map(short), removed: revision.removed.map(short),
            moved: revision.moved.map { labels.text("extract.revision.movedParagraph", ["from": $0.stored.anchor, "to": $0.revised.anchor, "text": short($0.revised)]) },
            affected: revision.affected.map { affected in
                let change: String
                switch affected.change {
                case .gone: change = labels.text("extract.revision.gone")
                case .moved(let from, let to): change = labels.text("extract.revision.moved", ["from": from, "to": to])
                }
                return ExtractAffectedView(title: affected.title, url: "/agreements/\(affected.agreementID)/edit", change: change)
            })
    }

    /// The most candidates of one kind on a page.
    static let maximumCandidates = 500

    /// The text cut where marks start and end, each run with the classes of the marks over it.
    static func segments(_ scalars: [Unicode.Scalar], marks: [(Int, Int, String)], anchors: [Int: String]) -> [ExtractSegment] {
        var cuts = Set([0, scalars.count])
        for (start, end, _) in marks { cuts.insert(start); cuts.insert(end) }
        let points = cuts.filter { $0 >= 0 && $0 <= scalars.count }.sorted()
        // A mark covers the segments from its start to its end. One sweep over the cut points,
        // opening and closing marks as it passes them: asking every mark at every point took
        // time in the square of a long text's marks.
        var opening: [Int: [String]] = [:], closing: [Int: [String]] = [:]
        for (start, end, name) in marks where start < end && end > 0 {
            opening[max(start, 0), default: []].append(name)
            closing[end, default: []].append(name)
        }
        var open: [String: Int] = [:]
        var segments: [ExtractSegment] = []
        for (from, to) in zip(points, points.dropFirst()) {
            for name in closing[from] ?? [] { open[name, default: 0] -= 1; if open[name] == 0 { open[name] = nil } }
            for name in opening[from] ?? [] { open[name, default: 0] += 1 }
            segments.append(ExtractSegment(text: String(String.UnicodeScalarView(scalars[from..<to])),
                                           classes: open.isEmpty ? nil : open.keys.sorted().joined(separator: " "), anchor: anchors[from]))
        }
        return segments
    }

    /// The meeting rule a rhythm stands for, as the acceptance reads it: half-yearly is once per
    /// half-year, "twice a year" twice per year, every two years every two years.
    static func ruleCode(_ c: ExtractedCadence) -> String {
        if c.minPerYear < 1 { return "every-years:\(max(2, Int((1 / c.minPerYear).rounded())))" }
        if c.minPerYear == 2, c.rule == "adjective" { return "per-half-year:1" }
        return "per-year:\(Int(c.minPerYear.rounded()))"
    }

    /// An extracted amount as a register amount (euros to cents).
    static func amount(_ m: ExtractedAmount) -> Amount? {
        // Only what the register can hold: finite, not negative, below a trillion euros.
        func cents(_ euros: Double) -> Int64? { euros.isFinite && euros >= 0 && euros < 1e12 ? Int64(exactly: (euros * 100).rounded()) : nil }
        let low = m.min.flatMap(cents), high = m.max.flatMap(cents)
        switch m.kind {
        case "exact": return low.map(Amount.exact(cents:))
        case "approximate": return low.map(Amount.approximate(cents:))
        case "range": return low.flatMap { l in high.flatMap { Amount.range(minimumCents: l, maximumCents: $0) } }
        case "up_to": return high.map(Amount.upToAtMost(cents:))
        default: return nil
        }
    }

    /// An id from a file name: "Slotverklaring Top 2025.docx" → "slotverklaring-top-2025".
    static func slug(_ fileName: String) -> String {
        let base = fileName.split(separator: ".").dropLast().joined(separator: ".")
        return RecordIdentifier.make(from: base.isEmpty ? fileName : base, fallback: "document")
    }

}
