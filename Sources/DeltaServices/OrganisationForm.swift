import DeltaDomain
import DeltaReports
import DeltaStore

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
