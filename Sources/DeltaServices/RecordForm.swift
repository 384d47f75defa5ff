import DeltaDomain
import DeltaReports
import DeltaStore

/// How one kind of record is edited: its fields, its values as form text, and how submitted text
/// becomes a record again. The same description serves the HTML form and the JSON API.
package protocol RecordForm: Sendable {
    associatedtype Record: StoredRecord
    /// The path segment of the kind's routes ("milestones").
    static var segment: String { get }
    /// The form's fields for a new record or an existing one.
    static func fields(_ choices: FormChoices, isNew: Bool, labels: Labels) -> [FieldSpec]
    /// The record as form values.
    static func values(of record: Record) -> [String: String]
    /// A record from submitted values; `existing` keeps what the form does not edit.
    static func build(_ reader: inout FieldReader, id: String, existing: Record?, choices: FormChoices) -> Record?
    /// The page to show the record on after saving.
    static func page(of record: Record) -> String
}

extension RecordForm {
    /// Choices for an enum, labelled in the reader's language.
    package static func enumChoices<E: RawRepresentable & CaseIterable>(_ type: E.Type, _ label: (E) -> String) -> [Choice] where E.RawValue == String {
        E.allCases.map { Choice(value: $0.rawValue, label: label($0)) }
    }

    package static func visibilityField(_ l: Labels) -> FieldSpec {
        FieldSpec(name: "visibility", label: l.text("form.common.visibility"), input: .select(enumChoices(Visibility.self, l.visibility)), required: true,
                  hint: l.text("form.common.visibilityHint"))
    }

    package static func optionalChoice(_ choices: [Choice]) -> [Choice] { [Choice(value: "", label: "—")] + choices }
}

package enum MilestoneForm: RecordForm {
    package static let segment = "milestones"

    package static func fields(_ choices: FormChoices, isNew: Bool, labels l: Labels) -> [FieldSpec] {
        [FieldSpec(name: "dossierID", label: l.text("form.milestones.dossierID"), input: .select(choices.dossiers), required: true),
         FieldSpec(name: "title", label: l.text("form.milestones.title"), input: .text, required: true),
         FieldSpec(name: "due", label: l.text("form.milestones.due"), input: .text, required: true, hint: l.text("form.milestones.titleHint")),
         FieldSpec(name: "ownerID", label: l.text("form.milestones.ownerID"), input: .select(optionalChoice(choices.organisations))),
         FieldSpec(name: "status", label: l.text("form.milestones.status"), input: .select(enumChoices(MilestoneStatus.self, l.milestoneStatus)), required: true),
         FieldSpec(name: "achievedOn", label: l.text("form.milestones.achievedOn"), input: .date, hint: l.text("form.milestones.statusHint")),
         FieldSpec(name: "note", label: l.text("form.milestones.note"), input: .textarea, hint: l.text("form.milestones.noteHint")),
         visibilityField(l)]
    }

    package static func values(of m: Milestone) -> [String: String] {
        ["dossierID": m.dossierID, "title": m.title, "due": m.due.wording, "ownerID": m.ownerID ?? "", "status": m.status.rawValue,
         "achievedOn": m.achievedOn?.iso ?? "", "note": m.note ?? "", "visibility": m.visibility.rawValue]
    }

    package static func build(_ r: inout FieldReader, id: String, existing: Milestone?, choices: FormChoices) -> Milestone? {
        let dossierID = r.reference("dossierID", among: choices.ids(choices.dossiers), required: true)
        let title = r.required("title", r.labels.text("form.milestones.title"), limit: 300)
        let due = r.period("due", r.labels.text("form.milestones.due"), required: true, referenceYear: existing?.due.earliest.year)
        let owner = r.reference("ownerID", among: choices.ids(choices.organisations))
        let status = r.choice("status", MilestoneStatus.self)
        let achieved = r.date("achievedOn", r.labels.text("form.milestones.achievedOn"), required: status == .achieved)
        let note = r.optional("note", limit: 4_000)
        let visibility = r.choice("visibility", Visibility.self, default: .public)
        if achieved != nil, status != .achieved { r.fail("achievedOn", r.labels.text("form.milestones.achievedOnError")) }
        guard r.errors.isEmpty, let dossierID, let due, let status, let visibility else { return nil }
        return Milestone(id: id, dossierID: dossierID, title: title, due: due, ownerID: owner, status: status, achievedOn: achieved,
                         source: existing?.source, note: note, visibility: visibility)
    }

    package static func page(of m: Milestone) -> String { "/dossiers/\(m.dossierID)#\(m.id)" }
}

package enum DossierForm: RecordForm {
    package static let segment = "dossiers"

    package static func fields(_ choices: FormChoices, isNew: Bool, labels l: Labels) -> [FieldSpec] {
        [FieldSpec(name: "title", label: l.text("form.dossiers.title"), input: .text, required: true),
         FieldSpec(name: "summary", label: l.text("form.dossiers.summary"), input: .textarea, required: true),
         FieldSpec(name: "themes", label: l.text("form.dossiers.themes"), input: .text, hint: l.text("form.dossiers.summaryHint")),
         FieldSpec(name: "bodyID", label: l.text("form.dossiers.bodyID"), input: .select(optionalChoice(choices.bodies))),
         FieldSpec(name: "leadIDs", label: l.text("form.dossiers.leadIDs"), input: .text, hint: l.text("form.dossiers.bodyIDHint")),
         FieldSpec(name: "railLinks", label: l.text("form.dossiers.railLinks"), input: .text, hint: l.text("form.dossiers.railLinksHint")),
         visibilityField(l)]
    }

    package static func values(of d: Dossier) -> [String: String] {
        ["title": d.title, "summary": d.summary, "themes": d.themes.joined(separator: ", "), "bodyID": d.bodyID ?? "",
         "leadIDs": d.leadIDs.joined(separator: ", "), "railLinks": d.railLinks.joined(separator: ", "), "visibility": d.visibility.rawValue]
    }

    package static func build(_ r: inout FieldReader, id: String, existing: Dossier?, choices: FormChoices) -> Dossier? {
        let title = r.required("title", r.labels.text("form.dossiers.title"), limit: 300)
        let summary = r.required("summary", r.labels.text("form.dossiers.summary"), limit: 8_000)
        let body = r.reference("bodyID", among: choices.ids(choices.bodies))
        let leads = r.references("leadIDs", among: choices.ids(choices.organisations))
        let visibility = r.choice("visibility", Visibility.self, default: .public)
        guard r.errors.isEmpty, let visibility else { return nil }
        return Dossier(id: id, title: title, summary: summary, themes: r.list("themes"), bodyID: body, leadIDs: leads,
                       railLinks: r.list("railLinks"), mandate: existing?.mandate, visibility: visibility)
    }

    package static func page(of d: Dossier) -> String { "/dossiers/\(d.id)" }
}

package enum MeetingForm: RecordForm {
    package static let segment = "meetings"

    package static func fields(_ choices: FormChoices, isNew: Bool, labels l: Labels) -> [FieldSpec] {
        [FieldSpec(name: "bodyID", label: l.text("form.meetings.bodyID"), input: .select(choices.bodies), required: true),
         FieldSpec(name: "title", label: l.text("form.meetings.title"), input: .text, required: true),
         FieldSpec(name: "when", label: l.text("form.meetings.when"), input: .text, required: true, hint: l.text("form.meetings.titleHint")),
         FieldSpec(name: "time", label: l.text("form.meetings.time"), input: .text, hint: l.text("form.meetings.timeHint")),
         FieldSpec(name: "timeZone", label: l.text("form.meetings.timeZone"), input: .select(MeetingTime.zones.map { Choice(value: $0, label: $0) })),
         FieldSpec(name: "place", label: l.text("form.meetings.place"), input: .text),
         FieldSpec(name: "online", label: l.text("form.meetings.online"), input: .select([Choice(value: "no", label: l.text("form.common.no")), Choice(value: "yes", label: l.text("form.common.yes"))])),
         FieldSpec(name: "status", label: l.text("form.meetings.status"), input: .select(enumChoices(MeetingStatus.self, l.meetingStatus)), required: true),
         visibilityField(l)]
    }

    package static func values(of m: Meeting) -> [String: String] {
        ["bodyID": m.bodyID, "title": m.title, "when": m.when.wording, "time": m.time?.wording ?? "",
         "timeZone": m.time?.timeZone ?? "Europe/Brussels", "place": m.place ?? "", "online": m.online ? "yes" : "no",
         "status": m.status.rawValue, "visibility": m.visibility.rawValue]
    }

    package static func build(_ r: inout FieldReader, id: String, existing: Meeting?, choices: FormChoices) -> Meeting? {
        let body = r.reference("bodyID", among: choices.ids(choices.bodies), required: true)
        let title = r.required("title", r.labels.text("form.meetings.title"), limit: 300)
        let when = r.period("when", r.labels.text("form.meetings.when"), required: true, referenceYear: existing?.when.earliest.year)
        let place = r.optional("place", limit: 300)
        let zone = r.text("timeZone") ?? "Europe/Brussels"
        if !MeetingTime.zones.contains(zone) { r.fail("timeZone", r.labels.text("form.meetings.timeZoneError")) }
        var time: MeetingTime?
        if let text = r.text("time") {
            time = MeetingTime.parse(text, timeZone: zone)
            if time == nil { r.fail("time", r.labels.text("form.meetings.timeError", ["text": text])) }
            if let when, when.earliest != when.latest { r.fail("time", r.labels.text("form.meetings.timeError2")) }
        }
        let status = r.choice("status", MeetingStatus.self)
        let visibility = r.choice("visibility", Visibility.self, default: .public)
        guard r.errors.isEmpty, let body, let when, let status, let visibility else { return nil }
        return Meeting(id: id, bodyID: body, title: title, when: when, place: place, status: status, source: existing?.source,
                       visibility: visibility, time: time, online: r.text("online") == "yes", invitees: existing?.invitees ?? [])
    }

    package static func page(of m: Meeting) -> String { "/meetings/\(m.id)" }
}

package enum OrganisationForm: RecordForm {
    package static let segment = "organisations"

    package static func fields(_ choices: FormChoices, isNew: Bool, labels l: Labels) -> [FieldSpec] {
        [FieldSpec(name: "name", label: l.text("form.organisations.name"), input: .text, required: true),
         FieldSpec(name: "shortName", label: l.text("form.organisations.shortName"), input: .text),
         FieldSpec(name: "country", label: l.text("form.organisations.country"), input: .select(enumChoices(Country.self, l.country)), required: true),
         FieldSpec(name: "level", label: l.text("form.organisations.level"), input: .select(enumChoices(OrganisationLevel.self, l.level)), required: true),
         FieldSpec(name: "parentID", label: l.text("form.organisations.parentID"), input: .select(optionalChoice(choices.organisations))),
         FieldSpec(name: "website", label: l.text("form.organisations.website"), input: .text, hint: l.text("form.organisations.parentIDHint")),
         visibilityField(l)]
    }

    package static func values(of o: Organisation) -> [String: String] {
        ["name": o.name, "shortName": o.shortName ?? "", "country": o.country.rawValue, "level": o.level.rawValue,
         "parentID": o.parentID ?? "", "website": o.website ?? "", "visibility": o.visibility.rawValue]
    }

    package static func build(_ r: inout FieldReader, id: String, existing: Organisation?, choices: FormChoices) -> Organisation? {
        let name = r.required("name", r.labels.text("form.organisations.name"), limit: 300)
        let short = r.optional("shortName", limit: 40)
        let country = r.choice("country", Country.self)
        let level = r.choice("level", OrganisationLevel.self)
        let parent = r.reference("parentID", among: choices.ids(choices.organisations))
        if parent == id { r.fail("parentID", r.labels.text("form.organisations.parentIDError")) }
        let website = r.optional("website", limit: 300)
        if let website, !(website.hasPrefix("https://") || website.hasPrefix("http://")) { r.fail("website", r.labels.text("form.organisations.websiteError")) }
        let visibility = r.choice("visibility", Visibility.self, default: .public)
        guard r.errors.isEmpty, let country, let level, let visibility else { return nil }
        return Organisation(id: id, name: name, shortName: short, country: country, level: level, parentID: parent, website: website, visibility: visibility)
    }

    package static func page(of o: Organisation) -> String { "/organisations#\(o.id)" }
}

package enum InvestmentForm: RecordForm {
    package static let segment = "investments"

    package static func fields(_ choices: FormChoices, isNew: Bool, labels l: Labels) -> [FieldSpec] {
        [FieldSpec(name: "title", label: l.text("form.investments.title"), input: .text, required: true),
         FieldSpec(name: "amountKind", label: l.text("form.investments.amountKind"), input: .select(enumChoices(AmountKind.self, l.amountKind)), required: true),
         FieldSpec(name: "minimumEuros", label: l.text("form.investments.minimumEuros"), input: .text),
         FieldSpec(name: "maximumEuros", label: l.text("form.investments.maximumEuros"), input: .text, hint: l.text("form.investments.minimumEurosHint")),
         FieldSpec(name: "wording", label: l.text("form.investments.wording"), input: .text, required: true),
         FieldSpec(name: "organisationID", label: l.text("form.investments.organisationID"), input: .select(choices.organisations), required: true),
         FieldSpec(name: "country", label: l.text("form.investments.country"), input: .select(enumChoices(Country.self, l.country)), required: true),
         FieldSpec(name: "fundingSource", label: l.text("form.investments.fundingSource"), input: .text),
         FieldSpec(name: "firstYear", label: l.text("form.investments.firstYear"), input: .number),
         FieldSpec(name: "lastYear", label: l.text("form.investments.lastYear"), input: .number),
         FieldSpec(name: "dossierID", label: l.text("form.investments.dossierID"), input: .select(optionalChoice(choices.dossiers))),
         FieldSpec(name: "partOfID", label: l.text("form.investments.partOfID"), input: .select(optionalChoice(choices.investments))),
         visibilityField(l)]
    }

    package static func values(of i: Investment) -> [String: String] {
        let single = i.amount.kind == .exact || i.amount.kind == .approximate
        return ["title": i.title, "amountKind": i.amount.kind.rawValue,
                "minimumEuros": i.amount.kind == .upToAtMost ? "" : i.amount.minimumCents.eurosForForm,
                "maximumEuros": single ? "" : i.amount.maximumCents.eurosForForm, "wording": i.wording,
                "organisationID": i.organisationID, "country": i.country.rawValue, "fundingSource": i.fundingSource ?? "",
                "firstYear": i.firstYear.map(String.init) ?? "", "lastYear": i.lastYear.map(String.init) ?? "",
                "dossierID": i.dossierID ?? "", "partOfID": i.partOfID ?? "", "visibility": i.visibility.rawValue]
    }

    package static func build(_ r: inout FieldReader, id: String, existing: Investment?, choices: FormChoices) -> Investment? {
        let title = r.required("title", r.labels.text("form.investments.title"), limit: 300)
        let kind = r.choice("amountKind", AmountKind.self)
        let minimum = r.euros("minimumEuros"), maximum = r.euros("maximumEuros")
        let wording = r.required("wording", r.labels.text("form.investments.wordingName"), limit: 300)
        let organisation = r.reference("organisationID", among: choices.ids(choices.organisations), required: true)
        let country = r.choice("country", Country.self)
        let source = r.optional("fundingSource", limit: 300)
        let first = r.integer("firstYear", in: 1990...2100), last = r.integer("lastYear", in: 1990...2100)
        if let first, let last, last < first { r.fail("lastYear", r.labels.text("form.investments.lastYearError")) }
        let dossier = r.reference("dossierID", among: choices.ids(choices.dossiers))
        let partOf = r.reference("partOfID", among: choices.ids(choices.investments))
        if partOf == id { r.fail("partOfID", r.labels.text("form.investments.partOfIDError")) }
        let visibility = r.choice("visibility", Visibility.self, default: .public)
        var amount: Amount?
        if let kind, r.errors["minimumEuros"] == nil, r.errors["maximumEuros"] == nil {
            amount = Amount(kind: kind, minimumCents: minimum, maximumCents: maximum)
            if amount == nil {
                r.fail(kind == .upToAtMost || kind == .range ? "maximumEuros" : "minimumEuros",
                       r.labels.text(kind == .range ? "form.investments.rangeError" : "form.investments.amountError"))
            }
        }
        guard r.errors.isEmpty, let amount, let organisation, let country, let visibility else { return nil }
        return Investment(id: id, title: title, amount: amount, wording: wording, organisationID: organisation, country: country,
                          fundingSource: source, firstYear: first, lastYear: last, dossierID: dossier, partOfID: partOf,
                          source: existing?.source, visibility: visibility)
    }

    package static func page(of i: Investment) -> String { i.dossierID.map { "/dossiers/\($0)" } ?? "/investments" }
}
