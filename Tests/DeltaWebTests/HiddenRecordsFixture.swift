import DeltaDomain
import DeltaImport
import DeltaStore
import DeltaTestSupport
import Foundation

/// The leak test's register (`Tests/Fixtures/hidden-records.yaml`) and what the data format cannot
/// hold: agendas, outcomes, minutes and a private note, added through the stores the forms use.
enum HiddenRecordsFixture {
    /// The strings no anonymous answer may contain: every id of a record that is not public starts
    /// with the first, every text of one holds it; public records that cannot be shown because
    /// what they hang on is hidden carry the second. Compared without regard to case.
    static let markers = ["zzpriv", "zzhide"]

    /// The YAML file, imported through the real importer.
    static var file: String { TestPaths.hiddenRecordsFixture }

    /// The ids of the file's hidden records (both markers) by section ("dossiers", "allocation_regimes").
    static func hiddenIDs() throws -> [String: [String]] {
        // Read as lines (Yams would turn dates into values JSONValue does not hold): a section is a
        // line "name:" at the margin, a record id "id: …" inside it.
        var result: [String: [String]] = [:]
        var section = ""
        for line in try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n") {
            if let name = String(line).captures(#"^([a-z_]+):\s*$"#).first { section = name }
            for id in String(line).captures(#"\bid: (zz[a-z0-9-]+)"#) where markers.contains(where: { id.hasPrefix($0) }) {
                result[section, default: []].append(id)
            }
        }
        return result
    }

    /// The first marker found in `text` (case-insensitive), with a little context; nil when none.
    static func leak(in text: String, ignoring echoed: String? = nil) -> String? {
        var text = text
        if let echoed, !echoed.isEmpty { text = text.replacingOccurrences(of: echoed, with: "") }
        for marker in markers {
            guard let range = text.range(of: marker, options: .caseInsensitive) else { continue }
            let start = text.index(range.lowerBound, offsetBy: -60, limitedBy: text.startIndex) ?? text.startIndex
            let end = text.index(range.upperBound, offsetBy: 60, limitedBy: text.endIndex) ?? text.endIndex
            return String(text[start..<end]).replacingOccurrences(of: "\n", with: "⏎")
        }
        return nil
    }

    /// A fresh SQLite register holding the file and the meeting records.
    static func makeRegister() async throws -> any DatabaseEngine {
        let engine = try await makeDatabase(importing: [file])
        do {
            try await addMeetingRecords(engine)
        } catch {
            await engine.shutdown()
            throw error
        }
        return engine
    }

    /// Agendas, outcomes and minutes of the meetings the register holds (a register holding only the
    /// public records gets those of the public meetings, the same as the full one), and a private note.
    static func addMeetingRecords(_ engine: any DatabaseEngine) async throws {
        let actor = AuditActor(name: "rita", via: "session")
        // Fixed, so that two registers built at different moments show the same correction.
        let now = Date(timeIntervalSince1970: 1_790_000_000)
        try await engine.transaction { db in
            let present = Set(try await Register(db: db, scope: .everything).meetings().map(\.id))
            let dossiers = Set(try await Register(db: db, scope: .everything).dossiers().map(\.id))
            let store = MeetingStore(db: db)
            func day(_ text: String) -> CalendarDate { FuzzyPeriod.parse(text)!.earliest }

            // A public meeting with approved minutes whose agenda and outcomes refer to hidden records.
            if present.contains("pub-meeting") {
                let items = [
                    AgendaItem(id: "pub-item-1", meetingID: "pub-meeting", position: 0, title: "Publiek agendapunt over de planning",
                               reason: .overdueMilestone, dossierID: "zzpriv-dossier-int", milestoneID: "zzpriv-ms-int"),
                    AgendaItem(id: "pub-item-2", meetingID: "pub-meeting", position: 1, title: "Publiek agendapunt over de afspraken",
                               reason: .agreementWithoutProgress, dossierID: "pub-dossier", agreementID: "zzpriv-agr-int"),
                    AgendaItem(id: "pub-item-3", meetingID: "pub-meeting", position: 2, title: "Publiek agendapunt over een nota",
                               reason: .newDocument, dossierID: "pub-dossier", documentID: "zzpriv-doc-int"),
                    AgendaItem(id: "pub-item-4", meetingID: "pub-meeting", position: 3, title: "Publiek agendapunt over de mijlpaal",
                               reason: .milestoneDue, dossierID: "pub-dossier", milestoneID: "pub-ms"),
                    AgendaItem(id: "pub-item-5", meetingID: "pub-meeting", position: 4, title: "Publiek agendapunt over een verborgen mijlpaal",
                               reason: .milestoneDue, dossierID: "pub-dossier", milestoneID: "zzhide-ms"),
                ]
                try await store.replaceAgenda(meetingID: "pub-meeting", with: items, actor: actor)
                try await store.addOutcome(Outcome(id: "pub-besluit-1", meetingID: "pub-meeting", agendaItemID: "pub-item-1", kind: .decision,
                                                   text: "Publiek besluit over de planning",
                                                   change: RegisterChange(kind: .milestoneStatus, recordID: "zzpriv-ms-int", value: "delayed")),
                                           actor: actor)
                try await store.addOutcome(Outcome(id: "pub-besluit-2", meetingID: "pub-meeting", agendaItemID: "pub-item-2", kind: .decision,
                                                   text: "Publiek besluit over de afspraken",
                                                   change: RegisterChange(kind: .agreementCompletion, recordID: "zzpriv-agr-int", value: "limited")),
                                           actor: actor)
                try await store.addOutcome(Outcome(id: "pub-besluit-3", meetingID: "pub-meeting", agendaItemID: "pub-item-4", kind: .decision,
                                                   text: "Publiek besluit over het mandaat",
                                                   change: RegisterChange(kind: .mandateGiven, recordID: "zzpriv-dossier-int", value: "2026-03-10")),
                                           actor: actor)
                try await store.addOutcome(Outcome(id: "pub-actie-1", meetingID: "pub-meeting", agendaItemID: "pub-item-2", kind: .action,
                                                   text: "Publieke actie van een verborgen organisatie", ownerID: "zzpriv-org-int",
                                                   ownerPerson: "Publieke actiehouder", due: FuzzyPeriod.parse("eind 2026")), actor: actor)
                try await store.addOutcome(Outcome(id: "pub-actie-2", meetingID: "pub-meeting", kind: .action,
                                                   text: "Publieke actie", ownerID: "pub-org-nl", due: FuzzyPeriod.parse("Q4 2026")), actor: actor)
                try await store.approve(meetingID: "pub-meeting", on: day("2026-04-01"), by: "zzpriv-meeting-int", actor: actor)
                try await store.addCorrection(meetingID: "pub-meeting", text: "Publieke correctie", actor: actor, now: now)
            }
            // A public meeting whose minutes are still a draft: none of it is public yet.
            if present.contains("pub-meeting-draft") {
                let item = AgendaItem(id: "zzpriv-draft-item", meetingID: "pub-meeting-draft", position: 0,
                                      title: "ZZPRIV conceptagendapunt", reason: .manual, dossierID: "pub-dossier")
                try await store.replaceAgenda(meetingID: "pub-meeting-draft", with: [item], actor: actor)
                try await store.addOutcome(Outcome(id: "zzpriv-draft-besluit", meetingID: "pub-meeting-draft", agendaItemID: item.id,
                                                   kind: .decision, text: "ZZPRIV conceptbesluit"), actor: actor)
                try await store.addOutcome(Outcome(id: "zzpriv-draft-actie", meetingID: "pub-meeting-draft", kind: .action,
                                                   text: "ZZPRIV conceptactie", ownerID: "pub-org-nl", due: FuzzyPeriod.parse("eind 2026")),
                                           actor: actor)
            }
            // Hidden meetings with approved minutes and an open action (open actions follow a body's
            // later meetings) and a parked item.
            if present.contains("zzpriv-meeting-int") {
                let item = AgendaItem(id: "zzpriv-int-item", meetingID: "zzpriv-meeting-int", position: 0,
                                      title: "ZZPRIV intern agendapunt", reason: .manual, dossierID: "zzpriv-dossier-int", parked: true)
                try await store.replaceAgenda(meetingID: "zzpriv-meeting-int", with: [item], actor: actor)
                try await store.addOutcome(Outcome(id: "zzpriv-besluit", meetingID: "zzpriv-meeting-int", agendaItemID: item.id,
                                                   kind: .decision, text: "ZZPRIV intern besluit"), actor: actor)
                try await store.addOutcome(Outcome(id: "zzpriv-actie", meetingID: "zzpriv-meeting-int", kind: .action,
                                                   text: "ZZPRIV interne actie", ownerID: "pub-org-nl", ownerPerson: "ZZPRIV actiehouder",
                                                   due: FuzzyPeriod.parse("eind 2026")), actor: actor)
                try await store.approve(meetingID: "zzpriv-meeting-int", on: day("2026-05-05"), by: "chair", actor: actor)
                try await store.addCorrection(meetingID: "zzpriv-meeting-int", text: "ZZPRIV interne correctie", actor: actor, now: now)
            }
            if present.contains("zzpriv-meeting-priv") {
                try await store.replaceAgenda(meetingID: "zzpriv-meeting-priv", with: [
                    AgendaItem(id: "zzpriv-priv-item", meetingID: "zzpriv-meeting-priv", position: 0, title: "ZZPRIV privé agendapunt",
                               reason: .manual, dossierID: "pub-dossier"),
                ], actor: actor)
            }
            if present.contains("zzhide-meeting") {
                try await store.addOutcome(Outcome(id: "zzhide-besluit", meetingID: "zzhide-meeting", kind: .decision,
                                                   text: "ZZHIDE besluit van een verborgen overleg"), actor: actor)
                try await store.approve(meetingID: "zzhide-meeting", on: day("2026-04-02"), by: "chair", actor: actor)
            }
            if dossiers.contains("pub-dossier") {
                try await AccountStore(db: db).create(Account(id: "rita", displayName: "ZZPRIV Rita", delegation: "NL", role: .reader),
                                                      passwordHash: "not-a-hash", now: now)
                try await NoteStore(db: db).add(PrivateNote(id: "zzpriv-note", recordKind: .dossier, recordID: "pub-dossier", delegation: "NL",
                                                            authorID: "rita", authorName: "ZZPRIV auteur", text: "ZZPRIV notitie van de delegatie",
                                                            createdAt: "2026-03-01T10:00:00Z"), actor: actor)
            }
        }
    }
}
