import DeltaDomain
import DeltaReports
import DeltaStore
import SQLKit

/// The change feeds, built from the audit log: the public one (`/feed.atom`: new and changed
/// dossiers, documents, agreements, milestones and meetings, and approved minutes — the decisions
/// made public) and a person's (`/feeds/{secret}/changes.atom`: every change to a record the
/// person may read, with who made it and the meeting work: agendas, decisions, actions).
///
/// An entry names the record by its *current* title and says what kind of change it was (which
/// fields, or a milestone's new status). It never shows earlier values: a record that became
/// public may have had texts before that were not.
struct ChangeFeed: Sendable {
    /// Whose feed: the public's, or one signed-in person's.
    enum Audience: Sendable { case everyone, person }

    /// At most this many entries are shown …
    static let maximumEntries = 50
    /// … found among at most this many latest audit entries of the kinds the feed shows, so the
    /// work per request is bounded whatever the size of the log.
    static let scannedEntries = 1_000

    static let publicKinds: [RecordKind] = [.dossier, .document, .agreement, .milestone, .meeting]
    /// What the public learns about a meeting: that it is planned or changed, and that its minutes
    /// (and with them its decisions) were approved. Agenda work and draft decisions stay internal.
    static let publicMeetingActions: Set<String> = ["import", "create", "update", "minutes-approved"]
    /// Actions that never reach a feed: private notes belong to one delegation.
    static let hiddenActions: Set<String> = ["private-note"]

    let audience: Audience
    let register: Register
    let labels: Labels
    /// The site's address (scheme and host), put before every link.
    let base: String

    /// The entries, newest first. One read of the log, then one read per kind of record the feed shows.
    func entries() async throws -> [AtomFeed.Entry] {
        let kinds = audience == .everyone ? Self.publicKinds : RecordKind.allCases
        let log = try await AuditLog(db: register.db).recent(kinds: kinds.map(\.rawValue), limit: Self.scannedEntries)
        let wanted = log.filter { entry in
            guard !Self.hiddenActions.contains(entry.action) else { return false }
            if audience == .everyone, entry.recordKind == RecordKind.meeting.rawValue { return Self.publicMeetingActions.contains(entry.action) }
            return true
        }
        // Every kind the feed can show is read, named or not, so a request costs the same statements whatever the log holds.
        let named = try await RecordNames.read(kinds: Set(kinds), register: register)
        var entries: [AtomFeed.Entry] = []
        for entry in wanted {
            guard let kind = RecordKind(rawValue: entry.recordKind), let record = named[kind]?[entry.recordID] else { continue }
            entries.append(AtomFeed.Entry(
                id: AtomFeed.uuidIRI(fromHex: entry.hash),
                title: labels.text("feed.atom.entryTitle", ["kind": Self.capitalised(labels.recordKind(kind.rawValue)), "title": record.title]),
                updated: entry.at, link: base + record.path, summary: summary(of: entry, kind: kind),
                author: audience == .person ? entry.actor : nil, category: kind.rawValue))
            if entries.count == Self.maximumEntries { break }
        }
        return entries
    }

    /// A changed field as its edit form labels it ("Titel", "Spoorverbindingen"), else as stored.
    private func fieldName(_ field: String, kind: RecordKind) -> String {
        let groups: [RecordKind: String] = [
            .dossier: "dossiers", .agreement: "agreements", .milestone: "milestones", .meeting: "meetings", .organisation: "organisations",
            .investment: "investments", .document: "documents", .goal: "goals", .indicator: "indicators", .allocationRegime: "regimes",
            .railLink: "railLinks",
        ]
        // The record's stored names where the form's differ.
        let formName = ["railLinkIDs": "railLinks"][field] ?? field
        guard let group = groups[kind] else { return field }
        let key = "form.\(group).\(formName)"
        return labels.catalogue.has(key) ? labels.text(key) : field
    }

    /// "vergadering" → "Vergadering": a kind's name opens the entry's title.
    static func capitalised(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }

    /// What happened, in the reader's language: never a value from before the change.
    private func summary(of entry: AuditEntry, kind: RecordKind) -> String {
        switch entry.action {
        case "import": return labels.text("feed.atom.imported")
        case "create": return labels.text("feed.atom.created")
        case "update":
            if kind == .milestone, let status = entry.changes.first(where: { $0.field == "status" })?.after.flatMap(MilestoneStatus.init(rawValue:)) {
                return labels.text("feed.status", ["status": labels.milestoneStatus(status)])
            }
            let fields = entry.changes.map { fieldName($0.field, kind: kind) }.joined(separator: ", ")
            return fields.isEmpty ? labels.text("feed.atom.updated") : labels.text("feed.atom.updatedFields", ["fields": fields])
        case "minutes-approved": return labels.text("feed.atom.minutesApproved")
        case "minutes-correction": return labels.text("feed.atom.minutesCorrection")
        case "agenda": return labels.text("feed.atom.agenda")
        case "members": return labels.text("feed.atom.members")
        case "action-status": return labels.text("feed.atom.actionStatus")
        case "outcome-removed": return labels.text("feed.atom.outcomeRemoved")
        case "outcome-decision": return labels.text("feed.atom.decision")
        case "outcome-action": return labels.text("feed.atom.action")
        case "outcome-information": return labels.text("feed.atom.information")
        default: return labels.text("feed.atom.updated")
        }
    }
}
