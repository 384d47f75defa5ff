import DeltaDomain
import DeltaReports
import DeltaStore
import Foundation

package enum DocumentForm: RecordForm {
    package static let segment = "documents"

    package static func fields(_ choices: FormChoices, isNew: Bool, labels l: Labels) -> [FieldSpec] {
        [FieldSpec(name: "kind", label: l.text("form.documents.kind"), input: .select(enumChoices(DocumentKind.self, l.documentKind)), required: true),
         FieldSpec(name: "title", label: l.text("form.documents.title"), input: .text, required: true),
         FieldSpec(name: "date", label: l.text("form.documents.date"), input: .text, hint: l.text("form.documents.dateHint")),
         FieldSpec(name: "dateSource", label: l.text("form.documents.dateSource"), input: .text, hint: l.text("form.documents.dateSourceHint")),
         FieldSpec(name: "place", label: l.text("form.documents.place"), input: .text),
         FieldSpec(name: "reference", label: l.text("form.documents.reference"), input: .text),
         FieldSpec(name: "language", label: l.text("form.documents.language"), input: .text, required: true, hint: l.text("form.documents.referenceHint")),
         FieldSpec(name: "summary", label: l.text("form.documents.summary"), input: .textarea),
         FieldSpec(name: "text", label: l.text("form.documents.text"), input: .textarea, hint: l.text("form.documents.summaryHint")),
         FieldSpec(name: "textFile", label: l.text("form.documents.textFile"), input: .file, hint: l.text("form.documents.textFileHint")),
         FieldSpec(name: "relations", label: l.text("form.documents.relations"), input: .textarea,
                   hint: l.text("form.documents.relationsHint", ["kinds": DocumentRelation.Kind.allCases.map(\.rawValue).joined(separator: ", ")])),
         FieldSpec(name: "signatories", label: l.text("form.documents.signatories"), input: .textarea, hint: l.text("form.documents.signatoriesHint")),
         FieldSpec(name: "stub", label: l.text("form.documents.stub"),
                   input: .select([Choice(value: "no", label: l.text("form.documents.stubNo")), Choice(value: "yes", label: l.text("form.documents.stubYes"))]),
                   hint: l.text("form.documents.stubHint")),
         visibilityField(l)]
    }

    package static func values(of d: Document) -> [String: String] {
        ["kind": d.kind.rawValue, "title": d.title, "date": d.date?.wording ?? "", "dateSource": d.dateSource ?? "", "place": d.place ?? "", "reference": d.reference ?? "",
         "language": d.language, "summary": d.summary ?? "", "text": d.text, "relations": d.relations.map(relationLine).joined(separator: "\n"),
         "signatories": d.signatories.map(signatoryLine).joined(separator: "\n"), "stub": d.isStub ? "yes" : "no",
         "visibility": d.visibility.rawValue]
    }

    package static func build(_ r: inout FieldReader, id: String, existing: Document?, choices: FormChoices) -> Document? {
        let kind = r.choice("kind", DocumentKind.self)
        let title = r.required("title", r.labels.text("form.documents.title"), limit: 500)
        let date = r.period("date", r.labels.text("form.documents.date"), required: false, referenceYear: nil)
        let dateSource = r.optional("dateSource", limit: 500)
        let place = r.optional("place", limit: 200), reference = r.optional("reference", limit: 200)
        let language = r.required("language", r.labels.text("form.documents.language"), limit: 5)
        if !["nl", "fr", "en", "de"].contains(language), !language.isEmpty { r.fail("language", r.labels.text("form.documents.languageError")) }
        let summary = r.optional("summary", limit: 8_000)
        // A stub is a document known by its title only (referred to, not yet in the register): no text.
        let stubAnswer = r.values["stub"] ?? "no"
        if !["", "no", "yes"].contains(stubAnswer) { r.fail("stub", r.labels.text("form.error.choose")) }
        let isStub = stubAnswer == "yes"
        let text = isStub ? (r.optional("text", limit: 2_000_000) ?? "") : r.required("text", r.labels.text("form.documents.text"), limit: 2_000_000)
        if isStub, !text.isEmpty { r.fail("text", r.labels.text("form.documents.stubWithText")) }
        let visibility = r.choice("visibility", Visibility.self, default: .public)
        // Agreements quote this text: a new text must still contain every quoted passage.
        if !text.isEmpty {
            let paragraphs = TextLayout.paragraphs(from: text)
            let lost = choices.quotedPassages.filter { TextLayout.locate(quote: $0.value, in: paragraphs) == nil }.keys.sorted()
            if !lost.isEmpty {
                r.fail("text", r.labels.text("form.documents.textError", ["ids": lost.joined(separator: ", ")]))
            }
        }
        let relations = relations(&r, id: id, existing: existing?.relations ?? [], text: text, choices: choices)
        let signatories = signatories(&r, choices: choices)
        guard r.errors.isEmpty, let kind, let visibility else { return nil }
        return Document(id: id, kind: kind, title: title, date: date, dateSource: dateSource, isStub: isStub,
                        relations: relations, place: place, reference: reference, language: language,
                        signatories: signatories, issuerIDs: existing?.issuerIDs ?? [], deadline: existing?.deadline,
                        attachmentCount: existing?.attachmentCount, summary: summary, text: text, visibility: visibility)
    }

    package static func page(of d: Document) -> String { "/documents/\(d.id)" }

    /// The most relations one document lists.
    package static let relationLimit = 200

    /// The most signatories one document lists.
    package static let signatoryLimit = 100

    /// What separates name, role and organisation on a line of the signatories field: an em dash.
    /// One rule only, because names and roles hold hyphens ("Jean-Luc", "minister-president").
    package static let signatorySeparator: Character = "—"

    /// A signatory as a line of the signatories field: "Name — Role" or "Name — Role — organisation-id".
    package static func signatoryLine(_ signatory: Signatory) -> String {
        ([signatory.name, signatory.role] + (signatory.organisationID.map { [$0] } ?? [])).joined(separator: " \(signatorySeparator) ")
    }

    /// The signatories, one per line as "Name — Role", optionally "— organisation-id" of an
    /// organisation in the register; a line without a role is refused.
    private static func signatories(_ r: inout FieldReader, choices: FormChoices) -> [Signatory] {
        let lines = (r.optional("signatories", limit: 40_000) ?? "").split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if lines.count > signatoryLimit {
            r.fail("signatories", r.labels.text("form.documents.signatoriesTooMany", ["limit": r.labels.numbers.integer(signatoryLimit)]))
            return []
        }
        let organisations = choices.ids(choices.organisations)
        var result: [Signatory] = []
        for line in lines {
            let parts = line.split(separator: signatorySeparator, omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            let shown = String(line.prefix(80))
            guard (2...3).contains(parts.count), !parts[0].isEmpty, !parts[1].isEmpty, parts.allSatisfy({ $0.count <= 300 }) else {
                r.fail("signatories", r.labels.text("form.documents.signatoryLine", ["value": shown]))
                continue
            }
            var organisationID: String?
            if parts.count == 3, !parts[2].isEmpty {
                guard organisations.contains(parts[2]) else {
                    r.fail("signatories", r.labels.text("form.error.unknownReference", ["value": String(parts[2].prefix(80))]))
                    continue
                }
                organisationID = parts[2]
            }
            result.append(Signatory(name: parts[0], role: parts[1], organisationID: organisationID))
        }
        return result
    }

    /// A relation as a line of the relations field: "addendum-to other-document planned".
    static func relationLine(_ relation: DocumentRelation) -> String {
        "\(relation.kind.rawValue) \(relation.targetID)\(relation.planned ? " planned" : "")"
    }

    /// The relations, one per line as "kind target-document [planned]": a known kind, a known
    /// document other than this one, each pair once. A line that names the kind and target of a
    /// stored relation keeps that relation's passage (found again in the new text) and note.
    private static func relations(_ r: inout FieldReader, id: String, existing: [DocumentRelation], text: String,
                                  choices: FormChoices) -> [DocumentRelation] {
        let lines = (r.optional("relations", limit: 20_000) ?? "").split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if lines.count > relationLimit {
            r.fail("relations", r.labels.text("form.documents.relationsTooMany", ["limit": r.labels.numbers.integer(relationLimit)]))
            return []
        }
        let known = choices.ids(choices.documents)
        let paragraphs = TextLayout.paragraphs(from: text)
        var result: [DocumentRelation] = []
        for line in lines {
            let words = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            let shown = String(line.prefix(80))
            guard (2...3).contains(words.count), words.count == 2 || words[2] == "planned" else {
                r.fail("relations", r.labels.text("form.documents.relationLine", ["value": shown]))
                continue
            }
            guard let kind = DocumentRelation.Kind(rawValue: words[0]) else {
                r.fail("relations", r.labels.text("form.documents.relationKind", ["value": words[0]]))
                continue
            }
            let target = words[1]
            guard target != id else {
                r.fail("relations", r.labels.text("form.documents.relationSelf"))
                continue
            }
            guard known.contains(target) else {
                r.fail("relations", r.labels.text("form.error.unknownReference", ["value": target]))
                continue
            }
            guard !result.contains(where: { $0.kind == kind && $0.targetID == target }) else {
                r.fail("relations", r.labels.text("form.documents.relationRepeated", ["value": shown]))
                continue
            }
            var relation = DocumentRelation(kind: kind, targetID: target, planned: words.count == 3)
            if let stored = existing.first(where: { $0.kind == kind && $0.targetID == target }) {
                relation.note = stored.note
                if let passage = stored.passage, !text.isEmpty {
                    guard let found = TextLayout.locate(quote: passage.quote, in: paragraphs) else {
                        r.fail("relations", r.labels.text("form.documents.relationPassageLost", ["value": shown]))
                        continue
                    }
                    relation.passage = PassageReference(documentID: id, anchor: found.anchor, start: found.start, length: found.length,
                                                        quote: passage.quote)
                }
            }
            result.append(relation)
        }
        return result
    }
}
