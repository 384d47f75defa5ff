import DeltaDomain
import Foundation
import SQLKit

/// The private side of the obstacle register: what reporters sent, their contact addresses, the
/// secrets of their status links, the editors' messages to them and the intake's submission
/// counts. The only reader of `obstacle_reports`; no page, API answer, feed, search entry or
/// export reads through it except the reporter's status page (by secret) and the triage page
/// (for those who may edit the obstacle).
public struct ObstacleDesk: Sendable {
    let db: any SQLDatabase

    /// The desk over a connection (inside a transaction for writes).
    public init(db: any SQLDatabase) { self.db = db }

    /// What the reporter's status page shows.
    public struct ReporterView: Sendable, Hashable {
        public var obstacle: Obstacle
        public var report: ObstacleReport
        public var receivedAt: String
        public var messages: [ObstacleMessage]
    }

    /// What the triage page adds to the record: the report as sent and where to answer.
    public struct Intake: Sendable, Hashable {
        public var report: ObstacleReport
        public var contact: String
        public var receivedAt: String
    }

    /// Stores a new report: the record (with its audit entry, through `RecordEditor`) and, beside
    /// it, the report as sent, the contact address and the hash of the status link's secret.
    public func receive(_ report: ObstacleReport, obstacle: Obstacle, contact: String, secret: String, actor: AuditActor, now: Date) async throws {
        try await RecordEditor(db: db, actor: actor).save(obstacle, expectedVersion: nil, action: "report")
        try await db.insert(into: "obstacle_reports").columns("obstacle_id", "contact", "secret_hash", "report_json", "received_at")
            .values(SQLBind(obstacle.id), SQLBind(contact), SQLBind(Secrets.sha256(secret)), SQLBind(JSONColumn.encode(report)),
                    SQLBind(now.formatted(.iso8601)))
            .run()
    }

    /// Whether a reference number is taken (they are random; a clash is retried).
    public func referenceTaken(_ reference: String) async throws -> Bool {
        try await db.select().column("id").from("obstacles").where("reference", .equal, reference).first() != nil
    }

    /// The reporter's view for a status link's secret; nil for a secret nobody was given. The
    /// secret is the reader's right to this one obstacle, whatever its visibility: this read
    /// deliberately does not go through a `ReadScope`.
    public func reporterView(secret: String) async throws -> ReporterView? {
        guard let row = try await db.select().columns("obstacle_id", "report_json", "received_at").from("obstacle_reports")
            .where("secret_hash", .equal, Secrets.sha256(secret)).first() else { return nil }
        let id = try row.decode(column: "obstacle_id", as: String.self)
        guard let obstacle = try await Register(db: db, scope: .everything).obstacle(id: id),
              let report = try JSONColumn.decode(ObstacleReport.self, try row.decode(column: "report_json", as: String.self), column: "report_json")
        else { return nil }
        return ReporterView(obstacle: obstacle, report: report, receivedAt: try row.decode(column: "received_at", as: String.self),
                            messages: try await messages(obstacleID: id))
    }

    /// The report as sent and the contact address, for the triage page; nil for obstacles that
    /// came in otherwise (the ones documents name).
    public func intake(obstacleID: String) async throws -> Intake? {
        guard let row = try await db.select().columns("contact", "report_json", "received_at").from("obstacle_reports")
            .where("obstacle_id", .equal, obstacleID).first(),
              let report = try JSONColumn.decode(ObstacleReport.self, try row.decode(column: "report_json", as: String.self), column: "report_json")
        else { return nil }
        return Intake(report: report, contact: try row.decode(column: "contact", as: String.self),
                      receivedAt: try row.decode(column: "received_at", as: String.self))
    }

    /// The messages to the reporter, oldest first.
    public func messages(obstacleID: String) async throws -> [ObstacleMessage] {
        try await db.select().columns("at", "text").from("obstacle_messages").where("obstacle_id", .equal, obstacleID)
            .orderBy("position").all()
            .map { ObstacleMessage(at: try $0.decode(column: "at", as: String.self), text: try $0.decode(column: "text", as: String.self)) }
    }

    /// Adds a message to the reporter, with its audit entry, in the caller's transaction.
    public func send(_ text: String, obstacleID: String, actor: AuditActor, now: Date) async throws {
        let last = try await db.raw("SELECT MAX(position) AS last FROM obstacle_messages WHERE obstacle_id = \(bind: obstacleID)").first()
        let position = (try last?.decode(column: "last", as: Int?.self) ?? 0) + 1
        try await db.insert(into: "obstacle_messages").columns("obstacle_id", "position", "at", "author", "text")
            .values(SQLBind(obstacleID), SQLBind(position), SQLBind(now.formatted(.iso8601)), SQLBind(actor.name), SQLBind(text))
            .run()
        try await AuditLog(db: db).append(actor: actor, kind: RecordKind.obstacle.rawValue, id: obstacleID, action: "message",
                                          changes: [FieldChange(field: "message", before: nil, after: text)], now: now)
    }

    /// Counts a submission from `clientKey` in one statement (an upsert that starts a new window
    /// when the last one is over) and returns the submissions in the current window, this one
    /// included: parallel submissions each see the ones before them.
    public func countSubmission(clientKey: String, now: Date, windowSeconds: Int) async throws -> Int {
        let seconds = Int(now.timeIntervalSince1970)
        let windowStart = seconds - windowSeconds
        let row = try await db.raw("""
            INSERT INTO obstacle_intake_attempts (client_key, attempts, window_start) VALUES (\(bind: clientKey), 1, \(bind: seconds))
            ON CONFLICT (client_key) DO UPDATE SET
                attempts = CASE WHEN obstacle_intake_attempts.window_start <= \(bind: windowStart) THEN 1
                                ELSE obstacle_intake_attempts.attempts + 1 END,
                window_start = CASE WHEN obstacle_intake_attempts.window_start <= \(bind: windowStart) THEN \(bind: seconds)
                                    ELSE obstacle_intake_attempts.window_start END
            RETURNING attempts
            """).first()
        return try row?.decode(column: "attempts", as: Int.self) ?? 1
    }
}
