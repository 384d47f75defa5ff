import DeltaDomain
import DeltaReports
import DeltaStore

/// How one kind of record is edited: its fields, its values as form text, and how submitted text
/// becomes a record again. The same description serves the HTML form and the JSON API.
protocol RecordForm: Sendable {
    associatedtype Record: StoredRecord
    /// The path segment of the kind's routes ("milestones").
    static var segment: String { get }
    /// The Dutch name of the kind ("mijlpaal").
    static var label: String { get }
    /// The form's fields for a new record or an existing one.
    static func fields(_ choices: FormChoices, isNew: Bool) -> [FieldSpec]
    /// The record as form values.
    static func values(of record: Record) -> [String: String]
    /// A record from submitted values; `existing` keeps what the form does not edit.
    static func build(_ reader: inout FieldReader, id: String, existing: Record?, choices: FormChoices) -> Record?
    /// The page to show the record on after saving.
    static func page(of record: Record) -> String
}

extension RecordForm {
    /// Choices for an enum, labelled in Dutch.
    static func enumChoices<E: RawRepresentable & CaseIterable>(_ type: E.Type, _ label: (E) -> String) -> [Choice] where E.RawValue == String {
        E.allCases.map { Choice(value: $0.rawValue, label: label($0)) }
    }

    static var visibilityField: FieldSpec {
        FieldSpec(name: "visibility", label: "Zichtbaarheid", input: .select(enumChoices(Visibility.self, Labels.visibility)), required: true,
                  hint: "Openbaar: iedereen; intern: alleen aangemelde gebruikers.")
    }

    static func optionalChoice(_ choices: [Choice]) -> [Choice] { [Choice(value: "", label: "—")] + choices }
}

enum MilestoneForm: RecordForm {
    static let segment = "milestones"
    static let label = "mijlpaal"

    static func fields(_ choices: FormChoices, isNew: Bool) -> [FieldSpec] {
        [FieldSpec(name: "dossierID", label: "Dossier", input: .select(choices.dossiers), required: true),
         FieldSpec(name: "title", label: "Titel", input: .text, required: true),
         FieldSpec(name: "due", label: "Termijn", input: .text, required: true, hint: "Zoals het document het zegt: “eind 2026”, “voorjaar 2027”, of een datum 2027-03-01."),
         FieldSpec(name: "ownerID", label: "Trekker", input: .select(optionalChoice(choices.organisations))),
         FieldSpec(name: "status", label: "Status", input: .select(enumChoices(MilestoneStatus.self, Labels.milestoneStatus)), required: true),
         FieldSpec(name: "achievedOn", label: "Bereikt op", input: .date, hint: "Verplicht bij status “bereikt”."),
         FieldSpec(name: "note", label: "Toelichting", input: .textarea, hint: "Bijvoorbeeld waarom de termijn verschuift."),
         visibilityField]
    }

    static func values(of m: Milestone) -> [String: String] {
        ["dossierID": m.dossierID, "title": m.title, "due": m.due.wording, "ownerID": m.ownerID ?? "", "status": m.status.rawValue,
         "achievedOn": m.achievedOn?.iso ?? "", "note": m.note ?? "", "visibility": m.visibility.rawValue]
    }

    static func build(_ r: inout FieldReader, id: String, existing: Milestone?, choices: FormChoices) -> Milestone? {
        let dossierID = r.reference("dossierID", among: choices.ids(choices.dossiers), required: true)
        let title = r.required("title", "Titel", limit: 300)
        let due = r.period("due", "Termijn", required: true, referenceYear: existing?.due.earliest.year)
        let owner = r.reference("ownerID", among: choices.ids(choices.organisations))
        let status = r.choice("status", MilestoneStatus.self)
        let achieved = r.date("achievedOn", "Bereikt op", required: status == .achieved)
        let note = r.optional("note", limit: 4_000)
        let visibility = r.choice("visibility", Visibility.self, default: .public)
        if achieved != nil, status != .achieved { r.fail("achievedOn", "Alleen een bereikte mijlpaal heeft een datum van bereiken.") }
        guard r.errors.isEmpty, let dossierID, let due, let status, let visibility else { return nil }
        return Milestone(id: id, dossierID: dossierID, title: title, due: due, ownerID: owner, status: status, achievedOn: achieved,
                         source: existing?.source, note: note, visibility: visibility)
    }

    static func page(of m: Milestone) -> String { "/dossiers/\(m.dossierID)#\(m.id)" }
}

enum DossierForm: RecordForm {
    static let segment = "dossiers"
    static let label = "dossier"

    static func fields(_ choices: FormChoices, isNew: Bool) -> [FieldSpec] {
        [FieldSpec(name: "title", label: "Titel", input: .text, required: true),
         FieldSpec(name: "summary", label: "Samenvatting", input: .textarea, required: true),
         FieldSpec(name: "themes", label: "Thema’s", input: .text, hint: "Komma-gescheiden: passenger, freight, ertms, …"),
         FieldSpec(name: "bodyID", label: "Gedragen door", input: .select(optionalChoice(choices.bodies))),
         FieldSpec(name: "leadIDs", label: "Trekkers", input: .text, hint: "Komma-gescheiden ids van organisaties."),
         FieldSpec(name: "railLinks", label: "Spoorverbindingen", input: .text, hint: "Komma-gescheiden, bijvoorbeeld Hasselt–Maastricht."),
         visibilityField]
    }

    static func values(of d: Dossier) -> [String: String] {
        ["title": d.title, "summary": d.summary, "themes": d.themes.joined(separator: ", "), "bodyID": d.bodyID ?? "",
         "leadIDs": d.leadIDs.joined(separator: ", "), "railLinks": d.railLinks.joined(separator: ", "), "visibility": d.visibility.rawValue]
    }

    static func build(_ r: inout FieldReader, id: String, existing: Dossier?, choices: FormChoices) -> Dossier? {
        let title = r.required("title", "Titel", limit: 300)
        let summary = r.required("summary", "Samenvatting", limit: 8_000)
        let body = r.reference("bodyID", among: choices.ids(choices.bodies))
        let leads = r.references("leadIDs", among: choices.ids(choices.organisations))
        let visibility = r.choice("visibility", Visibility.self, default: .public)
        guard r.errors.isEmpty, let visibility else { return nil }
        return Dossier(id: id, title: title, summary: summary, themes: r.list("themes"), bodyID: body, leadIDs: leads,
                       railLinks: r.list("railLinks"), mandate: existing?.mandate, visibility: visibility)
    }

    static func page(of d: Dossier) -> String { "/dossiers/\(d.id)" }
}

enum MeetingForm: RecordForm {
    static let segment = "meetings"
    static let label = "vergadering"

    static func fields(_ choices: FormChoices, isNew: Bool) -> [FieldSpec] {
        [FieldSpec(name: "bodyID", label: "Overleg", input: .select(choices.bodies), required: true),
         FieldSpec(name: "title", label: "Titel", input: .text, required: true),
         FieldSpec(name: "when", label: "Wanneer", input: .text, required: true, hint: "Een datum (2026-12-10) of een periode (“zomer 2026”) zolang de dag niet vastligt."),
         FieldSpec(name: "time", label: "Tijd", input: .text, hint: "Bijvoorbeeld 10:00–12:30; alleen als de dag vastligt."),
         FieldSpec(name: "timeZone", label: "Tijdzone", input: .select(MeetingTime.zones.map { Choice(value: $0, label: $0) })),
         FieldSpec(name: "place", label: "Plaats", input: .text),
         FieldSpec(name: "online", label: "Online", input: .select([Choice(value: "no", label: "nee"), Choice(value: "yes", label: "ja")])),
         FieldSpec(name: "status", label: "Status", input: .select(enumChoices(MeetingStatus.self, Labels.meetingStatus)), required: true),
         visibilityField]
    }

    static func values(of m: Meeting) -> [String: String] {
        ["bodyID": m.bodyID, "title": m.title, "when": m.when.wording, "time": m.time?.wording ?? "",
         "timeZone": m.time?.timeZone ?? "Europe/Brussels", "place": m.place ?? "", "online": m.online ? "yes" : "no",
         "status": m.status.rawValue, "visibility": m.visibility.rawValue]
    }

    static func build(_ r: inout FieldReader, id: String, existing: Meeting?, choices: FormChoices) -> Meeting? {
        let body = r.reference("bodyID", among: choices.ids(choices.bodies), required: true)
        let title = r.required("title", "Titel", limit: 300)
        let when = r.period("when", "Wanneer", required: true, referenceYear: existing?.when.earliest.year)
        let place = r.optional("place", limit: 300)
        let zone = r.text("timeZone") ?? "Europe/Brussels"
        if !MeetingTime.zones.contains(zone) { r.fail("timeZone", "Kies Europe/Brussels of Europe/Amsterdam.") }
        var time: MeetingTime?
        if let text = r.text("time") {
            time = MeetingTime.parse(text, timeZone: zone)
            if time == nil { r.fail("time", "“\(text)” is geen tijd zoals 10:00 of 10:00–12:30 (het einde na het begin).") }
            if let when, when.earliest != when.latest { r.fail("time", "Een tijd hoort bij een vaste dag; vul bij Wanneer eerst een datum in.") }
        }
        let status = r.choice("status", MeetingStatus.self)
        let visibility = r.choice("visibility", Visibility.self, default: .public)
        guard r.errors.isEmpty, let body, let when, let status, let visibility else { return nil }
        return Meeting(id: id, bodyID: body, title: title, when: when, place: place, status: status, source: existing?.source,
                       visibility: visibility, time: time, online: r.text("online") == "yes", invitees: existing?.invitees ?? [])
    }

    static func page(of m: Meeting) -> String { "/meetings/\(m.id)" }
}

enum OrganisationForm: RecordForm {
    static let segment = "organisations"
    static let label = "organisatie"

    static func fields(_ choices: FormChoices, isNew: Bool) -> [FieldSpec] {
        [FieldSpec(name: "name", label: "Naam", input: .text, required: true),
         FieldSpec(name: "shortName", label: "Korte naam", input: .text),
         FieldSpec(name: "country", label: "Land", input: .select(enumChoices(Country.self, Labels.country)), required: true),
         FieldSpec(name: "level", label: "Niveau", input: .select(enumChoices(OrganisationLevel.self, Labels.level)), required: true),
         FieldSpec(name: "parentID", label: "Onderdeel van", input: .select(optionalChoice(choices.organisations))),
         FieldSpec(name: "website", label: "Website", input: .text, hint: "https://…"),
         visibilityField]
    }

    static func values(of o: Organisation) -> [String: String] {
        ["name": o.name, "shortName": o.shortName ?? "", "country": o.country.rawValue, "level": o.level.rawValue,
         "parentID": o.parentID ?? "", "website": o.website ?? "", "visibility": o.visibility.rawValue]
    }

    static func build(_ r: inout FieldReader, id: String, existing: Organisation?, choices: FormChoices) -> Organisation? {
        let name = r.required("name", "Naam", limit: 300)
        let short = r.optional("shortName", limit: 40)
        let country = r.choice("country", Country.self)
        let level = r.choice("level", OrganisationLevel.self)
        let parent = r.reference("parentID", among: choices.ids(choices.organisations))
        if parent == id { r.fail("parentID", "Een organisatie kan geen onderdeel van zichzelf zijn.") }
        let website = r.optional("website", limit: 300)
        if let website, !(website.hasPrefix("https://") || website.hasPrefix("http://")) { r.fail("website", "Een webadres begint met https://.") }
        let visibility = r.choice("visibility", Visibility.self, default: .public)
        guard r.errors.isEmpty, let country, let level, let visibility else { return nil }
        return Organisation(id: id, name: name, shortName: short, country: country, level: level, parentID: parent, website: website, visibility: visibility)
    }

    static func page(of o: Organisation) -> String { "/organisations#\(o.id)" }
}

enum InvestmentForm: RecordForm {
    static let segment = "investments"
    static let label = "investering"

    static func fields(_ choices: FormChoices, isNew: Bool) -> [FieldSpec] {
        [FieldSpec(name: "title", label: "Titel", input: .text, required: true),
         FieldSpec(name: "amountKind", label: "Soort bedrag", input: .select(enumChoices(AmountKind.self, Labels.amountKind)), required: true),
         FieldSpec(name: "minimumEuros", label: "Bedrag (of minimum) in euro", input: .text),
         FieldSpec(name: "maximumEuros", label: "Maximum in euro", input: .text, hint: "Alleen bij een bandbreedte of een bovengrens."),
         FieldSpec(name: "wording", label: "Zoals het document het zegt", input: .text, required: true),
         FieldSpec(name: "organisationID", label: "Financier", input: .select(choices.organisations), required: true),
         FieldSpec(name: "country", label: "Land", input: .select(enumChoices(Country.self, Labels.country)), required: true),
         FieldSpec(name: "fundingSource", label: "Bron", input: .text),
         FieldSpec(name: "firstYear", label: "Eerste jaar", input: .number),
         FieldSpec(name: "lastYear", label: "Laatste jaar", input: .number),
         FieldSpec(name: "dossierID", label: "Dossier", input: .select(optionalChoice(choices.dossiers))),
         FieldSpec(name: "partOfID", label: "Deel van", input: .select(optionalChoice(choices.investments))),
         visibilityField]
    }

    static func values(of i: Investment) -> [String: String] {
        let single = i.amount.kind == .exact || i.amount.kind == .approximate
        return ["title": i.title, "amountKind": i.amount.kind.rawValue,
                "minimumEuros": i.amount.kind == .upToAtMost ? "" : i.amount.minimumCents.eurosForForm,
                "maximumEuros": single ? "" : i.amount.maximumCents.eurosForForm, "wording": i.wording,
                "organisationID": i.organisationID, "country": i.country.rawValue, "fundingSource": i.fundingSource ?? "",
                "firstYear": i.firstYear.map(String.init) ?? "", "lastYear": i.lastYear.map(String.init) ?? "",
                "dossierID": i.dossierID ?? "", "partOfID": i.partOfID ?? "", "visibility": i.visibility.rawValue]
    }

    static func build(_ r: inout FieldReader, id: String, existing: Investment?, choices: FormChoices) -> Investment? {
        let title = r.required("title", "Titel", limit: 300)
        let kind = r.choice("amountKind", AmountKind.self)
        let minimum = r.euros("minimumEuros"), maximum = r.euros("maximumEuros")
        let wording = r.required("wording", "De formulering", limit: 300)
        let organisation = r.reference("organisationID", among: choices.ids(choices.organisations), required: true)
        let country = r.choice("country", Country.self)
        let source = r.optional("fundingSource", limit: 300)
        let first = r.integer("firstYear", in: 1990...2100), last = r.integer("lastYear", in: 1990...2100)
        if let first, let last, last < first { r.fail("lastYear", "Het laatste jaar ligt voor het eerste.") }
        let dossier = r.reference("dossierID", among: choices.ids(choices.dossiers))
        let partOf = r.reference("partOfID", among: choices.ids(choices.investments))
        if partOf == id { r.fail("partOfID", "Een investering kan geen deel van zichzelf zijn.") }
        let visibility = r.choice("visibility", Visibility.self, default: .public)
        var amount: Amount?
        if let kind, r.errors["minimumEuros"] == nil, r.errors["maximumEuros"] == nil {
            amount = Amount(kind: kind, minimumCents: minimum, maximumCents: maximum)
            if amount == nil {
                r.fail(kind == .upToAtMost || kind == .range ? "maximumEuros" : "minimumEuros",
                       kind == .range ? "Een bandbreedte heeft een minimum en een maximum dat niet lager is." : "Vul het bedrag in.")
            }
        }
        guard r.errors.isEmpty, let amount, let organisation, let country, let visibility else { return nil }
        return Investment(id: id, title: title, amount: amount, wording: wording, organisationID: organisation, country: country,
                          fundingSource: source, firstYear: first, lastYear: last, dossierID: dossier, partOfID: partOf,
                          source: existing?.source, visibility: visibility)
    }

    static func page(of i: Investment) -> String { i.dossierID.map { "/dossiers/\($0)" } ?? "/investments" }
}
