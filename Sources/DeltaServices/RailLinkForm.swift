import DeltaDomain
import DeltaReports
import DeltaStore
import Foundation

/// The editor of a rail link: its names, stations, status and use, and per side (Belgium, the
/// Netherlands, Germany) the section and its equipment. An empty field means unknown.
package enum RailLinkForm: RecordForm {
    package static let segment = "rail-links"
    /// The countries the form has a side for: those of the cooperation's links.
    static let sideCountries: [Country] = [.BE, .NL, .DE]

    package static func fields(_ choices: FormChoices, isNew: Bool, labels l: Labels) -> [FieldSpec] {
        let uses = RailLinkUse.allCases.map { "\($0.rawValue) (\(l.railLinkUse($0)))" }.joined(separator: ", ")
        let unknown = [Choice(value: "", label: l.text("form.railLinks.unknown"))]
        var fields = [
            FieldSpec(name: "name", label: l.text("form.railLinks.name"), input: .text, required: true),
            FieldSpec(name: "aliases", label: l.text("form.railLinks.aliases"), input: .text, hint: l.text("form.railLinks.aliasesHint")),
            FieldSpec(name: "stations", label: l.text("form.railLinks.stations"), input: .textarea, hint: l.text("form.railLinks.stationsHint")),
            FieldSpec(name: "status", label: l.text("form.railLinks.status"), input: .select(unknown + enumChoices(RailLinkStatus.self, l.railLinkStatus))),
            FieldSpec(name: "uses", label: l.text("form.railLinks.uses"), input: .text, hint: l.text("form.railLinks.usesHint", ["codes": uses])),
            FieldSpec(name: "summary", label: l.text("form.railLinks.summary"), input: .textarea),
        ]
        for country in sideCountries {
            let side = ["country": l.country(country)]
            fields += [
                FieldSpec(name: "section\(country.rawValue)", label: l.text("form.railLinks.section", side), input: .text),
                FieldSpec(name: "ertms\(country.rawValue)", label: l.text("form.railLinks.ertms", side), input: .text),
                FieldSpec(name: "electrification\(country.rawValue)", label: l.text("form.railLinks.electrification", side), input: .text),
                FieldSpec(name: "freight740m\(country.rawValue)", label: l.text("form.railLinks.freight740m", side),
                          input: .select(unknown + [Choice(value: "yes", label: l.text("form.railLinks.yes")),
                                                    Choice(value: "no", label: l.text("form.railLinks.no"))])),
            ]
        }
        fields += [
            FieldSpec(name: "documentID", label: l.text("form.railLinks.documentID"), input: .select(optionalChoice(choices.documents))),
            FieldSpec(name: "quote", label: l.text("form.railLinks.quote"), input: .textarea, hint: l.text("form.regimes.quoteHint")),
            visibilityField(l),
        ]
        return fields
    }

    package static func values(of link: RailLink) -> [String: String] {
        var values = ["name": link.name, "aliases": link.aliases.joined(separator: ", "), "stations": link.stations.joined(separator: "\n"),
                      "status": link.status?.rawValue ?? "", "uses": link.uses.map(\.rawValue).joined(separator: ", "),
                      "summary": link.summary ?? "", "documentID": link.source?.documentID ?? "", "quote": link.source?.quote ?? "",
                      "visibility": link.visibility.rawValue]
        for side in link.sides {
            let c = side.country.rawValue
            values["section\(c)"] = side.section ?? ""; values["ertms\(c)"] = side.ertms ?? ""
            values["electrification\(c)"] = side.electrification ?? ""
            values["freight740m\(c)"] = side.freight740m.map { $0 ? "yes" : "no" } ?? ""
        }
        return values
    }

    package static func build(_ r: inout FieldReader, id: String, existing: RailLink?, choices: FormChoices) -> RailLink? {
        let name = r.required("name", r.labels.text("form.railLinks.name"), limit: 200)
        if (r.values["aliases"]?.count ?? 0) > 2_000 { r.fail("aliases", r.labels.text("form.error.tooLong", ["limit": r.labels.numbers.integer(2_000)])) }
        let stations = (r.optional("stations", limit: 4_000) ?? "").split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let unknownStations = stations.filter { !choices.stationNames.contains($0) }
        if !unknownStations.isEmpty {
            r.fail("stations", r.labels.text("form.railLinks.unknownStations", ["names": unknownStations.joined(separator: ", ")]))
        }
        var uses: [RailLinkUse] = []
        for code in r.list("uses") {
            guard let use = RailLinkUse(rawValue: code) else { r.fail("uses", r.labels.text("form.error.choice", ["value": code])); continue }
            if !uses.contains(use) { uses.append(use) }
        }
        var sides: [RailLinkSide] = []
        for country in sideCountries {
            let c = country.rawValue
            let answer = r.values["freight740m\(c)"] ?? ""
            if !["", "yes", "no"].contains(answer) { r.fail("freight740m\(c)", r.labels.text("form.error.choose")) }
            let freight: Bool? = answer == "yes" ? true : answer == "no" ? false : nil
            let side = RailLinkSide(country: country, section: r.optional("section\(c)", limit: 200), ertms: r.optional("ertms\(c)", limit: 100),
                                    electrification: r.optional("electrification\(c)", limit: 100), freight740m: freight)
            if side != RailLinkSide(country: country) { sides.append(side) }
        }
        // Sides of other countries (from a data file) are kept: the form shows three.
        sides += (existing?.sides ?? []).filter { !sideCountries.contains($0.country) }
        let status = r.optionalChoice("status", RailLinkStatus.self)
        let summary = r.optional("summary", limit: 4_000)
        let source = r.passage(document: "documentID", quote: "quote", among: choices.ids(choices.documents), paragraphs: choices.paragraphs)
        let visibility = r.choice("visibility", Visibility.self, default: .public)
        guard r.errors.isEmpty, let visibility else { return nil }
        return RailLink(id: id, name: name, aliases: r.list("aliases"), stations: stations, status: status, uses: uses, sides: sides,
                        summary: summary, source: source, visibility: visibility)
    }

    package static func page(of link: RailLink) -> String { "/rail-links/\(link.id)" }
}
