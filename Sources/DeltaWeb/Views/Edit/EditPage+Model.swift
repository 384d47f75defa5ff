import DeltaServices
import DeltaStore
import Foundation

/// An edit form (new or existing record), possibly showing a conflict with a newer version.
struct EditPage: Codable, Sendable {
    let title: String
    let kindLabel: String
    /// Where the form posts to.
    let action: String
    let isNew: Bool
    let id: String
    /// The version the form was loaded from; saving over another one is a conflict.
    let version: Int
    let fields: [FieldView]
    /// Whether any field is wrong (a Bool: mustache treats the number 0 as true).
    let hasErrors: Bool
    /// A message about the whole form (not one field).
    let formError: String?
    let conflict: ConflictView?
    let cancel: String
    let history: String?
    let isMultipart: Bool
    /// The dossier page the form was opened from, to return to after saving (a shared milestone).
    var from: String?
    /// For an agreement: the chosen document's paragraphs, to copy the passage from.
    var paragraphs: [ParagraphChoice] = []
}

/// A paragraph of a document, offered on the agreement form.
struct ParagraphChoice: Codable, Sendable {
    let anchor: String
    let text: String
}

/// One field of an edit form with its value, message and, in a conflict, the stored value.
struct FieldView: Codable, Sendable {
    let name: String
    let label: String
    let value: String
    let error: String?
    let hint: String?
    let required: Bool
    let isText: Bool
    let isTextarea: Bool
    let isDate: Bool
    let isNumber: Bool
    let isSelect: Bool
    let isFile: Bool
    let options: [OptionView]
    /// The ids of the hint and the error message that describe the control (`aria-describedby`).
    let describedBy: String?
    /// The newer stored value, when it differs from what the user submitted.
    let theirs: String?
    /// The value of the version the form edits (sent back to tell the user's changes from others').
    var base: String?

    init(_ spec: FieldSpec, value: String, error: String?, theirs: String?) {
        name = spec.name; label = spec.label; self.value = value; self.error = error; hint = spec.hint; required = spec.required
        let described = [spec.hint.map { _ in "h-\(spec.name)" }, error.map { _ in "e-\(spec.name)" }].compactMap { $0 }
        describedBy = described.isEmpty ? nil : described.joined(separator: " ")
        var text = false, area = false, date = false, number = false, select = false, file = false
        var options: [OptionView] = []
        switch spec.input {
        case .text: text = true
        case .textarea: area = true
        case .date: date = true
        case .number: number = true
        case .file: file = true
        case .select(let choices):
            select = true
            options = choices.map { OptionView(value: $0.value, label: $0.label, selected: $0.value == value, isContent: $0.isContent) }
            if !value.isEmpty, !choices.contains(where: { $0.value == value }) {
                options.append(OptionView(value: value, label: value, selected: true, isContent: true))
            }
        }
        isText = text; isTextarea = area; isDate = date; isNumber = number; isSelect = select; isFile = file
        self.options = options
        self.theirs = theirs
    }
}

/// An option of a select field.
struct OptionView: Codable, Sendable {
    let value: String
    let label: String
    let selected: Bool
    /// Register content (a title, a name), marked with the register's language on the page.
    let isContent: Bool
}

/// What changed meanwhile: who saved the newer version and every field that differs.
struct ConflictView: Codable, Sendable {
    let yourVersion: Int
    let currentVersion: Int
    let changedBy: String?
    let changedAt: String?
    let rows: [ConflictRow]
}

/// A field in the side-by-side comparison.
struct ConflictRow: Codable, Sendable {
    let label: String
    let yours: String
    let theirs: String
    let differs: Bool
    /// Both the user and the other person changed this field: the user must choose.
    let bothChanged: Bool
    /// What the merged form holds for this field, in Dutch.
    let resolution: String
}

/// A record as the JSON API edits it: its form fields and version.
struct RecordDocument: Codable, Sendable {
    let kind: String
    let id: String
    let version: Int
    let fields: [String: String]
}

/// The body of `PUT`/`POST` on the record API.
struct RecordInput: Codable, Sendable {
    let id: String?
    let fields: [String: String]
}

/// A problem document with details for validation errors and conflicts (RFC 9457 extension members).
struct DetailedProblem: Codable, Sendable {
    let type: String
    let title: String
    let status: Int
    let detail: String
    var errors: [String: String]?
    var currentVersion: Int?
    var current: RecordDocument?
    var yours: RecordDocument?
    var currentMembers: MembershipList?
}

/// The history of one record.
struct HistoryPage: Codable, Sendable {
    let title: String
    let recordLink: String
    let entries: [AuditEntryView]
}

/// The recent changes across the register (admins).
struct ChangesPage: Encodable, Sendable {
    let title: String
    let entries: [AuditEntryView]
}

/// An audit entry as pages show it.
struct AuditEntryView: Codable, Sendable {
    let sequence: Int
    let at: String
    let actor: String
    let via: String
    let address: String?
    let recordKind: String
    let recordID: String
    let action: String
    let changes: [FieldChange]
    /// For a change made by a meeting's decision: the decision in that meeting's minutes.
    let link: String?

    init(_ entry: AuditEntry) {
        sequence = entry.sequence
        at = String(entry.at.prefix(19)).replacingOccurrences(of: "T", with: " ")
        actor = entry.actor; via = entry.via; address = entry.address
        recordKind = entry.recordKind; recordID = entry.recordID; action = entry.action; changes = entry.changes
        if entry.action.hasPrefix("decision "), case let parts = entry.action.dropFirst("decision ".count).split(separator: "/"), parts.count == 2 {
            link = "/meetings/\(parts[0])#outcome-\(parts[1])"
        } else {
            link = nil
        }
    }
}

/// The accounts list (admins).
struct UsersPage: Encodable, Sendable {
    let title: String
    let users: [UserRow]
}

/// An account in the list.
struct UserRow: Codable, Sendable {
    let username: String
    let displayName: String
    let delegation: String
    let roleLabel: String
    let scope: String
    let disabled: Bool
}
