/// Why an item is on an agenda.
public enum AgendaReason: String, Sendable, Codable, CaseIterable, Hashable {
    /// An open milestone whose period has passed.
    case overdueMilestone = "overdue-milestone"
    /// An open milestone falling due before the next meeting.
    case milestoneDue = "milestone-due"
    /// A dossier whose health changed since the previous meeting.
    case healthChanged = "health-changed"
    /// An action still open from an earlier meeting (stays on every agenda until done).
    case openAction = "open-action"
    /// An agreement that is not (or hardly) started and due, without any change since the previous meeting.
    case agreementWithoutProgress = "agreement-without-progress"
    /// A document dated since the previous meeting that concerns the body's dossiers.
    case newDocument = "new-document"
    /// An item parked at an earlier meeting.
    case parked
    /// Added by hand.
    case manual
}
