/// The kinds of record a person can edit; also the `record_kind` of audit entries and notes.
public enum RecordKind: String, Sendable, Codable, CaseIterable, Hashable {
    case organisation, document, body, dossier, agreement, milestone, meeting, investment, goal, indicator, allocationRegime, railLink, obstacle
}
