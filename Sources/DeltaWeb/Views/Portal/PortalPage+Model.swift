/// The public entry page (`/portal`), written for citizens: what the two countries agreed, by
/// whom and when; what happened since (milestones reached, decisions taken); what is late; and
/// the next political consultation. Built from public records only, whoever asks.
struct PortalPage: Codable, Sendable {
    let title: String
    let today: String
    let todayLabel: String
    /// The texts the governments signed that hold agreements, newest first.
    let agreed: [AgreedDocumentView]
    /// Milestones reached, most recent first.
    let achieved: [MilestoneView]
    /// Decisions of meetings whose minutes are approved, newest meeting first.
    let decisions: [PortalDecisionView]
    /// Milestones whose latest possible deadline has passed, the longest late first, at most
    /// `OverviewPage.listLimit`.
    let late: [MilestoneView]
    /// "100 of 2 000 milestones." when the list is cut; nil when it shows them all.
    let lateCut: String?
    let nextConsultation: PortalMeetingView?
}

/// A signed text and how many agreements the register keeps from it.
struct AgreedDocumentView: Codable, Sendable {
    let id: String
    let title: String
    let url: String
    let kindLabel: String
    let date: String?
    let dateLabel: String?
    let place: String?
    let signatories: [SignatoryView]
    let agreementCount: Int
    let agreementsLabel: String
}

/// A decision, with the meeting that took it.
struct PortalDecisionView: Codable, Sendable {
    let id: String
    let text: String
    let meeting: LinkView
    let body: LinkView?
    let whenLabel: String
    let url: String
}

/// A planned meeting.
struct PortalMeetingView: Codable, Sendable {
    let id: String
    let title: String
    let url: String
    let body: LinkView?
    let whenLabel: String
    let place: String?
}
