import DeltaDomain
import DeltaReports
import DeltaStore

package enum AgreementForm: RecordForm {
    package static let segment = "agreements"

    package static func fields(_ choices: FormChoices, isNew: Bool, labels l: Labels) -> [FieldSpec] {
        [FieldSpec(name: "title", label: l.text("form.agreements.title"), input: .text, required: true),
         FieldSpec(name: "documentID", label: l.text("form.agreements.documentID"), input: .select(choices.documents), required: true),
         FieldSpec(name: "quote", label: l.text("form.agreements.quote"), input: .textarea, required: true,
                   hint: l.text("form.agreements.quoteHint")),
         FieldSpec(name: "dossierIDs", label: l.text("form.agreements.dossierIDs"), input: .text, hint: l.text("form.agreements.dossierIDsHint")),
         FieldSpec(name: "partyIDs", label: l.text("form.agreements.partyIDs"), input: .text, hint: l.text("form.agreements.dossierIDsHint")),
         FieldSpec(name: "bodyID", label: l.text("form.agreements.bodyID"), input: .select(optionalChoice(choices.bodies))),
         FieldSpec(name: "due", label: l.text("form.agreements.due"), input: .text),
         FieldSpec(name: "completion", label: l.text("form.agreements.completion"), input: .select(enumChoices(Completion.self, l.completion)), required: true,
                   hint: l.text("form.agreements.completionHint")),
         FieldSpec(name: "evidenceLinks", label: l.text("form.agreements.evidenceLinks"), input: .textarea,
                   hint: l.text("form.agreements.evidenceLinksHint")),
         visibilityField(l)]
    }

    package static func values(of a: Agreement) -> [String: String] {
        ["title": a.title, "documentID": a.source.documentID, "quote": a.source.quote, "dossierIDs": a.dossierIDs.joined(separator: ", "),
         "partyIDs": a.partyIDs.joined(separator: ", "), "bodyID": a.bodyID ?? "", "due": a.due?.wording ?? "",
         "completion": a.completion.rawValue,
         "evidenceLinks": a.evidence.compactMap { if case .link(let url, let title) = $0 { "\(url) \(title)" } else { nil } }.joined(separator: "\n"), "visibility": a.visibility.rawValue]
    }

    package static func build(_ r: inout FieldReader, id: String, existing: Agreement?, choices: FormChoices) -> Agreement? {
        let title = r.required("title", r.labels.text("form.agreements.title"), limit: 500)
        let document = r.reference("documentID", among: choices.ids(choices.documents), required: true)
        let quote = r.required("quote", r.labels.text("form.agreements.quote"), limit: 8_000)
        var located: (anchor: String, start: Int, length: Int)?
        if document != nil, r.errors["documentID"] == nil, !quote.isEmpty {
            located = TextLayout.locate(quote: quote, in: choices.paragraphs)
            if located == nil { r.fail("quote", r.labels.text("form.agreements.quoteError")) }
        }
        let dossiers = r.references("dossierIDs", among: choices.ids(choices.dossiers))
        let parties = r.references("partyIDs", among: choices.ids(choices.organisations))
        let body = r.reference("bodyID", among: choices.ids(choices.bodies))
        let due = r.period("due", r.labels.text("form.agreements.due"), required: false, referenceYear: nil)
        let completion = r.choice("completion", Completion.self)
        let visibility = r.choice("visibility", Visibility.self, default: .public)
        // Links typed here are evidence; passages and decisions already recorded are kept.
        let links = r.evidenceLinks("evidenceLinks")
        let evidence = (existing?.evidence ?? []).filter { if case .link = $0 { false } else { true } } + links
        if let completion, CompletionRules.problem(completion: completion, evidence: evidence) != nil {
            r.fail("completion", r.labels.text("form.agreements.completionError"))
        }
        guard r.errors.isEmpty, let document, let located, let completion, let visibility else { return nil }
        return Agreement(id: id, title: title,
                         source: PassageReference(documentID: document, anchor: located.anchor, start: located.start, length: located.length, quote: quote),
                         partyIDs: parties, dossierIDs: dossiers, bodyID: body, due: due, completion: completion,
                         evidence: evidence, visibility: visibility)
    }

    package static func page(of a: Agreement) -> String { "/documents/\(a.source.documentID)#\(a.source.anchor)" }
}
