import DeltaDomain
import DeltaReports
import DeltaStore

enum DocumentForm: RecordForm {
    static let segment = "documents"
    static let label = "document"

    static func fields(_ choices: FormChoices, isNew: Bool) -> [FieldSpec] {
        [FieldSpec(name: "kind", label: "Soort", input: .select(enumChoices(DocumentKind.self, Labels.documentKind)), required: true),
         FieldSpec(name: "title", label: "Titel", input: .text, required: true),
         FieldSpec(name: "date", label: "Datum", input: .date, required: true),
         FieldSpec(name: "place", label: "Plaats", input: .text),
         FieldSpec(name: "reference", label: "Kenmerk", input: .text),
         FieldSpec(name: "language", label: "Taal", input: .text, required: true, hint: "nl, fr, en of de"),
         FieldSpec(name: "summary", label: "Samenvatting", input: .textarea),
         FieldSpec(name: "text", label: "Tekst", input: .textarea, required: true, hint: "Plak de volledige tekst, of kies hieronder een .txt- of .md-bestand."),
         FieldSpec(name: "textFile", label: "Tekst uit bestand", input: .file, hint: ".txt of .md, UTF-8; vervangt de geplakte tekst."),
         visibilityField]
    }

    static func values(of d: Document) -> [String: String] {
        ["kind": d.kind.rawValue, "title": d.title, "date": d.date.iso, "place": d.place ?? "", "reference": d.reference ?? "",
         "language": d.language, "summary": d.summary ?? "", "text": d.text, "visibility": d.visibility.rawValue]
    }

    static func build(_ r: inout FieldReader, id: String, existing: Document?, choices: FormChoices) -> Document? {
        let kind = r.choice("kind", DocumentKind.self)
        let title = r.required("title", "Titel", limit: 500)
        let date = r.date("date", "Datum", required: true)
        let place = r.optional("place", limit: 200), reference = r.optional("reference", limit: 200)
        let language = r.required("language", "Taal", limit: 5)
        if !["nl", "fr", "en", "de"].contains(language), !language.isEmpty { r.fail("language", "Kies nl, fr, en of de.") }
        let summary = r.optional("summary", limit: 8_000)
        let text = r.required("text", "Tekst", limit: 2_000_000)
        let visibility = r.choice("visibility", Visibility.self, default: .public)
        // Agreements quote this text: a new text must still contain every quoted passage.
        if !text.isEmpty {
            let paragraphs = TextLayout.paragraphs(from: text)
            let lost = choices.quotedPassages.filter { TextLayout.locate(quote: $0.value, in: paragraphs) == nil }.keys.sorted()
            if !lost.isEmpty {
                r.fail("text", "De nieuwe tekst bevat niet meer de passage die deze afspraken citeren: \(lost.joined(separator: ", ")). Pas eerst die afspraken aan.")
            }
        }
        guard r.errors.isEmpty, let kind, let date, let visibility else { return nil }
        return Document(id: id, kind: kind, title: title, date: date, place: place, reference: reference, language: language,
                        signatories: existing?.signatories ?? [], issuerIDs: existing?.issuerIDs ?? [], deadline: existing?.deadline,
                        attachmentCount: existing?.attachmentCount, summary: summary, text: text, visibility: visibility)
    }

    static func page(of d: Document) -> String { "/documents/\(d.id)" }
}

enum AgreementForm: RecordForm {
    static let segment = "agreements"
    static let label = "afspraak"

    static func fields(_ choices: FormChoices, isNew: Bool) -> [FieldSpec] {
        [FieldSpec(name: "title", label: "Wat is afgesproken", input: .text, required: true),
         FieldSpec(name: "documentID", label: "Document", input: .select(choices.documents), required: true),
         FieldSpec(name: "quote", label: "Passage", input: .textarea, required: true,
                   hint: "Kopieer de passage letterlijk uit het document (binnen één alinea); Deltaberaad zoekt haar op en linkt ernaar."),
         FieldSpec(name: "dossierIDs", label: "Dossiers", input: .text, hint: "Komma-gescheiden ids."),
         FieldSpec(name: "partyIDs", label: "Partijen", input: .text, hint: "Komma-gescheiden ids van organisaties."),
         FieldSpec(name: "bodyID", label: "Overleg", input: .select(optionalChoice(choices.bodies))),
         FieldSpec(name: "due", label: "Termijn", input: .text),
         FieldSpec(name: "completion", label: "Uitvoering", input: .select(enumChoices(Completion.self, Labels.completion)), required: true),
         visibilityField]
    }

    static func values(of a: Agreement) -> [String: String] {
        ["title": a.title, "documentID": a.source.documentID, "quote": a.source.quote, "dossierIDs": a.dossierIDs.joined(separator: ", "),
         "partyIDs": a.partyIDs.joined(separator: ", "), "bodyID": a.bodyID ?? "", "due": a.due?.wording ?? "",
         "completion": a.completion.rawValue, "visibility": a.visibility.rawValue]
    }

    static func build(_ r: inout FieldReader, id: String, existing: Agreement?, choices: FormChoices) -> Agreement? {
        let title = r.required("title", "Wat is afgesproken", limit: 500)
        let document = r.reference("documentID", among: choices.ids(choices.documents), required: true)
        let quote = r.required("quote", "Passage", limit: 8_000)
        var located: (anchor: String, start: Int, length: Int)?
        if document != nil, r.errors["documentID"] == nil, !quote.isEmpty {
            located = TextLayout.locate(quote: quote, in: choices.paragraphs)
            if located == nil { r.fail("quote", "Deze passage staat niet (letterlijk, binnen één alinea) in het gekozen document.") }
        }
        let dossiers = r.references("dossierIDs", among: choices.ids(choices.dossiers))
        let parties = r.references("partyIDs", among: choices.ids(choices.organisations))
        let body = r.reference("bodyID", among: choices.ids(choices.bodies))
        let due = r.period("due", "Termijn", required: false, referenceYear: nil)
        let completion = r.choice("completion", Completion.self)
        let visibility = r.choice("visibility", Visibility.self, default: .public)
        guard r.errors.isEmpty, let document, let located, let completion, let visibility else { return nil }
        return Agreement(id: id, title: title,
                         source: PassageReference(documentID: document, anchor: located.anchor, start: located.start, length: located.length, quote: quote),
                         partyIDs: parties, dossierIDs: dossiers, bodyID: body, due: due, completion: completion, visibility: visibility)
    }

    static func page(of a: Agreement) -> String { "/documents/\(a.source.documentID)#\(a.source.anchor)" }
}
