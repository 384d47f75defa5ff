import DeltaDomain
import DeltaReports
import DeltaStore

package enum MilestoneForm: RecordForm {
    package static let segment = "milestones"

    package static func fields(_ choices: FormChoices, isNew: Bool, labels l: Labels) -> [FieldSpec] {
        [FieldSpec(name: "dossierIDs", label: l.text("form.milestones.dossierIDs"), input: .text, required: true,
                   hint: l.text("form.milestones.dossierIDsHint")),
         FieldSpec(name: "title", label: l.text("form.milestones.title"), input: .text, required: true),
         FieldSpec(name: "due", label: l.text("form.milestones.due"), input: .text, required: true, hint: l.text("form.milestones.titleHint")),
         FieldSpec(name: "ownerID", label: l.text("form.milestones.ownerID"), input: .select(optionalChoice(choices.organisations))),
         FieldSpec(name: "status", label: l.text("form.milestones.status"), input: .select(enumChoices(MilestoneStatus.self, l.milestoneStatus)), required: true),
         FieldSpec(name: "achievedOn", label: l.text("form.milestones.achievedOn"), input: .date, hint: l.text("form.milestones.statusHint")),
         FieldSpec(name: "note", label: l.text("form.milestones.note"), input: .textarea, hint: l.text("form.milestones.noteHint")),
         FieldSpec(name: "documentID", label: l.text("form.passage.documentID"), input: .select(optionalChoice(choices.documents))),
         FieldSpec(name: "quote", label: l.text("form.passage.quote"), input: .textarea, hint: l.text("form.passage.quoteHint")),
         visibilityField(l)]
    }

    package static func values(of m: Milestone) -> [String: String] {
        ["dossierIDs": m.dossierIDs.joined(separator: ", "), "title": m.title, "due": m.due.wording, "ownerID": m.ownerID ?? "", "status": m.status.rawValue,
         "achievedOn": m.achievedOn?.iso ?? "", "note": m.note ?? "", "documentID": m.source?.documentID ?? "", "quote": m.source?.quote ?? "",
         "visibility": m.visibility.rawValue]
    }

    package static func build(_ r: inout FieldReader, id: String, existing: Milestone?, choices: FormChoices) -> Milestone? {
        let dossierIDs = r.references("dossierIDs", among: choices.ids(choices.dossiers))
        if dossierIDs.isEmpty, r.errors["dossierIDs"] == nil { r.fail("dossierIDs", r.labels.text("form.milestones.dossierIDsError")) }
        let title = r.required("title", r.labels.text("form.milestones.title"), limit: 300)
        let due = r.period("due", r.labels.text("form.milestones.due"), required: true, referenceYear: existing?.due.earliest.year)
        let owner = r.reference("ownerID", among: choices.ids(choices.organisations))
        let status = r.choice("status", MilestoneStatus.self)
        let achieved = r.date("achievedOn", r.labels.text("form.milestones.achievedOn"), required: status == .achieved)
        let note = r.optional("note", limit: 4_000)
        let source = r.passage(document: "documentID", quote: "quote", among: choices.ids(choices.documents), paragraphs: choices.paragraphs)
        let visibility = r.choice("visibility", Visibility.self, default: .public)
        if achieved != nil, status != .achieved { r.fail("achievedOn", r.labels.text("form.milestones.achievedOnError")) }
        guard r.errors.isEmpty, let due, let status, let visibility else { return nil }
        return Milestone(id: id, dossierIDs: dossierIDs, title: title, due: due, ownerID: owner, status: status, achievedOn: achieved,
                         source: source, note: note, visibility: visibility)
    }

    package static func page(of m: Milestone) -> String { "/dossiers/\(m.homeDossierID ?? "")#\(m.id)" }

    /// A milestone shared by several dossiers returns to the dossier the form was opened from, when
    /// that is one of its dossiers; any other value (an unknown id, a path, an address) is ignored.
    package static func page(of m: Milestone, from dossierID: String?) -> String {
        guard let dossierID, m.dossierIDs.contains(dossierID) else { return page(of: m) }
        return "/dossiers/\(dossierID)#\(m.id)"
    }
}
