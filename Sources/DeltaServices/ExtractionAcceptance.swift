import DeltaDomain
import DeltaReports
import DeltaStore
import SQLKit

/// Writes what a reviewer accepted from an extraction — the document and the agreements,
/// milestones and investments proposed from it — in one transaction, each record through the
/// same rules, limits, permissions and audit entries as its own form. One refusal writes nothing.
package enum ExtractionAcceptance {
    /// A record to create, as the values its form would send; `key` names it in error messages
    /// ("a3" → field errors "a3.quote").
    package struct Record: Sendable {
        package enum Kind: String, Sendable {
            case agreement, milestone, investment, cadence
            /// Written before the document: an earlier document it refers to (as a stub), a party
            /// not yet in the register.
            case stub, organisation
            var comesFirst: Bool { self == .stub || self == .organisation }
        }
        package let key: String
        package let kind: Kind
        package let values: [String: String]

        package init(key: String, kind: Kind, values: [String: String]) {
            self.key = key; self.kind = kind; self.values = values
        }
    }

    /// What the acceptance did.
    package enum Outcome: Sendable, Equatable {
        /// Everything was written: the document and this many records.
        case saved(documentID: String, records: Int)
        /// Nothing was written; messages by "doc.field" or "key.field".
        case invalid([String: String])
    }

    private struct Refusal: Error { let errors: [String: String] }

    /// A meeting rule as the review sends it: "per-year:2", "per-half-year:1", "every-years:2".
    package static func cadenceRule(_ text: String) -> CadenceRule? {
        let parts = text.split(separator: ":")
        guard parts.count == 2, let count = Int(parts[1]), (1...52).contains(count) else { return nil }
        switch parts[0] {
        case "per-year": return .perYear(count: count)
        case "per-half-year": return .perHalfYear(count: count)
        case "every-years": return count >= 2 && count <= 10 ? .everyYears(years: count) : nil
        default: return nil
        }
    }

    /// Sets a body's meeting rule, with the same permission and audit as any edit of the body.
    private static func setCadence(_ record: Record, by editor: RecordSaver.Editor, on db: any SQLDatabase) async throws {
        let field = "\(record.key).bodyID"
        let register = Register(db: db, scope: editor.scope)
        guard let bodyID = record.values["bodyID"], !bodyID.isEmpty, let (body, version) = try await register.versioned(Body.self, id: bodyID) else {
            throw Refusal(errors: [field: editor.labels.text("form.error.choose")])
        }
        guard AccessRules.mayEdit(editor.account, try await RecordSaver.placement(of: body, in: register)) else {
            throw Refusal(errors: [field: editor.labels.text("form.error.outOfScope", ["kind": editor.labels.text("kind.body")])])
        }
        guard let rule = record.values["rule"].flatMap(cadenceRule) else { throw Refusal(errors: [field: editor.labels.text("form.error.choose")]) }
        guard body.cadence != rule else { return }
        var updated = body
        updated.cadence = rule
        _ = try await RecordEditor(db: db, actor: editor.actor).save(updated, expectedVersion: version, action: "cadence-from-document")
    }

    /// Creates the document (or, with `replacing`, saves the new text over the stored version it
    /// names, which re-anchors its agreements and refuses to lose a quoted passage) and then every
    /// record, in one transaction.
    package static func accept(document: [String: String], records: [Record], by editor: RecordSaver.Editor,
                               replacing: EntityVersion? = nil, engine: any DatabaseEngine) async throws -> Outcome {
        do {
            return try await engine.transaction { db in
                func check<R>(_ result: SaveResult<R>, prefix: String) throws {
                    switch result {
                    case .saved: return
                    case .invalid(let errors): throw Refusal(errors: Dictionary(uniqueKeysWithValues: errors.map { ("\(prefix).\($0.key)", $0.value) }))
                    case .conflict: throw Refusal(errors: ["\(prefix)._form": editor.labels.text("extract.review.changedMeanwhile")])
                    }
                }
                for record in records where record.kind.comesFirst {
                    switch record.kind {
                    case .stub:
                        try check(try await RecordSaver.save(DocumentForm.self, id: nil, values: record.values, expected: nil, by: editor, on: db), prefix: record.key)
                    default:
                        try check(try await RecordSaver.save(OrganisationForm.self, id: nil, values: record.values, expected: nil, by: editor, on: db), prefix: record.key)
                    }
                }
                try check(try await RecordSaver.save(DocumentForm.self, id: replacing == nil ? nil : document["id"], values: document,
                                                     expected: replacing, by: editor, on: db), prefix: "doc")
                for record in records where !record.kind.comesFirst {
                    switch record.kind {
                    case .agreement:
                        try check(try await RecordSaver.save(AgreementForm.self, id: nil, values: record.values, expected: nil, by: editor, on: db), prefix: record.key)
                    case .milestone:
                        try check(try await RecordSaver.save(MilestoneForm.self, id: nil, values: record.values, expected: nil, by: editor, on: db), prefix: record.key)
                    case .investment:
                        try check(try await RecordSaver.save(InvestmentForm.self, id: nil, values: record.values, expected: nil, by: editor, on: db), prefix: record.key)
                    case .cadence:
                        try await setCadence(record, by: editor, on: db)
                    case .stub, .organisation:
                        break
                    }
                }
                return .saved(documentID: document["id"] ?? "", records: records.count)
            }
        } catch let refusal as Refusal {
            return .invalid(refusal.errors)
        }
    }
}
