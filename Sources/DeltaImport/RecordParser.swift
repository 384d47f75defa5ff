import DeltaDomain
import Foundation
import Yams

/// Turns composed data files into a `RegisterSnapshot`, collecting references and passages to
/// check once everything is read. Knows the format; knows nothing about databases.
struct RecordParser {
    var snapshot = RegisterSnapshot()
    /// References to records not read yet when they were read (`refer`).
    var references: [PendingReference] = []
    /// Where each record was defined, to report duplicates and unresolved passages.
    var definitions: [String: SourceLocation] = [:]
    /// Passages resolved after all documents are known; keyed by record kind and id.
    var passages: [(PendingPassage, assign: (inout RegisterSnapshot, PassageReference) -> Void)] = []
    /// Periods whose wording needs a reference year from a document; parsed during resolution.
    var documentYears: [String: Int] = [:]
    /// Where each record names its parent (`parent`, `part_of`), to report cycles at that line.
    var parentLocations: [String: SourceLocation] = [:]
    /// The link names of the dossiers read since the last part, resolved to links as the part is handed over.
    var linkNames: [PendingLinkName] = []
    /// The format version of the file being read.
    var fileVersion = 4
    /// The names of the stations links may pass (the shipped station file).
    var stationNames: Set<String> = []
    /// What the register holds already: references to it are settled, not waiting.
    var known = KnownRecords()
    /// Every link read so far (and those made from format 1–3 dossiers' names): the dossiers'
    /// names are resolved among them, part by part, after the links themselves are written.
    var railLinksRead: [RailLink] = []
    /// Each record's parent (`parent`, `part_of`), by kind, for the cycle check after reading
    /// (the records themselves are written and let go by then).
    var parents: [RecordKind: [String: String]] = [:]

    // MARK: Reading in parts

    /// The section being read (its place in `DataFormat.sections`).
    var section = 0
    /// The record being read (`kind/id`), set when it is defined.
    var current: String?
    /// Records of the section being read that must wait for its end before they are written: they
    /// refer to a record of their own kind not read yet (a parent further down), or to one that
    /// waits. Foreign keys only run to kinds read before or to the same kind, so this is the one
    /// order a part written early could break.
    var held: Set<String> = []
    /// A reference to a kind read before this section that no file defined and the register does
    /// not hold: the import will fail, so nothing more may be written (it would break a foreign key).
    var unresolvable = false
    /// Where the references of the section being read begin in `references`.
    var sectionReferences = 0

    // MARK: Organisations

    mutating func organisation(_ node: Node, file: String) throws {
        var map = try YAMLMapping(node, file: file, context: .kind(.organisation))
        let id = try map.id()
        map.context = .record(.organisation, id)
        try map.rejectUnknownKeys(["id", "name", "short_name", "country", "level", "parent", "website", "visibility"])
        try define(.organisation, id, map.location)
        let parent = try map.optionalID("parent")
        if let parent {
            refer(.init(kind: .organisation, id: parent, location: map.location(of: "parent"), context: map.context))
            self.parent(.organisation, id, is: parent, at: map.location(of: "parent"))
        }
        snapshot.organisations.append(Organisation(
            id: id, name: try map.string("name"), shortName: try map.optionalString("short_name"),
            country: try required(map, "country", Country.self), level: try required(map, "level", OrganisationLevel.self),
            parentID: parent, website: try map.optionalString("website"),
            visibility: try map.enumValue("visibility", Visibility.self) ?? .public))
    }

    // MARK: Documents

    mutating func document(_ node: Node, file: String) throws {
        var map = try YAMLMapping(node, file: file, context: .kind(.document))
        let id = try map.id()
        map.context = .record(.document, id)
        try map.rejectUnknownKeys(["id", "kind", "title", "date", "date_source", "stub", "relations", "place", "reference",
                                   "language", "issuers", "signatories", "deadline", "attachments", "summary", "text", "text_file",
                                   "visibility"])
        try define(.document, id, map.location)
        let isStub = try map.bool("stub") ?? false
        // A date may be a day, a month or a year ("juni 2026", "2022"), or absent when unknown.
        let date = try map.optionalString("date").map { wording in
            try CalendarDate(iso: wording).map { FuzzyPeriod(day: $0) } ?? period(wording, year: nil, map: map, key: "date")
        }
        if let date, date.earliest.year == date.latest.year { documentYears[id] = date.earliest.year }
        let issuers = try map.idList("issuers")
        issuers.forEach { refer(.init(kind: .organisation, id: $0, location: map.location(of: "issuers"), context: map.context)) }
        var signatories: [Signatory] = []
        for item in try map.list("signatories") {
            let signer = try YAMLMapping(item, file: file, context: map.context.signatory)
            try signer.rejectUnknownKeys(["name", "role", "organisation"])
            let organisation = try signer.optionalID("organisation")
            if let organisation { refer(.init(kind: .organisation, id: organisation, location: signer.location(of: "organisation"), context: signer.context)) }
            signatories.append(Signatory(name: try signer.string("name"), role: try signer.string("role"), organisationID: organisation))
        }
        let text: String
        switch (try map.optionalString("text"), try map.optionalString("text_file")) {
        case (let inline?, nil):
            text = inline
        case (nil, let relative?):
            let url = URL(fileURLWithPath: file).deletingLastPathComponent().appendingPathComponent(relative)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw map.error(key: "import.document.textFileUnreadable", ["file": .verbatim(relative), "path": .verbatim(url.path)], at: "text_file")
            }
            guard let decoded = String(data: data, encoding: .utf8) else {
                throw map.error(key: "import.document.textFileNotUTF8", ["file": .verbatim(relative)], at: "text_file")
            }
            text = decoded
        case (nil, nil):
            guard isStub else { throw map.error(key: "import.document.noText") }
            text = ""
        case (.some, .some):
            throw map.error(key: "import.document.twoTexts", at: "text")
        }
        var deadline: FuzzyPeriod?
        if let wording = try map.optionalString("deadline") {
            deadline = try period(wording, year: documentYears[id], map: map, key: "deadline")
        }
        let attachments = try map.int("attachments")
        if let attachments, attachments < 0 { throw map.error(key: "import.document.negativeAttachments", at: "attachments") }
        let index = snapshot.documents.count
        let relations = try documentRelations(map, documentID: id, index: index)
        snapshot.documents.append(Document(
            id: id, kind: try required(map, "kind", DocumentKind.self), title: try map.string("title"), date: date,
            dateSource: try map.optionalString("date_source"), isStub: isStub, relations: relations,
            place: try map.optionalString("place"), reference: try map.optionalString("reference"),
            language: try map.optionalString("language") ?? "nl", signatories: signatories, issuerIDs: issuers,
            deadline: deadline, attachmentCount: attachments, summary: try map.optionalString("summary"), text: text,
            visibility: try map.enumValue("visibility", Visibility.self) ?? .public))
    }

    // MARK: Bodies

    mutating func body(_ node: Node, file: String) throws {
        var map = try YAMLMapping(node, file: file, context: .kind(.body))
        let id = try map.id()
        map.context = .record(.body, id)
        try map.rejectUnknownKeys(["id", "name", "kind", "description", "cadence", "parent", "since", "meetings_recorded_since",
                                   "source", "members", "visibility"])
        try define(.body, id, map.location)
        let parent = try map.optionalID("parent")
        if let parent {
            refer(.init(kind: .body, id: parent, location: map.location(of: "parent"), context: map.context))
            self.parent(.body, id, is: parent, at: map.location(of: "parent"))
        }
        var cadence = CadenceRule.none
        if let rule = try map.mapping("cadence") {
            try rule.rejectUnknownKeys(["per_year", "per_half_year", "yearly_around", "every_years"])
            if let count = try rule.int("per_year") {
                guard count > 0 else { throw rule.error(key: "import.field.notAtLeastOne", ["field": "per_year"], at: "per_year") }
                cadence = .perYear(count: count)
            } else if let count = try rule.int("per_half_year") {
                guard count > 0 else { throw rule.error(key: "import.field.notAtLeastOne", ["field": "per_half_year"], at: "per_half_year") }
                cadence = .perHalfYear(count: count)
            } else if let years = try rule.int("every_years") {
                guard (1...10).contains(years) else { throw rule.error(key: "import.body.everyYearsRange", at: "every_years") }
                cadence = .everyYears(years: years)
            } else if let season = try rule.optionalString("yearly_around") {
                cadence = .yearlyAround(season: season)
            } else {
                throw rule.error(key: "import.body.noCadenceRule")
            }
        }
        for (position, item) in try map.list("members").enumerated() {
            let member = try YAMLMapping(item, file: file, context: map.context.member(position + 1))
            try member.rejectUnknownKeys(["organisation", "person", "role", "invited", "from", "until"])
            let organisation = try member.id("organisation")
            refer(.init(kind: .organisation, id: organisation, location: member.location(of: "organisation"), context: member.context))
            let role = try member.enumValue("role", MembershipRole.self) ?? .member
            let from = try member.date("from"), until = try member.date("until")
            if let from, let until, until < from { throw member.error(key: "import.body.untilBeforeFrom", at: "until") }
            snapshot.memberships.append(Membership(
                bodyID: id, organisationID: organisation, person: try member.optionalString("person"), role: role,
                invited: try member.bool("invited") ?? (role == .invited), from: from, until: until))
        }
        let index = snapshot.bodies.count
        snapshot.bodies.append(Body(
            id: id, name: try map.string("name"), kind: try required(map, "kind", BodyKind.self),
            description: try map.optionalString("description"), cadence: cadence, parentID: parent,
            establishedBy: nil, since: try map.date("since"), meetingsRecordedSince: try map.date("meetings_recorded_since"),
            visibility: try map.enumValue("visibility", Visibility.self) ?? .public))
        try passage(map, "source") { $0.bodies[index].establishedBy = $1 }
    }

    // MARK: Dossiers

    mutating func dossier(_ node: Node, file: String) throws {
        var map = try YAMLMapping(node, file: file, context: .kind(.dossier))
        let id = try map.id()
        map.context = .record(.dossier, id)
        try map.rejectUnknownKeys(["id", "title", "summary", "themes", "body", "leads", "rail_links", "mandate", "visibility"])
        try define(.dossier, id, map.location)
        let body = try map.optionalID("body")
        if let body { refer(.init(kind: .body, id: body, location: map.location(of: "body"), context: map.context)) }
        let leads = try map.idList("leads")
        leads.forEach { refer(.init(kind: .organisation, id: $0, location: map.location(of: "leads"), context: map.context)) }
        var mandate: PoliticalMandate?
        if let given = try map.mapping("mandate") {
            try given.rejectUnknownKeys(["given", "body", "document", "note"])
            let mandateBody = try given.optionalID("body"), mandateDocument = try given.optionalID("document")
            if let mandateBody { refer(.init(kind: .body, id: mandateBody, location: given.location(of: "body"), context: given.context)) }
            if let mandateDocument { refer(.init(kind: .document, id: mandateDocument, location: given.location(of: "document"), context: given.context)) }
            mandate = PoliticalMandate(
                given: try period(try given.string("given"), year: mandateDocument.flatMap { documentYears[$0] }, map: given, key: "given"),
                bodyID: mandateBody, documentID: mandateDocument, note: try given.optionalString("note"))
        }
        for name in try map.stringList("rail_links") {
            linkNames.append(PendingLinkName(dossierIndex: snapshot.dossiers.count, name: name, fileVersion: fileVersion,
                                             location: map.location(of: "rail_links"), context: map.context))
        }
        snapshot.dossiers.append(Dossier(
            id: id, title: try map.string("title"), summary: try map.string("summary"), themes: try map.stringList("themes"),
            bodyID: body, leadIDs: leads, mandate: mandate,
            visibility: try map.enumValue("visibility", Visibility.self) ?? .public))
    }

    // MARK: Agreements

    mutating func agreement(_ node: Node, file: String) throws {
        var map = try YAMLMapping(node, file: file, context: .kind(.agreement))
        let id = try map.id()
        map.context = .record(.agreement, id)
        try map.rejectUnknownKeys(["id", "title", "source", "parties", "dossiers", "body", "due", "completion", "evidence", "visibility"])
        try define(.agreement, id, map.location)
        guard let source = try map.mapping("source") else { throw map.error(key: "import.agreement.noSource") }
        let documentID = try source.id("document")
        let parties = try map.idList("parties"), dossiers = try map.idList("dossiers"), body = try map.optionalID("body")
        parties.forEach { refer(.init(kind: .organisation, id: $0, location: map.location(of: "parties"), context: map.context)) }
        dossiers.forEach { refer(.init(kind: .dossier, id: $0, location: map.location(of: "dossiers"), context: map.context)) }
        if let body { refer(.init(kind: .body, id: body, location: map.location(of: "body"), context: map.context)) }
        var due: FuzzyPeriod?
        if let wording = try map.optionalString("due") { due = try period(wording, year: documentYears[documentID], map: map, key: "due") }
        let index = snapshot.agreements.count
        let completion = try map.enumValue("completion", Completion.self) ?? .notStarted
        let evidence = try evidence(map, index: index)
        if CompletionRules.problem(completion: completion, evidence: evidence) != nil {
            throw map.error(key: "import.agreement.completeWithoutEvidence", at: "completion")
        }
        snapshot.agreements.append(Agreement(
            id: id, title: try map.string("title"),
            source: PassageReference(documentID: documentID, anchor: "", start: 0, length: 0, quote: ""),
            partyIDs: parties, dossierIDs: dossiers, bodyID: body, due: due, completion: completion, evidence: evidence,
            visibility: try map.enumValue("visibility", Visibility.self) ?? .public))
        try passage(map, "source") { $0.agreements[index].source = $1 }
    }

    // MARK: Milestones

    mutating func milestone(_ node: Node, file: String) throws {
        var map = try YAMLMapping(node, file: file, context: .kind(.milestone))
        let id = try map.id()
        map.context = .record(.milestone, id)
        try map.rejectUnknownKeys(["id", "dossier", "dossiers", "title", "due", "owner", "status", "achieved_on", "source", "note",
                                   "visibility"])
        try define(.milestone, id, map.location)
        // `dossier:` (format 1) or `dossiers:` (a shared event), not both; at least one.
        let single = try map.optionalID("dossier"), several = try map.idList("dossiers")
        if single != nil, !several.isEmpty { throw map.error(key: "import.milestone.dossierTwice", at: "dossiers") }
        let dossierIDs = single.map { [$0] } ?? several
        guard !dossierIDs.isEmpty else { throw map.error(key: "import.field.required", ["field": "dossiers"]) }
        guard Set(dossierIDs).count == dossierIDs.count else { throw map.error(key: "import.field.repeatedItem", ["field": "dossiers"], at: "dossiers") }
        let dossierKey = single == nil ? "dossiers" : "dossier"
        dossierIDs.forEach { refer(.init(kind: .dossier, id: $0, location: map.location(of: dossierKey), context: map.context)) }
        let owner = try map.optionalID("owner")
        if let owner { refer(.init(kind: .organisation, id: owner, location: map.location(of: "owner"), context: map.context)) }
        let status = try map.enumValue("status", MilestoneStatus.self) ?? .planned
        let achievedOn = try map.date("achieved_on")
        if status == .achieved, achievedOn == nil { throw map.error(key: "import.milestone.achievedWithoutDate", at: "status") }
        if status != .achieved, achievedOn != nil { throw map.error(key: "import.milestone.dateWithoutAchieved", at: "achieved_on") }
        let sourceDocument = try map.mapping("source").flatMap { try $0.optionalID("document") }
        let index = snapshot.milestones.count
        snapshot.milestones.append(Milestone(
            id: id, dossierIDs: dossierIDs, title: try map.string("title"),
            due: try period(try map.string("due"), year: sourceDocument.flatMap { documentYears[$0] }, map: map, key: "due"),
            ownerID: owner, status: status, achievedOn: achievedOn, source: nil, note: try map.optionalString("note"),
            visibility: try map.enumValue("visibility", Visibility.self) ?? .public))
        try passage(map, "source") { $0.milestones[index].source = $1 }
    }

    // MARK: Meetings

    mutating func meeting(_ node: Node, file: String) throws {
        var map = try YAMLMapping(node, file: file, context: .kind(.meeting))
        let id = try map.id()
        map.context = .record(.meeting, id)
        try map.rejectUnknownKeys(["id", "body", "title", "when", "time", "time_zone", "place", "online", "invitees", "status", "source",
                                   "note", "visibility"])
        try define(.meeting, id, map.location)
        let body = try map.id("body")
        refer(.init(kind: .body, id: body, location: map.location(of: "body"), context: map.context))
        let sourceDocument = try map.mapping("source").flatMap { try $0.optionalID("document") }
        let index = snapshot.meetings.count
        snapshot.meetings.append(Meeting(
            id: id, bodyID: body, title: try map.string("title"),
            when: try period(try map.string("when"), year: sourceDocument.flatMap { documentYears[$0] }, map: map, key: "when"),
            place: try map.optionalString("place"), status: try required(map, "status", MeetingStatus.self),
            visibility: try map.enumValue("visibility", Visibility.self) ?? .public,
            time: try meetingTime(map), online: try map.bool("online") ?? false, invitees: try invitees(map),
            note: try map.optionalString("note")))
        try passage(map, "source") { $0.meetings[index].source = $1 }
    }

    /// `time: "10:00–12:30"` with an optional `time_zone` (Europe/Brussels by default).
    private func meetingTime(_ map: YAMLMapping) throws -> MeetingTime? {
        let zone = try map.optionalString("time_zone") ?? "Europe/Brussels"
        guard MeetingTime.zones.contains(zone) else {
            throw map.location(of: "time_zone").error(key: "import.meeting.timeZone", [
                "record": map.context, "zones": .verbatim(MeetingTime.zones.joined(separator: ", ")),
            ])
        }
        guard let text = try map.optionalString("time") else { return nil }
        guard let time = MeetingTime.parse(text, timeZone: zone) else {
            throw map.location(of: "time").error(key: "import.meeting.time", ["record": map.context, "value": .verbatim(text)])
        }
        return time
    }

    /// `invitees:` — a list of `{organisation: ID, person: NAME, attendance: present}`.
    private mutating func invitees(_ map: YAMLMapping) throws -> [Invitee] {
        var result: [Invitee] = []
        for node in try map.list("invitees") {
            var entry = try YAMLMapping(node, file: map.file, context: map.context.invitee)
            try entry.rejectUnknownKeys(["organisation", "person", "attendance"])
            let organisation = try entry.optionalID("organisation")
            let person = try entry.optionalString("person")
            if organisation == nil, person == nil {
                throw entry.location.error(key: "import.meeting.inviteeUnnamed", ["record": entry.context])
            }
            if let organisation {
                refer(.init(kind: .organisation, id: organisation, location: entry.location(of: "organisation"), context: entry.context))
            }
            entry.context = map.context
            result.append(Invitee(organisationID: organisation, person: person,
                                  attendance: try entry.enumValue("attendance", Attendance.self) ?? .invited))
        }
        return result
    }

    // MARK: Investments

    mutating func investment(_ node: Node, file: String) throws {
        var map = try YAMLMapping(node, file: file, context: .kind(.investment))
        let id = try map.id()
        map.context = .record(.investment, id)
        try map.rejectUnknownKeys(["id", "title", "amount", "wording", "organisation", "country", "funding_source", "years",
                                   "status", "co_financing", "agreement", "measure", "dossier", "part_of", "source", "visibility"])
        try define(.investment, id, map.location)
        let organisation = try map.id("organisation")
        refer(.init(kind: .organisation, id: organisation, location: map.location(of: "organisation"), context: map.context))
        let dossier = try map.optionalID("dossier"), partOf = try map.optionalID("part_of")
        if let dossier { refer(.init(kind: .dossier, id: dossier, location: map.location(of: "dossier"), context: map.context)) }
        if let partOf {
            guard partOf != id else { throw map.error(key: "import.investment.partOfItself", at: "part_of") }
            refer(.init(kind: .investment, id: partOf, location: map.location(of: "part_of"), context: map.context))
            self.parent(.investment, id, is: partOf, at: map.location(of: "part_of"))
        }
        guard let amountMap = try map.mapping("amount") else { throw map.error(key: "import.field.required", ["field": "amount"]) }
        let amount = try AmountReader.read(amountMap)
        let (years, recurring) = try investmentYears(map)
        let agreement = try map.optionalID("agreement"), measure = try map.optionalID("measure")
        if let agreement { refer(.init(kind: .agreement, id: agreement, location: map.location(of: "agreement"), context: map.context)) }
        if let measure { refer(.init(kind: .goal, id: measure, location: map.location(of: "measure"), context: map.context)) }
        let index = snapshot.investments.count
        snapshot.investments.append(Investment(
            id: id, title: try map.string("title"), amount: amount, wording: try map.string("wording"),
            organisationID: organisation, country: try required(map, "country", Country.self),
            fundingSource: try map.enumValue("funding_source", FundingSource.self), firstYear: years.first, lastYear: years.last,
            recurring: recurring, status: try map.enumValue("status", InvestmentStatus.self),
            coFinancing: try coFinancing(map), agreementID: agreement, measureID: measure, dossierID: dossier, partOfID: partOf, visibility: try map.enumValue("visibility", Visibility.self) ?? .public))
        try passage(map, "source") { $0.investments[index].source = $1 }
    }

    // MARK: Helpers

    /// A reference from the record being read. One to a record read already is settled at once,
    /// and only the others wait for the check after every file is read (`Importer.checkReferences`):
    /// holding every reference of a large register with its place and message was a large part of
    /// an import's memory. A record read already that turns out to be wrong fails the import before
    /// that check, so settling early never hides an error.
    mutating func refer(_ reference: PendingReference) {
        let key = "\(reference.kind.rawValue)/\(reference.id)"
        guard definitions[key] == nil else {
            if held.contains(key), let current { held.insert(current) }
            return
        }
        references.append(reference)
        guard !known.contains(reference.kind, reference.id) else { return }
        let referred = DataFormat.section(of: reference.kind)
        if referred == section, let current {
            held.insert(current)
        } else if referred < section {
            unresolvable = true
        }
    }

    /// The same-kind references of the section read that no file defined and the register does
    /// not hold: called at its end, when nothing more of that kind can come.
    mutating func endSection() {
        for reference in references[sectionReferences...] where DataFormat.section(of: reference.kind) == section {
            if definitions["\(reference.kind.rawValue)/\(reference.id)"] == nil, !known.contains(reference.kind, reference.id) {
                unresolvable = true
            }
        }
        held = []
        current = nil
        sectionReferences = references.count
    }

    /// Records that `id` names `parent` as its parent, at `location`.
    mutating func parent(_ kind: RecordKind, _ id: String, is parent: String, at location: SourceLocation) {
        parentLocations["\(kind.rawValue)/\(id)"] = location
        parents[kind, default: [:]][id] = parent
    }

    mutating func define(_ kind: RecordKind, _ id: String, _ location: SourceLocation) throws {
        let key = "\(kind.rawValue)/\(id)"
        current = key
        if let earlier = definitions[key] {
            throw location.error(key: "import.duplicate", [
                "record": .record(kind, id), "first": .verbatim("\(earlier.file):\(earlier.line ?? 0)"),
            ])
        }
        definitions[key] = location
    }

    func required<E: RawRepresentable & CaseIterable>(_ map: YAMLMapping, _ key: String, _ type: E.Type) throws -> E where E.RawValue == String {
        guard let value = try map.enumValue(key, type) else { throw map.error(key: "import.field.required", ["field": .verbatim(key)]) }
        return value
    }

    func period(_ wording: String, year: Int?, map: YAMLMapping, key: String) throws -> FuzzyPeriod {
        guard let period = FuzzyPeriod.parse(wording, referenceYear: year) else {
            throw map.error(key: "import.field.notAPeriod", ["value": .verbatim(wording)], at: key)
        }
        return period
    }

    mutating func passage(_ map: YAMLMapping, _ key: String,
                          assign: @escaping (inout RegisterSnapshot, PassageReference) -> Void) throws {
        guard let source = try map.mapping(key) else { return }
        try source.rejectUnknownKeys(["document", "quote", "anchor"])
        try passage(in: source, context: map.context, assign: assign)
    }

    /// A passage from a mapping holding `document`, `quote` and an optional `anchor`.
    mutating func passage(in source: YAMLMapping, document: String? = nil, context: ImportArgument,
                          assign: @escaping (inout RegisterSnapshot, PassageReference) -> Void) throws {
        let documentID = try document ?? source.id("document")
        if document == nil {
            refer(.init(kind: .document, id: documentID, location: source.location(of: "document"), context: context))
        }
        passages.append((PendingPassage(documentID: documentID, quote: try source.string("quote"),
                                        anchorHint: try source.optionalString("anchor"),
                                        location: source.location(of: "quote"), context: context),
                         assign))
    }
}
