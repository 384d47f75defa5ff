import DeltaDomain
import DeltaReports
import DeltaStore

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
         FieldSpec(name: "fundingSource", label: l.text("form.investments.fundingSource"),
                   input: .select(optionalChoice(enumChoices(FundingSource.self, l.fundingSource)))),
         FieldSpec(name: "status", label: l.text("form.investments.status"),
                   input: .select(optionalChoice(enumChoices(InvestmentStatus.self, l.investmentStatus)))),
         FieldSpec(name: "firstYear", label: l.text("form.investments.firstYear"), input: .number),
         FieldSpec(name: "lastYear", label: l.text("form.investments.lastYear"), input: .number),
         FieldSpec(name: "recurring", label: l.text("form.investments.recurring"),
                   input: .select([Choice(value: "no", label: l.text("form.common.no")), Choice(value: "yes", label: l.text("form.common.yes"))]),
                   hint: l.text("form.investments.recurringHint")),
         FieldSpec(name: "dossierID", label: l.text("form.investments.dossierID"), input: .select(optionalChoice(choices.dossiers))),
         FieldSpec(name: "partOfID", label: l.text("form.investments.partOfID"), input: .select(optionalChoice(choices.investments))),
         FieldSpec(name: "agreementID", label: l.text("form.investments.agreementID"), input: .select(optionalChoice(choices.agreements))),
         FieldSpec(name: "measureID", label: l.text("form.investments.measureID"), input: .select(optionalChoice(choices.measures))),
         FieldSpec(name: "coFinancing", label: l.text("form.investments.coFinancing"), input: .textarea, hint: l.text("form.investments.coFinancingHint")),
         FieldSpec(name: "documentID", label: l.text("form.passage.documentID"), input: .select(optionalChoice(choices.documents))),
         FieldSpec(name: "quote", label: l.text("form.passage.quote"), input: .textarea, hint: l.text("form.passage.quoteHint")),
         visibilityField(l)]
    }

    package static func values(of i: Investment) -> [String: String] {
        let single = i.amount.kind == .exact || i.amount.kind == .approximate
        return ["title": i.title, "amountKind": i.amount.kind.rawValue,
                "minimumEuros": i.amount.kind == .upToAtMost ? "" : i.amount.minimumCents.eurosForForm,
                "maximumEuros": single ? "" : i.amount.maximumCents.eurosForForm, "wording": i.wording,
                "organisationID": i.organisationID, "country": i.country.rawValue, "fundingSource": i.fundingSource?.rawValue ?? "", "status": i.status?.rawValue ?? "",
                "recurring": i.recurring ? "yes" : "no",
                "firstYear": i.firstYear.map(String.init) ?? "", "lastYear": i.lastYear.map(String.init) ?? "",
                "dossierID": i.dossierID ?? "", "partOfID": i.partOfID ?? "", "agreementID": i.agreementID ?? "", "measureID": i.measureID ?? "",
                "documentID": i.source?.documentID ?? "", "quote": i.source?.quote ?? "",
                "coFinancing": i.coFinancing.map { "\($0.organisationID) \(percentText($0.percent))" }.joined(separator: "\n"),
                "visibility": i.visibility.rawValue]
    }

    package static func build(_ r: inout FieldReader, id: String, existing: Investment?, choices: FormChoices) -> Investment? {
        let title = r.required("title", r.labels.text("form.investments.title"), limit: 300)
        let kind = r.choice("amountKind", AmountKind.self)
        let minimum = r.euros("minimumEuros"), maximum = r.euros("maximumEuros")
        let wording = r.required("wording", r.labels.text("form.investments.wordingName"), limit: 300)
        let organisation = r.reference("organisationID", among: choices.ids(choices.organisations), required: true)
        let country = r.choice("country", Country.self)
        let source = r.optionalChoice("fundingSource", FundingSource.self)
        let status = r.optionalChoice("status", InvestmentStatus.self)
        let recurring = r.optional("recurring", limit: 3) == "yes"
        let first = r.integer("firstYear", in: 1990...2100), last = r.integer("lastYear", in: 1990...2100)
        if let first, let last, last < first { r.fail("lastYear", r.labels.text("form.investments.lastYearError")) }
        if recurring, first == nil || last == nil { r.fail("recurring", r.labels.text("form.investments.recurringError")) }
        let dossier = r.reference("dossierID", among: choices.ids(choices.dossiers))
        let partOf = r.reference("partOfID", among: choices.ids(choices.investments))
        if partOf == id { r.fail("partOfID", r.labels.text("form.investments.partOfIDError")) }
        let agreement = r.reference("agreementID", among: choices.ids(choices.agreements))
        let measure = r.reference("measureID", among: choices.ids(choices.measures))
        let coFinancing = r.coFinancing("coFinancing", among: choices.ids(choices.organisations))
        let passage = r.passage(document: "documentID", quote: "quote", among: choices.ids(choices.documents), paragraphs: choices.paragraphs)
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
                          fundingSource: source, firstYear: first, lastYear: last, recurring: recurring, status: status,
                          coFinancing: coFinancing, agreementID: agreement,
                          measureID: measure, dossierID: dossier, partOfID: partOf,
                          source: passage, visibility: visibility)
    }

    /// A percentage as the form shows it: "25" or "12.5".
    static func percentText(_ percent: Double) -> String {
        percent == percent.rounded() ? String(Int(percent)) : String(percent)
    }

    package static func page(of i: Investment) -> String { i.dossierID.map { "/dossiers/\($0)" } ?? "/investments" }
}
