/// The public intake form (`/obstacles/report`), empty or refilled after a refusal.
struct ObstacleReportPage: Codable, Sendable {
    let title: String
    /// The form's own double-submit token (the same in a cookie).
    let csrfToken: String
    /// When the form was handed out, signed (`FormStamp`).
    let stamp: String
    /// What the person typed, so that a refusal loses nothing (never the honeypot).
    let values: [String: String]
    /// Messages by field; `_form` above the form.
    let errors: [String: String]
    let formError: String?
    let domains: [ObstacleFormChoice]
    /// The length limits, shown with the fields and enforced by the browser too.
    let limits: [String: Int]
    /// The fields with a message, in the form's order, for the summary at the top.
    let problems: [ObstacleProblem]
}

/// A domain in the intake form's list.
struct ObstacleFormChoice: Codable, Sendable {
    let value: String
    let label: String
    let selected: Bool
}

/// A field with a message, linked from the summary above the form.
struct ObstacleProblem: Codable, Sendable {
    let field: String
    let message: String
}

/// The answer to an accepted report: its reference number and the private status link, shown once.
struct ObstacleReceivedPage: Codable, Sendable {
    let title: String
    let reference: String
    let statusURL: String
}

/// The reporter's status page (`/obstacles/status/{secret}`): where their report stands and
/// what the editors wrote to them.
struct ObstacleStatusPage: Codable, Sendable {
    let title: String
    let reference: String?
    let status: String
    let statusLabel: String
    let statusReason: String?
    let published: Bool
    let publicURL: String?
    let report: ObstacleReportView
    let receivedAt: String
    let messages: [ObstacleMessageView]
}

/// A report as the reporter sent it.
struct ObstacleReportView: Codable, Sendable {
    let title: String
    let description: String
    let placeBelgium: String?
    let placeNetherlands: String?
    let since: String?
    let affected: String?
    let domainLabel: String
}

/// A message to the reporter.
struct ObstacleMessageView: Codable, Sendable {
    let at: String
    let text: String
}

/// The editors' triage page (`/obstacles/{id}/triage`): the record, the report as sent, the
/// contact address, the messages and the form to write one.
struct ObstacleTriagePage: Codable, Sendable {
    let title: String
    let obstacle: ObstacleView
    let report: ObstacleReportView?
    let contact: String?
    let receivedAt: String?
    let messages: [ObstacleMessageView]
    let message: String
    let messageError: String?
    let historyURL: String
}
