import DeltaDomain
import DeltaReports
import DeltaServices
import DeltaStore
import Foundation
import HTTPTypes
import Hummingbird

/// The HTML side of a record form: the form page, and what a save came to — a redirect, the
/// form again with messages next to the fields, or the form with both versions side by side.
struct RecordFormPages<F: RecordForm>: Sendable {
    let engine: any DatabaseEngine
    let renderer: Renderer

    /// Renders a save's result for a browser.
    func answer(_ result: SaveResult<F.Record>, id: String?, values: [String: String], submitted: EntityVersion?,
                context: AppRequestContext) async throws -> Response {
        switch result {
        case .saved(let record, _):
            return .seeOther(to: F.page(of: record, from: Self.returnDossier(values["_from"])))
        case .invalid(let errors):
            let scope = context.readScope
            let (choices, stored) = try await engine.read { db in
                let register = Register(db: db, scope: scope)
                var stored: F.Record?
                if let id { stored = try await register.versioned(F.Record.self, id: id)?.record }
                return (try await RecordSaver.choices(F.self, register, values: values, existing: stored), stored)
            }
            return try form(id: id, version: submitted, values: values, errors: errors, choices: choices, context: context,
                            base: Self.submittedBase(values), cancel: stored.map { F.page(of: $0, from: Self.returnDossier(values["_from"])) }, status: .unprocessableContent)
        case .conflict(let current, let version, let changedBy):
            let choices = try await engine.read { db in
                try await RecordSaver.choices(F.self, Register(db: db, scope: context.readScope), values: values, existing: current)
            }
            return try conflict(current: current, version: version, changedBy: changedBy, id: id, values: values, submitted: submitted,
                                choices: choices, context: context)
        }
    }

    /// The form saved over a newer version: a three-way merge (`FieldMerge`) fills the form, and
    /// every field is shown with both values; saving the form is the merge.
    private func conflict(current: F.Record, version: EntityVersion, changedBy: AuditEntry?, id: String?, values: [String: String],
                          submitted: EntityVersion?, choices: FormChoices, context: AppRequestContext) throws -> Response {
        let theirs = F.values(of: current)
        let specs = F.fields(choices, isNew: false, labels: context.labels).filter { if case .file = $0.input { false } else { true } }
        let yours = values.mapValues { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        let fields = FieldMerge.merge(names: specs.map(\.name), yours: yours, base: Self.submittedBase(values), theirs: theirs)
        var merged = values
        var rows: [ConflictRow] = []
        for (spec, field) in zip(specs, fields) {
            merged[spec.name] = field.merged
            rows.append(ConflictRow(label: spec.label, yours: Self.shown(field.yours, spec), theirs: Self.shown(field.theirs, spec),
                                    differs: field.yours != field.theirs, bothChanged: field.resolution == .bothChanged,
                                    resolution: context.labels.text("app.conflict.\(field.resolution.rawValue)")))
        }
        let view = ConflictView(yourVersion: submitted?.number ?? 0, currentVersion: version.number ?? 0, changedBy: changedBy?.actor,
                                changedAt: changedBy.map { String($0.at.prefix(16)).replacingOccurrences(of: "T", with: " ") }, rows: rows)
        return try form(id: id, version: version, values: merged, errors: [:], choices: choices, context: context, conflict: view,
                        theirs: theirs, base: theirs, cancel: F.page(of: current), status: .conflict)
    }

    /// A select value is shown by its label ("bereikt", not "achieved").
    private static func shown(_ value: String, _ spec: FieldSpec) -> String {
        if case .select(let options) = spec.input, let option = options.first(where: { $0.value == value }) { return option.label }
        return value
    }

    /// The form page.
    func form(id: String?, version: EntityVersion?, values: [String: String], errors: [String: String], choices: FormChoices,
              context: AppRequestContext, conflict: ConflictView? = nil, theirs: [String: String] = [:], base: [String: String] = [:],
              cancel: String? = nil, status: HTTPResponse.Status = .ok) throws -> Response {
        let labels = context.labels
        var specs = F.fields(choices, isNew: id == nil, labels: labels)
        if id == nil {
            specs.insert(FieldSpec(name: "id", label: labels.text("form.common.id"), input: .text, required: true, hint: labels.text("form.common.idHint")), at: 0)
        }
        let fields = specs.map { spec in
            let mine = values[spec.name] ?? ""
            let stored = theirs[spec.name]
            var view = FieldView(spec, value: mine, error: errors[spec.name],
                                 theirs: stored.flatMap { $0 != mine.trimmingCharacters(in: .whitespacesAndNewlines) ? $0 : nil })
            view.base = base[spec.name]
            return view
        }
        let path = "/\(F.segment)"
        let kindName = labels.recordKind(F.Record.recordKind.rawValue)
        let title = id.map { labels.text("app.edit.editTitle", ["kind": kindName, "id": $0]) } ?? labels.text("app.edit.newTitle", ["kind": kindName])
        var page = EditPage(title: title, kindLabel: kindName, action: id.map { "\(path)/\($0)/edit" } ?? "\(path)/new", isNew: id == nil,
                            id: id ?? "", version: version?.number ?? 0, fields: fields, hasErrors: !errors.filter { $0.key != "_form" }.isEmpty,
                            formError: errors["_form"], conflict: conflict, cancel: cancel ?? id.map { "\(path)/\($0)/history" } ?? "/",
                            history: id.map { "\(path)/\($0)/history" }, isMultipart: specs.contains { if case .file = $0.input { true } else { false } })
        page.from = Self.returnDossier(values["_from"])
        page.paragraphs = choices.paragraphs.map { ParagraphChoice(anchor: $0.anchor, text: $0.text) }
        return try renderer.html("edit", PageFrame(page: page, path: path, context: context), status: status)
    }

    /// The dossier a form was opened from (`?from=`, then the hidden `_from` field): only an id of
    /// lower-case letters, digits and hyphens; the form decides whether it is one of the record's.
    static func returnDossier(_ value: String?) -> String? {
        guard let value, !value.isEmpty, value.count <= 80,
              value.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }) else { return nil }
        return value
    }

    /// The values of the version the form was loaded from, sent back as `_base_NAME` fields.
    static func submittedBase(_ values: [String: String]) -> [String: String] {
        var base: [String: String] = [:]
        for (key, value) in values where key.hasPrefix("_base_") { base[String(key.dropFirst("_base_".count))] = value }
        return base
    }
}
