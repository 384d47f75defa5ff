import DeltaDomain
import DeltaReports
import DeltaStore
import Foundation

/// The public intake of cross-border obstacles: no account, so every submission passes the spam
/// measures before anything is stored — a limit per client address, a honeypot field that people
/// do not see, and a minimum time between handing out the form and sending it (a signed stamp).
/// A refusal stores nothing (but the count) and says why, next to the field or above the form.
package struct ObstacleIntake: Sendable {
    /// The intake's limits; tests shorten the minimum time.
    package struct Rules: Sendable {
        /// Submissions one client address may make per window.
        package var submissionsPerWindow = 10
        package var windowSeconds = 60 * 60
        /// Seconds a person needs at least to fill in the form.
        package var minimumSeconds = 5.0
        /// A form older than this is expired (its stamp is renewed on the refusal).
        package var maximumAgeSeconds = 24.0 * 60 * 60

        package init() {}
    }

    /// The form's fields and their limits.
    package enum Field {
        package static let limits: [String: Int] = [
            "title": 200, "description": 4_000, "placeBelgium": 200, "placeNetherlands": 200, "since": 100, "affected": 500, "contact": 254,
        ]
        /// The honeypot: a field named like one a program fills in, hidden from people.
        package static let honeypot = "website"
        package static let stamp = "_started"
    }

    /// What became of a submission.
    package enum Outcome: Sendable {
        /// Stored: the reference number and the status link's secret, shown once.
        case received(reference: String, secret: String)
        /// Refused: messages by field (`_form` above the form); `tooMany` for the rate limit.
        case refused(errors: [String: String], tooMany: Bool)
    }

    let engine: any DatabaseEngine
    let rules: Rules
    /// The key of the form stamps.
    let stampKey: String

    package init(engine: any DatabaseEngine, rules: Rules, stampKey: String) {
        self.engine = engine; self.rules = rules; self.stampKey = stampKey
    }

    /// A fresh stamp for a form handed out now.
    package func stamp(now: Date) -> String { FormStamp.make(now: now, key: stampKey) }

    /// Checks and stores one submission from `client` (its address; only a hash is kept).
    package func submit(_ values: [String: String], client: String, now: Date, labels: Labels) async throws -> Outcome {
        let key = "address:" + Secrets.sha256(client)
        let count = try await engine.transaction { db in
            try await ObstacleDesk(db: db).countSubmission(clientKey: key, now: now, windowSeconds: rules.windowSeconds)
        }
        if count > rules.submissionsPerWindow {
            return .refused(errors: ["_form": labels.text("obstacles.intake.tooMany", ["minutes": labels.numbers.integer(rules.windowSeconds / 60)])],
                            tooMany: true)
        }
        if !(values[Field.honeypot] ?? "").isEmpty {
            return .refused(errors: ["_form": labels.text("obstacles.intake.honeypot")], tooMany: false)
        }
        guard let issued = FormStamp.issued(values[Field.stamp], key: stampKey), now.timeIntervalSince(issued) <= rules.maximumAgeSeconds,
              now.timeIntervalSince(issued) >= -60 else {
            return .refused(errors: ["_form": labels.text("obstacles.intake.expired")], tooMany: false)
        }
        if now.timeIntervalSince(issued) < rules.minimumSeconds {
            return .refused(errors: ["_form": labels.text("obstacles.intake.tooFast", ["seconds": labels.numbers.integer(Int(rules.minimumSeconds.rounded(.up)))])],
                            tooMany: false)
        }
        var reader = FieldReader(values, labels: labels)
        guard let (report, contact) = Self.read(&reader), reader.errors.isEmpty else { return .refused(errors: reader.errors, tooMany: false) }
        let secret = Secrets.random()
        let day = String(now.formatted(.iso8601).prefix(10))
        let reference = try await engine.transaction { db in
            let desk = ObstacleDesk(db: db)
            var reference = Self.reference(year: String(day.prefix(4)))
            // References are random (they tell nobody how many reports came in); a clash is drawn again.
            while try await desk.referenceTaken(reference) { reference = Self.reference(year: String(day.prefix(4))) }
            try await desk.receive(report, obstacle: report.obstacle(id: reference.lowercased(), reference: reference, reportedOn: day),
                                   contact: contact, secret: secret, actor: AuditActor(name: "reporter", via: "intake"), now: now)
            return reference
        }
        return .received(reference: reference, secret: secret)
    }

    /// The report and the contact address from the fields, with a message for each field that is wrong.
    static func read(_ r: inout FieldReader) -> (ObstacleReport, String)? {
        let l = r.labels
        let limits = Field.limits
        let title = r.required("title", l.text("obstacles.intake.field.title"), limit: limits["title"] ?? 0)
        let description = r.required("description", l.text("obstacles.intake.field.description"), limit: limits["description"] ?? 0)
        let placeBelgium = r.optional("placeBelgium", limit: limits["placeBelgium"] ?? 0)
        let placeNetherlands = r.optional("placeNetherlands", limit: limits["placeNetherlands"] ?? 0)
        if placeBelgium == nil, placeNetherlands == nil { r.fail("placeBelgium", l.text("obstacles.intake.placeMissing")) }
        let since = r.optional("since", limit: limits["since"] ?? 0)
        let affected = r.optional("affected", limit: limits["affected"] ?? 0)
        let domain = r.optionalChoice("domain", ObstacleDomain.self) ?? .other
        let contact = r.required("contact", l.text("obstacles.intake.field.contact"), limit: limits["contact"] ?? 0)
        if !contact.isEmpty, r.errors["contact"] == nil, !Self.isEmailAddress(contact) { r.fail("contact", l.text("obstacles.intake.contactInvalid")) }
        guard r.errors.isEmpty else { return nil }
        return (ObstacleReport(title: title, description: description, placeBelgium: placeBelgium, placeNetherlands: placeNetherlands,
                               since: since, affected: affected, domain: domain), contact)
    }

    /// An e-mail address as people write them: one @, something before it, a domain with a dot
    /// after it, no spaces or angle brackets. (Whether it exists only a message could tell.)
    static func isEmailAddress(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
              !text.contains(where: { $0.isWhitespace || "<>,;\"()[]\\".contains($0) }) else { return false }
        return true
    }

    /// A reference number: "GB-2026-" and six letters and digits that cannot be confused (no 0/O, 1/I).
    static func reference(year: String) -> String {
        let alphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        return "GB-\(year)-" + String((0..<6).map { _ in alphabet.randomElement() ?? "X" })
    }
}
