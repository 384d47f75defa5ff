import DeltaDomain
import DeltaReports
import DeltaStore

/// The triage of a cross-border obstacle: its anonymised public text, domain and region, its
/// status with the reason for it, who owns it on which side, its links, and whether it is
/// published. Status steps follow `ObstacleStatusRules` (checked against the stored status).
package enum ObstacleForm: RecordForm {
    package static let segment = "obstacles"
    /// The longest description: a case, not a dossier.
    package static let descriptionLimit = 4_000

    package static func fields(_ choices: FormChoices, isNew: Bool, labels l: Labels) -> [FieldSpec] {
        let ids = isNew ? [FieldSpec(name: "id", label: l.text("form.common.id"), input: .text, required: true, hint: l.text("form.common.idHint"))] : []
        return ids + [
            FieldSpec(name: "title", label: l.text("form.obstacles.title"), input: .text, required: true, hint: l.text("form.obstacles.anonymiseHint")),
            FieldSpec(name: "description", label: l.text("form.obstacles.description"), input: .textarea, required: true,
                      hint: l.text("form.obstacles.anonymiseHint")),
            FieldSpec(name: "placeBelgium", label: l.text("form.obstacles.placeBelgium"), input: .text),
            FieldSpec(name: "placeNetherlands", label: l.text("form.obstacles.placeNetherlands"), input: .text),
            FieldSpec(name: "since", label: l.text("form.obstacles.since"), input: .text),
            FieldSpec(name: "affected", label: l.text("form.obstacles.affected"), input: .text),
            FieldSpec(name: "domain", label: l.text("form.obstacles.domain"), input: .select(enumChoices(ObstacleDomain.self) { l.text("obstacleDomain.\($0.rawValue)") }),
                      required: true),
            FieldSpec(name: "region", label: l.text("form.obstacles.region"), input: .text, hint: l.text("form.obstacles.regionHint")),
            FieldSpec(name: "status", label: l.text("form.obstacles.status"), input: .select(enumChoices(ObstacleStatus.self) { l.text("obstacleStatus.\($0.rawValue)") }),
                      required: true, hint: l.text("form.obstacles.statusHint")),
            FieldSpec(name: "statusReason", label: l.text("form.obstacles.statusReason"), input: .textarea, hint: l.text("form.obstacles.statusReasonHint")),
            FieldSpec(name: "ownerID", label: l.text("form.obstacles.ownerID"), input: .select(optionalChoice(choices.organisations))),
            FieldSpec(name: "ownerSide", label: l.text("form.obstacles.ownerSide"), input: .select(optionalChoice(enumChoices(Country.self, l.country)))),
            FieldSpec(name: "dossierIDs", label: l.text("form.obstacles.dossierIDs"), input: .text, hint: l.text("form.obstacles.idsHint")),
            FieldSpec(name: "bodyIDs", label: l.text("form.obstacles.bodyIDs"), input: .text, hint: l.text("form.obstacles.idsHint")),
            FieldSpec(name: "agreementIDs", label: l.text("form.obstacles.agreementIDs"), input: .text, hint: l.text("form.obstacles.idsHint")),
            FieldSpec(name: "documentIDs", label: l.text("form.obstacles.documentIDs"), input: .text, hint: l.text("form.obstacles.idsHint")),
            FieldSpec(name: "documentID", label: l.text("form.passage.documentID"), input: .select(optionalChoice(choices.documents))),
            FieldSpec(name: "quote", label: l.text("form.passage.quote"), input: .textarea, hint: l.text("form.passage.quoteHint")),
            FieldSpec(name: "visibility", label: l.text("form.obstacles.visibility"), input: .select(enumChoices(Visibility.self, l.visibility)), required: true,
                      hint: l.text("form.obstacles.visibilityHint")),
        ]
    }

    package static func values(of o: Obstacle) -> [String: String] {
        ["title": o.title, "description": o.description, "placeBelgium": o.placeBelgium ?? "", "placeNetherlands": o.placeNetherlands ?? "",
         "since": o.since ?? "", "affected": o.affected ?? "", "domain": o.domain.rawValue, "region": o.region ?? "",
         "status": o.status.rawValue, "statusReason": o.statusReason ?? "", "ownerID": o.ownerID ?? "", "ownerSide": o.ownerSide?.rawValue ?? "",
         "dossierIDs": o.dossierIDs.joined(separator: ", "), "bodyIDs": o.bodyIDs.joined(separator: ", "),
         "agreementIDs": o.agreementIDs.joined(separator: ", "), "documentIDs": o.documentIDs.joined(separator: ", "),
         "documentID": o.source?.documentID ?? "", "quote": o.source?.quote ?? "", "visibility": o.visibility.rawValue]
    }

    package static func build(_ r: inout FieldReader, id: String, existing: Obstacle?, choices: FormChoices) -> Obstacle? {
        let title = r.required("title", r.labels.text("form.obstacles.title"), limit: 300)
        let description = r.required("description", r.labels.text("form.obstacles.description"), limit: descriptionLimit)
        let placeBelgium = r.optional("placeBelgium", limit: 200), placeNetherlands = r.optional("placeNetherlands", limit: 200)
        let since = r.optional("since", limit: 200), affected = r.optional("affected", limit: 500)
        let domain = r.choice("domain", ObstacleDomain.self)
        let region = r.optional("region", limit: 200)
        let status = r.choice("status", ObstacleStatus.self)
        // A reason kept from the last step is not a reason for this one: a change of status needs a new text.
        let reason = r.optional("statusReason", limit: 2_000)
        let owner = r.reference("ownerID", among: choices.ids(choices.organisations))
        let side = r.optionalChoice("ownerSide", Country.self)
        let dossiers = r.references("dossierIDs", among: choices.ids(choices.dossiers))
        let bodies = r.references("bodyIDs", among: choices.ids(choices.bodies))
        let agreements = r.references("agreementIDs", among: choices.ids(choices.agreements))
        let documents = r.references("documentIDs", among: choices.ids(choices.documents))
        let source = r.passage(document: "documentID", quote: "quote", among: choices.ids(choices.documents), paragraphs: choices.paragraphs)
        let visibility = r.choice("visibility", Visibility.self, default: .internal)
        if let status {
            let newReason = reason == existing?.statusReason && existing?.status != status ? nil : reason
            if let problem = ObstacleStatusRules.check(from: existing?.status, to: status, reason: newReason) {
                r.fail(problem == .reasonRequired ? "statusReason" : "status", wording(problem, labels: r.labels))
            }
            if let visibility, let problem = ObstacleStatusRules.checkPublication(visibility, status: status) {
                r.fail("visibility", wording(problem, labels: r.labels))
            }
        }
        guard r.errors.isEmpty, let domain, let status, let visibility else { return nil }
        return Obstacle(id: id, reference: existing?.reference, title: title, description: description, placeBelgium: placeBelgium,
                        placeNetherlands: placeNetherlands, since: since, affected: affected, domain: domain, region: region,
                        status: status, statusReason: reason, ownerID: owner, ownerSide: side, dossierIDs: dossiers, bodyIDs: bodies,
                        agreementIDs: agreements, documentIDs: documents, source: source, reportedOn: existing?.reportedOn,
                        visibility: visibility)
    }

    /// A refused step in the reader's language.
    package static func wording(_ problem: ObstacleStatusRules.Problem, labels l: Labels) -> String {
        switch problem {
        case .notAllowed(let from, let to):
            l.text("form.obstacles.stepNotAllowed", ["from": l.text("obstacleStatus.\(from.rawValue)"), "to": l.text("obstacleStatus.\(to.rawValue)"),
                                                     "allowed": ObstacleStatusRules.next(after: from).map { l.text("obstacleStatus.\($0.rawValue)") }.joined(separator: ", ")])
        case .reasonRequired: l.text("form.obstacles.reasonRequired")
        case .publishedBeforeAnalysis: l.text("form.obstacles.publishedBeforeAnalysis")
        }
    }

    package static func page(of o: Obstacle) -> String { "/obstacles/\(o.id)" }
}
