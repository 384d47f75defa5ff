import DeltaDomain
import DeltaReports
import DeltaStore

/// How one kind of record is edited: its fields, its values as form text, and how submitted text
/// becomes a record again. The same description serves the HTML form and the JSON API.
package protocol RecordForm: Sendable {
    associatedtype Record: StoredRecord
    /// The path segment of the kind's routes ("milestones").
    static var segment: String { get }
    /// The form's fields for a new record or an existing one.
    static func fields(_ choices: FormChoices, isNew: Bool, labels: Labels) -> [FieldSpec]
    /// The record as form values.
    static func values(of record: Record) -> [String: String]
    /// A record from submitted values; `existing` keeps what the form does not edit.
    static func build(_ reader: inout FieldReader, id: String, existing: Record?, choices: FormChoices) -> Record?
    /// The page to show the record on after saving.
    static func page(of record: Record) -> String
    /// The page to return to after saving when the form was opened from the page of `dossierID`
    /// (`?from=` on the edit link); the record's own page when that dossier is not one of its own.
    static func page(of record: Record, from dossierID: String?) -> String
}

extension RecordForm {
    package static func page(of record: Record, from dossierID: String?) -> String { page(of: record) }

    /// Choices for an enum, labelled in the reader's language.
    package static func enumChoices<E: RawRepresentable & CaseIterable>(_ type: E.Type, _ label: (E) -> String) -> [Choice] where E.RawValue == String {
        E.allCases.map { Choice(value: $0.rawValue, label: label($0)) }
    }

    package static func visibilityField(_ l: Labels) -> FieldSpec {
        FieldSpec(name: "visibility", label: l.text("form.common.visibility"), input: .select(enumChoices(Visibility.self, l.visibility)), required: true,
                  hint: l.text("form.common.visibilityHint"))
    }

    package static func optionalChoice(_ choices: [Choice]) -> [Choice] { [Choice(value: "", label: "—")] + choices }
}
