import DeltaDomain
import DeltaReports
import DeltaStore

package enum DossierForm: RecordForm {
    package static let segment = "dossiers"

    package static func fields(_ choices: FormChoices, isNew: Bool, labels l: Labels) -> [FieldSpec] {
        [FieldSpec(name: "title", label: l.text("form.dossiers.title"), input: .text, required: true),
         FieldSpec(name: "summary", label: l.text("form.dossiers.summary"), input: .textarea, required: true),
         FieldSpec(name: "themes", label: l.text("form.dossiers.themes"), input: .text, hint: l.text("form.dossiers.summaryHint")),
         FieldSpec(name: "bodyID", label: l.text("form.dossiers.bodyID"), input: .select(optionalChoice(choices.bodies))),
         FieldSpec(name: "leadIDs", label: l.text("form.dossiers.leadIDs"), input: .text, hint: l.text("form.dossiers.bodyIDHint")),
         FieldSpec(name: "railLinkIDs", label: l.text("form.dossiers.railLinks"), input: .text,
                   hint: l.text("form.dossiers.railLinksHint", ["links": choices.railLinks.prefix(40).map(\.id).joined(separator: ", ")])),
         visibilityField(l)]
    }

    package static func values(of d: Dossier) -> [String: String] {
        ["title": d.title, "summary": d.summary, "themes": d.themes.joined(separator: ", "), "bodyID": d.bodyID ?? "",
         "leadIDs": d.leadIDs.joined(separator: ", "), "railLinkIDs": d.railLinkIDs.joined(separator: ", "), "visibility": d.visibility.rawValue]
    }

    package static func build(_ r: inout FieldReader, id: String, existing: Dossier?, choices: FormChoices) -> Dossier? {
        let title = r.required("title", r.labels.text("form.dossiers.title"), limit: 300)
        let summary = r.required("summary", r.labels.text("form.dossiers.summary"), limit: 8_000)
        let body = r.reference("bodyID", among: choices.ids(choices.bodies))
        let leads = r.references("leadIDs", among: choices.ids(choices.organisations))
        // A link by id, name or alias, as data files name them (one rule: RailLinkNames).
        var links: [String] = []
        var unknown: [String] = []
        for name in r.list("railLinkIDs") {
            let found = RailLinkNames.resolve(name, among: choices.railLinks)
            if found.isEmpty { unknown.append(name) }
            links += found.filter { !links.contains($0) }
        }
        if !unknown.isEmpty { r.fail("railLinkIDs", r.labels.text("form.error.unknownReferences", ["ids": unknown.joined(separator: ", ")])) }
        let visibility = r.choice("visibility", Visibility.self, default: .public)
        guard r.errors.isEmpty, let visibility else { return nil }
        return Dossier(id: id, title: title, summary: summary, themes: r.list("themes"), bodyID: body, leadIDs: leads,
                       railLinkIDs: links, mandate: existing?.mandate, visibility: visibility)
    }

    package static func page(of d: Dossier) -> String { "/dossiers/\(d.id)" }
}
