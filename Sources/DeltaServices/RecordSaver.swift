import DeltaDomain
import DeltaImport
import DeltaReports
import DeltaStore
import Foundation
import SQLKit

/// Saves one record from submitted text — a form or the JSON API — with every rule of the
/// register in one transaction: who may edit the stored record and where the new one lands,
/// validation, the version check, the write and its audit entry. All of it, or nothing.
package struct RecordSaver: Sendable {
    let engine: any DatabaseEngine

    package init(engine: any DatabaseEngine) { self.engine = engine }

    /// Who is saving, and in which language their messages are written.
    package struct Editor: Sendable {
        package let account: Account
        package let actor: AuditActor
        package let scope: ReadScope
        package let labels: Labels

        package init(account: Account, actor: AuditActor, scope: ReadScope, labels: Labels) {
            self.account = account
            self.actor = actor
            self.scope = scope
            self.labels = labels
        }
    }

    /// Creates (`id` nil) or updates a record. Throws `OperationError` when the record is not
    /// there or the account may not edit it at all.
    package func save<F: RecordForm>(_ form: F.Type, id: String?, values: [String: String], expected: EntityVersion?,
                                     by editor: Editor) async throws -> SaveResult<F.Record> {
        try await engine.transaction { db in try await Self.save(form, id: id, values: values, expected: expected, by: editor, on: db) }
    }

    /// Creates or updates a record inside a transaction the caller holds, so that several records
    /// (an accepted extraction) are written all together or not at all.
    package static func save<F: RecordForm>(_ form: F.Type, id: String?, values: [String: String], expected: EntityVersion?,
                                            by editor: Editor, on db: any SQLDatabase) async throws -> SaveResult<F.Record> {
        let kind = F.Record.recordKind.rawValue
        do {
            let visible = Register(db: db, scope: editor.scope)
            var existing: (record: F.Record, version: Int)?
            if let id {
                guard let found = try await visible.versioned(F.Record.self, id: id) else { throw OperationError.notFound(kind: kind, id: id) }
                guard AccessRules.mayEdit(editor.account, try await Self.placement(of: found.record, in: visible)) else { throw OperationError.forbidden }
                existing = found
            } else if !AccessRules.mayEditSomething(editor.account) {
                throw OperationError.forbidden
            }
            let choices = try await Self.choices(F.self, visible, values: values, existing: existing?.record)
            var reader = FieldReader(values, labels: editor.labels)
            let recordID = id ?? reader.identifier("id")
            if id == nil, !recordID.isEmpty, try await RecordEditor(db: db, actor: editor.actor).version(of: F.Record.self, id: recordID) != nil {
                reader.fail("id", editor.labels.text("form.error.idTaken", ["kind": editor.labels.text("kind.\(kind)")]))
            }
            let built = F.build(&reader, id: recordID, existing: existing?.record, choices: choices)
            guard reader.errors.isEmpty, let built else { return .invalid(reader.errors) }
            // Where the record lands must be inside the editor's scope too: an edit may not move
            // a record out of it, whatever reference field it changes.
            guard AccessRules.mayEdit(editor.account, try await Self.placement(of: built, in: visible)) else {
                return .invalid(["_form": editor.labels.text("form.error.outOfScope", ["kind": editor.labels.text("kind.\(kind)")])])
            }
            if let existing, existing.version != expected?.number {
                let last = try await AuditLog(db: db).entries(kind: kind, id: existing.record.id).last
                return .conflict(current: existing.record, version: EntityVersion(existing.version), changedBy: last)
            }
            let writer = RecordEditor(db: db, actor: editor.actor)
            let version = try await writer.save(built, expectedVersion: existing == nil ? nil : expected?.number)
            if let document = built as? Document {
                try await Self.reanchorAgreements(of: document, editor: writer, register: Register(db: db, scope: .everything))
            }
            return .saved(built, version: EntityVersion(version))
        }
    }

    /// After a document's text changed, agreements point at the paragraph their quote is now in.
    private static func reanchorAgreements(of document: Document, editor: RecordEditor, register: Register) async throws {
        let finder = QuoteFinder(document.paragraphs)
        for agreement in try await register.agreements(documentID: document.id) {
            guard let found = finder.locate(agreement.source.quote) else { continue }
            let source = agreement.source
            if found.anchor == source.anchor, found.start == source.start, found.length == source.length { continue }
            var moved = agreement
            moved.source = PassageReference(documentID: document.id, anchor: found.anchor, start: found.start, length: found.length, quote: source.quote)
            let version = try await editor.version(of: Agreement.self, id: agreement.id) ?? 1
            try await editor.save(moved, expectedVersion: version, action: "re-anchor")
        }
    }

    /// A record's placement, with the bodies that carry its dossiers (an editor of a body edits its dossiers).
    package static func placement(of record: some StoredRecord, in register: Register) async throws -> RecordPlacement {
        var placement = record.placement
        // An indicator is edited by whoever edits the node it measures: the editors of that node's dossiers.
        if let indicator = record as? Indicator, let goal = try await register.with(scope: .everything).goal(id: indicator.goalID) {
            placement.dossierIDs = goal.dossierIDs
        }
        // A dossier's own body is the one it names now, never the stored one: otherwise the
        // stored body would authorise moving the dossier to a body the editor does not edit.
        let ownDossierID = (record as? Dossier)?.id
        for dossierID in placement.dossierIDs where dossierID != ownDossierID {
            if let bodyID = try await register.dossier(id: dossierID)?.bodyID { placement.bodyIDs.append(bodyID) }
        }
        return placement
    }

    /// Whether the account may edit a stored record.
    package static func mayEdit(_ record: some StoredRecord, account: Account?, in register: Register) async throws -> Bool {
        AccessRules.mayEdit(account, try await placement(of: record, in: register))
    }

    /// What the form can choose from; for agreements the quoted document's paragraphs, for documents the quoted passages.
    package static func choices<F: RecordForm>(_ form: F.Type, _ register: Register, values: [String: String], existing: F.Record?) async throws -> FormChoices {
        var choices = FormChoices()
        choices.organisations = try await register.organisations().map { Choice(value: $0.id, label: $0.name, isContent: true) }
        choices.dossiers = try await register.dossiers().map { Choice(value: $0.id, label: $0.title, isContent: true) }
        choices.bodies = try await register.bodies().map { Choice(value: $0.id, label: $0.name, isContent: true) }
        choices.documents = try await register.documentHeaders().map { documentChoice($0) }
        choices.investments = try await register.investments().map { Choice(value: $0.id, label: $0.title, isContent: true) }
        if F.self == InvestmentForm.self {
            choices.agreements = try await register.agreements().map { Choice(value: $0.id, label: $0.title, isContent: true) }
            choices.measures = try await register.goals().filter { $0.level == .measure }.map { Choice(value: $0.id, label: $0.title, isContent: true) }
        }
        if F.self == DossierForm.self { choices.railLinks = try await register.railLinks() }
        if F.self == RailLinkForm.self { choices.stationNames = Set(try StationFile.shipped().map(\.name)) }
        if F.self == GoalForm.self || F.self == ObstacleForm.self {
            choices.agreements = try await register.agreements().map { Choice(value: $0.id, label: $0.title, isContent: true) }
        }
        if F.self == GoalForm.self || F.self == IndicatorForm.self {
            let visible = try await register.goals()
            choices.goals = visible.map { Choice(value: $0.id, label: $0.title, isContent: true) }
            for goal in try await register.with(scope: .everything).goals() {
                choices.goalLevels[goal.id] = goal.level
                if let parent = goal.parentID { choices.goalParents[goal.id] = parent }
            }
        }
        if F.self == AgreementForm.self || F.self == AllocationRegimeForm.self || F.self == RailLinkForm.self || F.self == GoalForm.self || F.self == IndicatorForm.self
            || F.self == InvestmentForm.self || F.self == MilestoneForm.self || F.self == ObstacleForm.self {
            let documentID = values["documentID"] ?? (existing as? Agreement)?.source.documentID
                ?? (existing as? AllocationRegime)?.source?.documentID ?? (existing as? RailLink)?.source?.documentID ?? (existing as? Goal)?.source?.documentID
                ?? (existing as? Indicator)?.source?.documentID ?? (existing as? Investment)?.source?.documentID
                ?? (existing as? Milestone)?.source?.documentID ?? (existing as? Obstacle)?.source?.documentID
            if let documentID { choices.paragraphs = try await register.paragraphs(documentID: documentID) }
        }
        if let document = existing as? Document {
            for agreement in try await register.with(scope: .everything).agreements(documentID: document.id) {
                choices.quotedPassages[agreement.id] = agreement.source.quote
            }
        }
        return choices
    }
}

/// A document in a choice list: its title, with its date as written when known.
private func documentChoice(_ header: DocumentHeader) -> Choice {
    Choice(value: header.id, label: header.date.map { "\(header.title) (\($0.wording))" } ?? header.title, isContent: true)
}
