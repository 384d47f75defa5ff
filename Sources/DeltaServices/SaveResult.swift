import DeltaStore

/// What saving something came to — a record through a form or the API, a member list, a
/// meeting's agenda or minutes. HTML, JSON and the command line all render this one type.
package enum SaveResult<Value: Sendable>: Sendable {
    /// Written; `version` is the new version (the next `ETag`).
    case saved(Value, version: EntityVersion)
    /// Not written: a message per field (`_form` for the form as a whole), in the reader's language.
    case invalid([String: String])
    /// Not written: someone saved a newer version meanwhile. `current` is that version, so the
    /// reader can see both and merge.
    case conflict(current: Value, version: EntityVersion, changedBy: AuditEntry?)
}
