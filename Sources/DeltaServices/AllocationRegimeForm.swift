import DeltaDomain
import DeltaReports
import DeltaStore

/// The editor of an allocation regime: its country, the funding sources it governs, the
/// explanation and, optionally, the passage that supports it.
package enum AllocationRegimeForm: RecordForm {
    package static let segment = "allocation-regimes"
    /// The longest explanation: a short text beside the figures, not a report.
    package static let explanationLimit = 4_000

    package static func fields(_ choices: FormChoices, isNew: Bool, labels l: Labels) -> [FieldSpec] {
        let codes = FundingSource.allCases.map { "\($0.rawValue) (\(l.fundingSource($0)))" }.joined(separator: ", ")
        return [
            FieldSpec(name: "title", label: l.text("form.regimes.title"), input: .text, required: true),
            FieldSpec(name: "country", label: l.text("form.regimes.country"), input: .select(enumChoices(Country.self, l.country)), required: true),
            FieldSpec(name: "fundingSources", label: l.text("form.regimes.fundingSources"), input: .text,
                      hint: l.text("form.regimes.fundingSourcesHint", ["codes": codes])),
            FieldSpec(name: "explanation", label: l.text("form.regimes.explanation"), input: .textarea,
                      hint: l.text("form.regimes.explanationHint", ["limit": l.numbers.integer(explanationLimit)])),
            FieldSpec(name: "documentID", label: l.text("form.regimes.documentID"), input: .select(optionalChoice(choices.documents))),
            FieldSpec(name: "quote", label: l.text("form.regimes.quote"), input: .textarea, hint: l.text("form.regimes.quoteHint")),
            visibilityField(l),
        ]
    }

    package static func values(of r: AllocationRegime) -> [String: String] {
        ["title": r.title, "country": r.country.rawValue, "fundingSources": r.fundingSources.map(\.rawValue).joined(separator: ", "),
         "explanation": r.explanation ?? "", "documentID": r.source?.documentID ?? "", "quote": r.source?.quote ?? "",
         "visibility": r.visibility.rawValue]
    }

    package static func build(_ r: inout FieldReader, id: String, existing: AllocationRegime?, choices: FormChoices) -> AllocationRegime? {
        let title = r.required("title", r.labels.text("form.regimes.title"), limit: 300)
        let country = r.choice("country", Country.self)
        if (r.values["fundingSources"]?.count ?? 0) > 1_000 {
            r.fail("fundingSources", r.labels.text("form.error.tooLong", ["limit": r.labels.numbers.integer(1_000)]))
        }
        var sources: [FundingSource] = []
        for code in r.list("fundingSources") {
            guard let source = FundingSource(rawValue: code) else {
                r.fail("fundingSources", r.labels.text("form.regimes.fundingSourceError", ["value": code]))
                continue
            }
            if !sources.contains(source) { sources.append(source) }
        }
        let explanation = r.optional("explanation", limit: explanationLimit)
        let source = r.passage(document: "documentID", quote: "quote", among: choices.ids(choices.documents), paragraphs: choices.paragraphs)
        let visibility = r.choice("visibility", Visibility.self, default: .public)
        guard r.errors.isEmpty, let country, let visibility else { return nil }
        return AllocationRegime(id: id, country: country, fundingSources: sources, title: title, explanation: explanation,
                                source: source, visibility: visibility)
    }

    package static func page(of r: AllocationRegime) -> String { "/investments#regime-\(r.id)" }
}
