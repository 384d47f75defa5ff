import DeltaDomain
import DeltaReports
import DeltaStore

package enum DocumentForm: RecordForm {
    package static let segment = "documents"

    package static func fields(_ choices: FormChoices, isNew: Bool, labels l: Labels) -> [FieldSpec] {
        [FieldSpec(name: "kind", label: l.text("form.documents.kind"), input: .select(enumChoices(DocumentKind.self, l.documentKind)), required: true),
         FieldSpec(name: "title", label: l.text("form.documents.title"), input: .text, required: true),
         FieldSpec(name: "date", label: l.text("form.documents.date"), input: .date, required: true),
         FieldSpec(name: "place", label: l.text("form.documents.place"), input: .text),
         FieldSpec(name: "reference", label: l.text("form.documents.reference"), input: .text),
         FieldSpec(name: "language", label: l.text("form.documents.language"), input: .text, required: true, hint: l.text("form.documents.referenceHint")),
         FieldSpec(name: "summary", label: l.text("form.documents.summary"), input: .textarea),
         FieldSpec(name: "text", label: l.text("form.documents.text"), input: .textarea, required: true, hint: l.text("form.documents.summaryHint")),
         FieldSpec(name: "textFile", label: l.text("form.documents.textFile"), input: .file, hint: l.text("form.documents.textFileHint")),
         visibilityField(l)]
    }

    package static func values(of d: Document) -> [String: String] {
        ["kind": d.kind.rawValue, "title": d.title, "date": d.date.iso, "place": d.place ?? "", "reference": d.reference ?? "",
         "language": d.language, "summary": d.summary ?? "", "text": d.text, "visibility": d.visibility.rawValue]
    }

    package static func build(_ r: inout FieldReader, id: String, existing: Document?, choices: FormChoices) -> Document? {
        let kind = r.choice("kind", DocumentKind.self)
        let title = r.required("title", r.labels.text("form.documents.title"), limit: 500)
        let date = r.date("date", r.labels.text("form.documents.date"), required: true)
        let place = r.optional("place", limit: 200), reference = r.optional("reference", limit: 200)
        let language = r.required("language", r.labels.text("form.documents.language"), limit: 5)
        if !["nl", "fr", "en", "de"].contains(language), !language.isEmpty { r.fail("language", r.labels.text("form.documents.languageError")) }
        let summary = r.optional("summary", limit: 8_000)
        let text = r.required("text", r.labels.text("form.documents.text"), limit: 2_000_000)
        let visibility = r.choice("visibility", Visibility.self, default: .public)
        // Agreements quote this text: a new text must still contain every quoted passage.
        if !text.isEmpty {
            let paragraphs = TextLayout.paragraphs(from: text)
            let lost = choices.quotedPassages.filter { TextLayout.locate(quote: $0.value, in: paragraphs) == nil }.keys.sorted()
            if !lost.isEmpty {
                r.fail("text", r.labels.text("form.documents.textError", ["ids": lost.joined(separator: ", ")]))
            }
        }
        guard r.errors.isEmpty, let kind, let date, let visibility else { return nil }
        return Document(id: id, kind: kind, title: title, date: date, place: place, reference: reference, language: language,
                        signatories: existing?.signatories ?? [], issuerIDs: existing?.issuerIDs ?? [], deadline: existing?.deadline,
                        attachmentCount: existing?.attachmentCount, summary: summary, text: text, visibility: visibility)
    }

    package static func page(of d: Document) -> String { "/documents/\(d.id)" }
}

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
         FieldSpec(name: "completion", label: l.text("form.agreements.completion"), input: .select(enumChoices(Completion.self, l.completion)), required: true),
         visibilityField(l)]
    }

    package static func values(of a: Agreement) -> [String: String] {
        ["title": a.title, "documentID": a.source.documentID, "quote": a.source.quote, "dossierIDs": a.dossierIDs.joined(separator: ", "),
         "partyIDs": a.partyIDs.joined(separator: ", "), "bodyID": a.bodyID ?? "", "due": a.due?.wording ?? "",
         "completion": a.completion.rawValue, "visibility": a.visibility.rawValue]
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
        guard r.errors.isEmpty, let document, let located, let completion, let visibility else { return nil }
        return Agreement(id: id, title: title,
                         source: PassageReference(documentID: document, anchor: located.anchor, start: located.start, length: located.length, quote: quote),
                         partyIDs: parties, dossierIDs: dossiers, bodyID: body, due: due, completion: completion, visibility: visibility)
    }

    package static func page(of a: Agreement) -> String { "/documents/\(a.source.documentID)#\(a.source.anchor)" }
}
