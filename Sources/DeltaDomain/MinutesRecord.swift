/// The minutes of a meeting: drafted, then approved; approved minutes change only by correction.
public struct MinutesRecord: Hashable, Sendable, Codable {
    public var meetingID: String
    public var status: MinutesStatus
    public var approvedOn: CalendarDate?
    /// Who approved: "chair" or the meeting at which they were approved.
    public var approvedBy: String?
    /// Corrections made after approval, oldest first.
    public var corrections: [MinutesCorrection]

    public init(meetingID: String, status: MinutesStatus = .draft, approvedOn: CalendarDate? = nil, approvedBy: String? = nil,
                corrections: [MinutesCorrection] = []) {
        self.meetingID = meetingID; self.status = status; self.approvedOn = approvedOn; self.approvedBy = approvedBy
        self.corrections = corrections
    }

    /// Whether outcomes may still be added, changed or removed.
    public var isEditable: Bool { status == .draft }
}
