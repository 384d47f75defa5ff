import DeltaDomain
import DeltaImport
import DeltaReports
import DeltaServices
import DeltaStore
import Foundation
import HTTPTypes
import Hummingbird

/// Bringing in a new document: upload (`/extract`), review what the extractor proposes beside
/// the marked text, and accept (`/extract/accept`): the document and every accepted agreement,
/// milestone and investment are written in one audited transaction, or nothing is.
///
/// The review is stateless: the text travels with the review form and the extraction, which is
/// pure and deterministic, is run again on it when the form comes back.
struct ExtractionController: Sendable {
    let engine: any DatabaseEngine
    let renderer: Renderer
    let patience: Duration
    let jobs = ExtractionJobs()

    func addRoutes(signedIn: RouterGroup<AppRequestContext>, forms: RouterGroup<AppRequestContext>) {
        signedIn.get("/extract") { _, context -> Response in
            try Self.requireEditor(context)
            return try renderer.html("extract-upload", PageFrame(page: ExtractUploadPage(title: context.labels.text("app.title.extract"), error: nil, documentDate: ""),
                                                                 path: "/extract", context: context))
        }
        forms.post("/extract") { _, context -> Response in
            try Self.requireEditor(context)
            let form = try context.requireForm()
            let date = form.trimmed("documentDate") ?? ""
            guard let file = form.fileBytes["file"], !file.name.isEmpty else { return try refuseUpload(context.labels.text("extract.review.noFile"), date: date, context: context) }
            if !date.isEmpty, CalendarDate(iso: date) == nil { return try refuseUpload(context.labels.text("form.error.date", ["value": date]), date: date, context: context) }
            guard let account = context.account else { throw AppError(.unauthorized, "error.signInOrToken") }
            guard let id = jobs.start(owner: account.id, fileName: file.name, documentDate: CalendarDate(iso: date)) else {
                throw AppError(.serviceUnavailable, "extract.job.busy")
            }
            // Reading (pdftotext, unzipping) and extracting run beside the request: what is done
            // within a second is shown at once, anything longer gets the status page.
            let scope = context.readScope, bytes = Data(file.bytes), fileName = file.name, documentDate = CalendarDate(iso: date)
            let jobs = self.jobs
            Task {
                do {
                    jobs.report(id, step: .reading)
                    let text = try await DocumentReader.text(of: bytes, fileName: fileName)
                    let run = try await extraction(text: text, fileName: fileName, documentDate: documentDate, scope: scope) { jobs.report(id, step: $0) }
                    jobs.finish(id, .done(text: text, run: run))
                } catch let error as DocumentReadError {
                    jobs.finish(id, .failed(key: error.key, arguments: error.arguments))
                } catch {
                    jobs.finish(id, .failed(key: "extract.job.failed", arguments: [:]))
                }
            }
            let clock = ContinuousClock(), deadline = clock.now + patience
            while clock.now < deadline, jobs.job(id, owner: account.id)?.outcome == nil { try await Task.sleep(for: .milliseconds(25)) }
            if let job = jobs.take(id, owner: account.id) { return try await finished(job, date: date, context: context) }
            return Response.seeOther(to: "/extract/jobs/\(id)")
        }
        signedIn.get("/extract/jobs/{id}") { request, context -> Response in
            try Self.requireEditor(context)
            let id = try context.parameters.require("id")
            guard let account = context.account, let job = jobs.job(id, owner: account.id) else { throw AppError(.notFound, "extract.job.gone") }
            if job.outcome != nil, let finishedJob = jobs.take(id, owner: account.id) {
                return try await finished(finishedJob, date: finishedJob.documentDate?.iso ?? "", context: context)
            }
            let manual = request.uri.queryParameters.get("refresh") == "no"
            let current = job.step.flatMap { Extractor.Step.allCases.firstIndex(of: $0) } ?? 0
            let steps = Extractor.Step.allCases.enumerated().map { index, step in
                ExtractJobPage.Step(label: context.labels.text("cli.extract.step.\(step.rawValue)"),
                                    state: index < current ? "done" : index == current ? "running" : "waiting", running: index == current)
            }
            let page = ExtractJobPage(title: context.labels.text("extract.job.title"), fileName: job.fileName, steps: steps,
                                      seconds: Int(Date().timeIntervalSince(job.started)), refreshing: !manual, url: "/extract/jobs/\(id)")
            var response = try renderer.html("extract-job", PageFrame(page: page, path: "/extract", context: context))
            if !manual { response.headers[HTTPField.Name("Refresh")!] = "2" }
            return response
        }
        forms.post("/extract/accept") { _, context -> Response in
            try Self.requireEditor(context)
            let form = try context.requireForm()
            guard let text = form["text"], !text.isEmpty, text.unicodeScalars.count <= DocumentReader.maximumScalars,
                  let fileName = form["fileName"] else { throw AppError(.unprocessableContent, "error.badForm") }
            let documentDate = form.trimmed("doc.date").flatMap { CalendarDate(iso: $0) }
            let values = form.allValues
            let run = try await extraction(text: text, fileName: fileName, documentDate: documentDate, scope: context.readScope)
            let result = run.result, related = run.related
            var submission = Self.submission(values: values, text: text, result: result, related: related.proposals, mentions: related.mentions,
                                             labels: context.labels)
            // "Replace the stored text": the document keeps its fields and relations and takes the
            // new text; new records get ids of their own version so they never meet the old ones.
            var replacing: EntityVersion?
            if values["replaceExisting"] == "on", let id = values["doc.id"], !id.isEmpty {
                let scope = context.readScope
                if let (stored, version) = try await engine.read({ db in try await Register(db: db, scope: scope).versioned(Document.self, id: id) }) {
                    replacing = EntityVersion(version)
                    submission = Self.submission(values: values, text: text, result: result, related: related.proposals, mentions: related.mentions,
                                                 labels: context.labels,
                                                 idPrefix: "\(id)-v\(version + 1)")
                    var kept = DocumentForm.values(of: stored)
                    kept["text"] = submission.document["text"]
                    let newRelations = (submission.document["relations"] ?? "").split(separator: "\n").map(String.init)
                    let oldRelations = (kept["relations"] ?? "").split(separator: "\n").map(String.init)
                    kept["relations"] = (oldRelations + newRelations.filter { !oldRelations.contains($0) }).joined(separator: "\n")
                    kept["id"] = id
                    submission.document = kept
                }
            }
            // One acceptance writes at most this many records, so one transaction stays short.
            guard submission.records.count <= Self.maximumRecords else {
                return try await review(text: text, fileName: fileName, documentDate: documentDate, values: values,
                                        errors: ["_form": context.labels.text("extract.review.tooMany", ["limit": String(Self.maximumRecords)])],
                                        context: context, status: .unprocessableContent)
            }
            guard let account = context.account, let actor = context.auditActor else { throw AppError(.unauthorized, "error.signInOrToken") }
            let editor = RecordSaver.Editor(account: account, actor: actor, scope: context.readScope, labels: context.labels)
            switch try await ExtractionAcceptance.accept(document: submission.document, records: submission.records, by: editor,
                                                         replacing: replacing, engine: engine) {
            case .saved(let documentID, _):
                return Response.seeOther(to: "/documents/\(documentID)")
            case .invalid(let errors):
                return try await review(text: text, fileName: fileName, documentDate: documentDate, values: values, errors: errors, context: context,
                                        status: .unprocessableContent)
            }
        }
    }

    /// The most records one acceptance writes.
    static let maximumRecords = 300

    /// The upload form again, with why the file was refused.
    private func refuseUpload(_ message: String, date: String, context: AppRequestContext) throws -> Response {
        try renderer.html("extract-upload", PageFrame(page: ExtractUploadPage(title: context.labels.text("app.title.extract"), error: message, documentDate: date),
                                                      path: "/extract", context: context), status: .unprocessableContent)
    }

    /// What a finished upload shows: its review, or the upload form with the reason it was refused.
    private func finished(_ job: ExtractionJobs.Job, date: String, context: AppRequestContext) async throws -> Response {
        switch job.outcome {
        case .done(let text, let run)?:
            return try await review(text: text, fileName: job.fileName, documentDate: job.documentDate, values: [:], errors: [:], context: context, run: run)
        case .failed(let key, let arguments)?:
            return try refuseUpload(context.labels.text(key, arguments), date: date, context: context)
        case nil:
            throw AppError(.notFound, "extract.job.gone")
        }
    }

    static func requireEditor(_ context: AppRequestContext) throws {
        guard AccessRules.mayEditSomething(context.account) else { throw AppError(.forbidden, "error.mayNotEdit") }
    }

    /// The extraction of a text with the register's names, and the review form's choices.
    func extraction(text: String, fileName: String, documentDate: CalendarDate?, scope: ReadScope,
                    progress: (@Sendable (Extractor.Step) -> Void)? = nil) async throws -> ExtractionRun {
        let (extractor, linker, dossiers, organisations, bodies, documents, partyIDs) = try await engine.read { db in
            try await ExtractReviewBuilder.context(Register(db: db, scope: scope))
        }
        let name = String(fileName.split(separator: ".").first ?? Substring(fileName))
        return ExtractionRun(result: extractor.extract(text, document: name, documentDate: documentDate, progress: progress), dossierIDs: dossiers,
                             organisations: organisations, linker: linker, bodies: bodies,
                             related: RelatedFindings(proposals: RelatedDocuments.proposals(in: text, documents: documents),
                                                      mentions: RelatedDocuments.mentions(in: text, documents: documents)),
                             partyIDs: partyIDs)
    }

    func review(text: String, fileName: String, documentDate: CalendarDate?, values: [String: String], errors: [String: String],
                context: AppRequestContext, status: HTTPResponse.Status = .ok, run known: ExtractionRun? = nil) async throws -> Response {
        let run: ExtractionRun
        if let known { run = known } else { run = try await extraction(text: text, fileName: fileName, documentDate: documentDate, scope: context.readScope) }
        let result = run.result, dossiers = run.dossierIDs, organisations = run.organisations, linker = run.linker, bodies = run.bodies
        let related = run.related, partyIDs = run.partyIDs
        // A document already in the register under this id: show what the new text changes.
        let id = values["doc.id"] ?? ExtractReviewBuilder.slug(fileName)
        let scope = context.readScope
        let existing = try await engine.read { db -> (Document, [Agreement])? in
            let register = Register(db: db, scope: scope)
            guard let document = try await register.document(id: id) else { return nil }
            return (document, try await register.agreements(documentID: id))
        }
        var builder = ExtractReviewBuilder(text: text, fileName: fileName, result: result, values: values, errors: errors, labels: context.labels,
                                           dossierIDs: dossiers, organisations: organisations)
        builder.existing = existing.map { (document: $0.0, agreements: $0.1) }
        builder.linker = linker
        builder.bodies = bodies
        builder.partyIDs = partyIDs
        builder.related = related.proposals
        builder.mentions = related.mentions
        let page = builder.page()
        return try renderer.html("extract-review", PageFrame(page: page, path: "/extract", context: context), status: status)
    }

    /// The document's values and the accepted records, as their forms would send them.
    static func submission(values: [String: String], text: String, result: ExtractionResult, related: [RelatedDocuments.Proposal] = [],
                           mentions: [RelatedDocuments.Mention] = [],
                           labels: Labels, idPrefix: String? = nil)
        -> (document: [String: String], records: [ExtractionAcceptance.Record]) {
        let documentID = values["doc.id"] ?? ""
        let prefix = idPrefix ?? documentID
        let visibility = values["doc.visibility"] ?? Visibility.internal.rawValue
        // What is stored is the cleaned text (no page furniture, footnotes at the end); every
        // quote is cleaned the same way so it is found in it.
        let stored = TextNormaliser.cleaned(text).text
        let document: [String: String] = [
            "id": documentID, "kind": values["doc.kind"] ?? "", "title": values["doc.title"] ?? "", "date": values["doc.date"] ?? "",
            "place": values["doc.place"] ?? "", "reference": values["doc.reference"] ?? "", "language": values["doc.language"] ?? "",
            "text": stored, "visibility": visibility, "signatories": values["doc.signatories"] ?? "",
            "dateSource": (values["doc.date"] ?? "").isEmpty ? "" : labels.text("extract.review.dateSource"),
            // Ticked relations, as the document form's lines "kind target [planned]".
            // A document never relates to itself (a revised version names its own title).
            "relations": (related.indices.filter { values["r\($0).accept"] == "on" && related[$0].documentID != documentID }.map { index in
                let kind = values["r\(index).kind"].flatMap(DocumentRelation.Kind.init(rawValue:)) ?? related[index].kind
                return "\(kind.rawValue) \(related[index].documentID)" + (values["r\(index).planned"] == "on" ? " planned" : "")
            } + mentions.indices.filter { values["s\($0).accept"] == "on" }.map { index in
                // The stub written first (below), under the id the reviewer gave it.
                let kind = values["s\(index).relation"].flatMap(DocumentRelation.Kind.init(rawValue:)) ?? mentions[index].kind
                return "\(kind.rawValue) \(values["s\(index).id"] ?? "")" + (values["s\(index).planned"] == "on" ? " planned" : "")
            }).joined(separator: "\n"),
        ]
        var records: [ExtractionAcceptance.Record] = []
        func accepted(_ key: String) -> Bool { values["\(key).accept"] == "on" }
        // Earlier documents the text refers to, as stubs: known by their title (and year or reference) only.
        for (index, mention) in mentions.enumerated() where accepted("s\(index)") {
            records.append(.init(key: "s\(index)", kind: .stub, values: [
                "id": values["s\(index).id"] ?? "", "kind": values["s\(index).kind"] ?? DocumentKind.other.rawValue,
                "title": values["s\(index).title"] ?? mention.title, "date": mention.year.map(String.init) ?? "",
                "dateSource": mention.year == nil ? "" : labels.text("extract.review.stubDateSource"), "reference": mention.reference ?? "",
                "language": values["doc.language"] ?? "nl", "stub": "yes", "text": "", "visibility": visibility,
            ]))
        }
        // Parties not yet in the register, as organisations; the agreements that name them get their id.
        var newParties: [String: String] = [:]
        for index in 0..<ExtractReviewBuilder.maximumNewParties where accepted("o\(index)") {
            guard let party = values["o\(index).party"], let id = values["o\(index).id"], !id.isEmpty else { continue }
            newParties[ExtractReviewBuilder.partyKey(party)] = id
            records.append(.init(key: "o\(index)", kind: .organisation, values: [
                "id": id, "name": values["o\(index).name"] ?? party, "country": values["o\(index).country"] ?? "",
                "level": values["o\(index).level"] ?? "", "visibility": visibility,
            ]))
        }
        func partyIDs(_ key: String, parties: [String]) -> String {
            var ids = (values["\(key).partyIDs"] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            for party in parties { if let id = newParties[ExtractReviewBuilder.partyKey(party)], !ids.contains(id) { ids.append(id) } }
            return ids.joined(separator: ", ")
        }
        // A milestone or investment keeps the passage it came from, when that passage lies in one
        // paragraph of the stored text (the reviewer cannot edit it, so it must never block saving).
        let paragraphs = TextLayout.paragraphs(from: stored)
        func passage(_ quote: String) -> [String: String] {
            let cleaned = TextNormaliser.cleanedQuote(quote)
            return TextLayout.locate(quote: cleaned, in: paragraphs) == nil ? [:] : ["documentID": documentID, "quote": cleaned]
        }
        for index in result.agreements.indices where accepted("a\(index)") {
            let key = "a\(index)"
            records.append(.init(key: key, kind: .agreement, values: [
                "id": "\(prefix)-a\(index + 1)", "title": values["\(key).title"] ?? "", "documentID": documentID,
                "quote": TextNormaliser.cleanedQuote(values["\(key).quote"] ?? ""), "dossierIDs": values["\(key).dossierIDs"] ?? "",
                "partyIDs": partyIDs(key, parties: result.agreements[index].parties), "completion": Completion.notStarted.rawValue,
                "visibility": visibility,
            ]))
        }
        let extra = (values["extraQuotes"] ?? "").split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            .prefix(maximumRecords + 1)
        for (index, quote) in extra.enumerated() {
            let words = quote.split(separator: " ")
            records.append(.init(key: "x\(index)", kind: .agreement, values: [
                "id": "\(prefix)-x\(index + 1)", "title": words.prefix(14).joined(separator: " ") + (words.count > 14 ? " …" : ""),
                "documentID": documentID, "quote": TextNormaliser.cleanedQuote(quote), "dossierIDs": values["defaultDossierIDs"] ?? "",
                "completion": Completion.notStarted.rawValue, "visibility": visibility,
            ]))
        }
        for (index, date) in result.dates.enumerated() where accepted("d\(index)") {
            let key = "d\(index)"
            records.append(.init(key: key, kind: .milestone, values: passage(date.text).merging([
                "id": "\(prefix)-d\(index + 1)", "title": values["\(key).title"] ?? "", "due": values["\(key).due"] ?? "",
                "dossierIDs": values["\(key).dossierIDs"] ?? "", "status": MilestoneStatus.planned.rawValue, "visibility": visibility,
            ]) { _, new in new }))
        }
        for (index, cadence) in result.cadences.enumerated() where accepted("c\(index)") {
            records.append(.init(key: "c\(index)", kind: .cadence, values: [
                "bodyID": values["c\(index).bodyID"] ?? "", "rule": ExtractReviewBuilder.ruleCode(cadence),
            ]))
        }
        for (index, amount) in result.amounts.enumerated() where accepted("m\(index)") {
            let key = "m\(index)"
            guard let parsed = ExtractReviewBuilder.amount(amount) else { continue }
            func euros(_ cents: Int64) -> String {
                let fraction = cents % 100
                return "\(cents / 100)" + (fraction == 0 ? "" : (fraction < 10 ? ",0" : ",") + String(fraction))
            }
            records.append(.init(key: key, kind: .investment, values: passage(amount.text).merging([
                "id": "\(prefix)-m\(index + 1)", "title": values["\(key).title"] ?? "", "amountKind": parsed.kind.rawValue,
                "minimumEuros": parsed.kind == .upToAtMost ? "" : euros(parsed.minimumCents),
                "maximumEuros": parsed.kind == .range || parsed.kind == .upToAtMost ? euros(parsed.maximumCents) : "",
                "wording": amount.text, "organisationID": values["\(key).organisationID"] ?? "", "country": values["\(key).country"] ?? "",
                "recurring": "no", "dossierID": (values["\(key).dossierIDs"] ?? "").split(separator: ",").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? "",
                "visibility": visibility,
            ]) { _, new in new }))
        }
        return (document, records)
    }
}
