import DeltaDomain
import Foundation
import SQLKit
import Synchronization

/// The encoder shared by every table: Swift camelCase properties map to snake_case columns
/// (`ColumnDecoder` reads them back by the same rule).
enum RowCoding {
    /// Why a custom strategy: SQLKit's own snake-case conversion inspects every character's
    /// Unicode properties on every column of every row; the handful of names we use are
    /// converted once and remembered.
    static let encoder = SQLQueryEncoder(keyEncodingStrategy: .custom { path in
        ColumnKey(SnakeCase.column(for: path.last?.stringValue ?? ""))
    }, nilEncodingStrategy: .asNil)
}

/// camelCase property names to snake_case column names, remembered after the first use.
enum SnakeCase {
    private static let cache = Mutex<[String: String]>([:])

    static func column(for property: String) -> String {
        if let known = cache.withLock({ $0[property] }) { return known }
        var column = ""
        for character in property {
            if character.isUppercase {
                column += "_" + character.lowercased()
            } else {
                column.append(character)
            }
        }
        cache.withLock { $0[property] = column }
        return column
    }
}

/// A coding key naming a column.
struct ColumnKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }
    init(_ name: String) { stringValue = name }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

/// JSON text columns for nested values (signatories, cadence, passages). Why JSON: they are
/// always read with their record and never queried on their own; both engines store TEXT alike.
enum JSONColumn {
    static func encode<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(value)) ?? Data("null".utf8), as: UTF8.self)
    }

    static func encode<T: Encodable>(_ value: T?) -> String? {
        value.map { encode($0) }
    }

    /// A list of strings as `JSONEncoder` writes it (`JSONText`), without the encoder.
    static func encode(_ strings: [String]) -> String {
        var text = JSONText()
        text.open("[")
        for string in strings { text.value(string) }
        text.close("]")
        return text.written
    }

    /// Field changes as `JSONEncoder` writes them: keys sorted, absent values left out.
    ///
    /// Why not the encoder: an import records every new record's fields in the audit log, and
    /// encoding them was a twentieth of a large import's work (`JSONColumnTests` compares both).
    static func encode(_ changes: [FieldChange]) -> String {
        var text = JSONText()
        text.open("[")
        for change in changes {
            text.open("{")
            if let after = change.after { text.member("after", after) }
            if let before = change.before { text.member("before", before) }
            text.member("field", change.field)
            text.close("}")
        }
        text.close("]")
        return text.written
    }

    /// The value a column's JSON text holds; nil for NULL or `null`. A short text of a value that
    /// repeats (`RepeatedJSONValue`) decoded before is not decoded again (`DecodedTexts`).
    static func decode<T: Decodable & Sendable>(_ type: T.Type, _ text: String?, column: String) throws -> T? {
        guard let text, text != "null" else { return nil }
        let short = T.self is any RepeatedJSONValue.Type && text.utf8.count <= DecodedTexts.longest
        if short, let known = DecodedTexts.shared.value(T.self, for: text) { return known }
        do {
            let value = try JSONDecoder().decode(T.self, from: Data(text.utf8))
            if short { DecodedTexts.shared.keep(value, for: text) }
            return value
        } catch {
            throw StoreError.corrupt("column \(column): \(error)")
        }
    }

    static func decodeList<T: Decodable & Sendable>(_ type: T.Type, _ text: String, column: String) throws -> [T] {
        try decode([T].self, text, column: column) ?? []
    }

    /// A list of strings (ids, themes): read without `JSONDecoder` when it is written as `encode`
    /// writes one (`plainStrings`), otherwise as any JSON.
    ///
    /// Why: the lookup tables hold four such lists per dossier; at a thousand times the demo
    /// `JSONDecoder` spent more time on them than the database spent reading the rows.
    static func decodeList(_ type: String.Type, _ text: String, column: String) throws -> [String] {
        if let strings = plainStrings(text) { return strings }
        return try decode([String].self, text, column: column) ?? []
    }

    /// The strings of a JSON array written without spaces whose strings hold no escape (`\`)
    /// and no control character; nil for any other text, which `JSONDecoder` then reads or refuses.
    static func plainStrings(_ text: String) -> [String]? {
        var text = text
        return text.withUTF8 { bytes -> [String]? in
            let quote = UInt8(ascii: "\""), end = bytes.count - 1
            guard bytes.count >= 2, bytes[0] == UInt8(ascii: "["), bytes[end] == UInt8(ascii: "]") else { return nil }
            var strings: [String] = []
            var at = 1
            while at < end {
                guard bytes[at] == quote else { return nil }
                var close = at + 1
                while close < end, bytes[close] != quote {
                    guard bytes[close] != UInt8(ascii: "\\"), bytes[close] >= 0x20 else { return nil }
                    close += 1
                }
                guard close < end else { return nil }
                strings.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[(at + 1)..<close]), as: UTF8.self))
                at = close + 1
                if at == end { break }
                guard bytes[at] == UInt8(ascii: ","), at + 1 < end else { return nil }
                at += 1
            }
            return strings
        }
    }
}

/// Reads a raw enum value stored as text, failing loudly instead of guessing.
func storedEnum<E: RawRepresentable>(_ type: E.Type, _ raw: String, column: String) throws -> E where E.RawValue == String {
    guard let value = E(rawValue: raw) else { throw StoreError.corrupt("column \(column): unknown value “\(raw)”") }
    return value
}

func storedDate(_ text: String?, column: String) throws -> CalendarDate? {
    guard let text else { return nil }
    guard let date = CalendarDate(iso: text) else { throw StoreError.corrupt("column \(column): “\(text)” is not a date") }
    return date
}

func storedPeriod(wording: String, earliest: String, latest: String, precision: String, column: String) throws -> FuzzyPeriod {
    guard let from = try storedDate(earliest, column: column), let to = try storedDate(latest, column: column), from <= to else {
        throw StoreError.corrupt("column \(column): bad period")
    }
    return FuzzyPeriod(wording: wording, earliest: from, latest: to,
                       precision: try storedEnum(PeriodPrecision.self, precision, column: column))
}

struct OrganisationRow: Codable, Sendable {
    var id: String, name: String, shortName: String?, country: String, level: String
    var parentId: String?, website: String?, visibility: String, version: Int, updatedAt: String

    init(_ o: Organisation, version: Int) {
        id = o.id; name = o.name; shortName = o.shortName; country = o.country.rawValue; level = o.level.rawValue
        parentId = o.parentID; website = o.website; visibility = o.visibility.rawValue; self.version = version
        updatedAt = Timestamp.now()
    }

    func model() throws -> Organisation {
        Organisation(id: id, name: name, shortName: shortName, country: try storedEnum(Country.self, country, column: "country"),
                     level: try storedEnum(OrganisationLevel.self, level, column: "level"), parentID: parentId,
                     website: website, visibility: try storedEnum(Visibility.self, visibility, column: "visibility"))
    }
}

struct DocumentRow: Codable, Sendable {
    var id: String, kind: String, title: String, date: String, place: String?, reference: String?, language: String
    var signatoriesJson: String, issuersJson: String, deadlineJson: String?, attachmentCount: Int?, summary: String?
    var bodyText: String, visibility: String, version: Int, updatedAt: String
    var dateJson: String?, dateSource: String?, stub: Int

    init(_ d: Document, version: Int) {
        id = d.id; kind = d.kind.rawValue; title = d.title; date = Self.sortKey(d.date); place = d.place; reference = d.reference
        language = d.language; signatoriesJson = JSONColumn.encode(d.signatories); issuersJson = JSONColumn.encode(d.issuerIDs)
        deadlineJson = JSONColumn.encode(d.deadline); attachmentCount = d.attachmentCount; summary = d.summary
        bodyText = d.text; visibility = d.visibility.rawValue; self.version = version; updatedAt = Timestamp.now()
        dateJson = JSONColumn.encode(d.date); dateSource = d.dateSource; stub = d.isStub ? 1 : 0
    }

    /// The `date` column: the earliest day the date can mean, or '' when it is unknown (see `Schema.v4`).
    static func sortKey(_ date: FuzzyPeriod?) -> String { date?.earliest.iso ?? "" }

    func model(relations: [DocumentRelation] = []) throws -> Document {
        Document(id: id, kind: try storedEnum(DocumentKind.self, kind, column: "kind"), title: title,
                 date: try JSONColumn.decode(FuzzyPeriod.self, dateJson, column: "date_json"), dateSource: dateSource,
                 isStub: stub != 0, relations: relations, place: place, reference: reference, language: language,
                 signatories: try JSONColumn.decodeList(Signatory.self, signatoriesJson, column: "signatories_json"),
                 issuerIDs: try JSONColumn.decodeList(String.self, issuersJson, column: "issuers_json"),
                 deadline: try JSONColumn.decode(FuzzyPeriod.self, deadlineJson, column: "deadline_json"),
                 attachmentCount: attachmentCount, summary: summary, text: bodyText,
                 visibility: try storedEnum(Visibility.self, visibility, column: "visibility"))
    }
}

struct DocumentRelationRow: Codable, Sendable {
    var documentId: String, position: Int, kind: String, targetId: String, planned: Int, passageJson: String?, note: String?

    init(_ r: DocumentRelation, documentID: String, position: Int) {
        documentId = documentID; self.position = position; kind = r.kind.rawValue; targetId = r.targetID
        planned = r.planned ? 1 : 0; passageJson = JSONColumn.encode(r.passage); note = r.note
    }

    func model() throws -> DocumentRelation {
        DocumentRelation(kind: try storedEnum(DocumentRelation.Kind.self, kind, column: "kind"), targetID: targetId,
                         planned: planned != 0, passage: try JSONColumn.decode(PassageReference.self, passageJson, column: "passage_json"),
                         note: note)
    }
}

/// A record's place in a list of dossiers (`agreement_dossiers`, `milestone_dossiers`): the column
/// naming the record differs per table.
struct DossierLinkRow: Encodable, Sendable {
    let recordColumn: String, recordID: String, dossierID: String, position: Int

    func encode(to encoder: any Encoder) throws {
        var columns = encoder.container(keyedBy: ColumnKey.self)
        try columns.encode(recordID, forKey: ColumnKey(recordColumn))
        try columns.encode(dossierID, forKey: ColumnKey("dossier_id"))
        try columns.encode(position, forKey: ColumnKey("position"))
    }
}

struct ParagraphRow: Codable, Sendable {
    var documentId: String, position: Int, anchor: String, kind: String, text: String

    func model() throws -> Paragraph {
        Paragraph(anchor: anchor, kind: try storedEnum(ParagraphKind.self, kind, column: "kind"), text: text)
    }
}

struct BodyRow: Codable, Sendable {
    var id: String, name: String, kind: String, description: String?, cadenceJson: String, parentId: String?
    var since: String?, sourceJson: String?, visibility: String, version: Int, updatedAt: String
    var meetingsRecordedSince: String?

    init(_ b: Body, version: Int) {
        id = b.id; name = b.name; kind = b.kind.rawValue; description = b.description; cadenceJson = JSONColumn.encode(b.cadence)
        parentId = b.parentID; since = b.since?.iso; sourceJson = JSONColumn.encode(b.establishedBy)
        visibility = b.visibility.rawValue; self.version = version; updatedAt = Timestamp.now()
        meetingsRecordedSince = b.meetingsRecordedSince?.iso
    }

    func model() throws -> Body {
        Body(id: id, name: name, kind: try storedEnum(BodyKind.self, kind, column: "kind"), description: description,
             cadence: try JSONColumn.decode(CadenceRule.self, cadenceJson, column: "cadence_json") ?? CadenceRule.none,
             parentID: parentId, establishedBy: try JSONColumn.decode(PassageReference.self, sourceJson, column: "source_json"),
             since: try storedDate(since, column: "since"),
             meetingsRecordedSince: try storedDate(meetingsRecordedSince, column: "meetings_recorded_since"), visibility: try storedEnum(Visibility.self, visibility, column: "visibility"))
    }
}

struct MembershipRow: Codable, Sendable {
    var bodyId: String, position: Int, organisationId: String, person: String?, role: String, invited: Int
    var fromDate: String?, untilDate: String?

    init(_ m: Membership, position: Int) {
        bodyId = m.bodyID; self.position = position; organisationId = m.organisationID; person = m.person
        role = m.role.rawValue; invited = m.invited ? 1 : 0; fromDate = m.from?.iso; untilDate = m.until?.iso
    }

    func model() throws -> Membership {
        Membership(bodyID: bodyId, organisationID: organisationId, person: person,
                   role: try storedEnum(MembershipRole.self, role, column: "role"), invited: invited != 0,
                   from: try storedDate(fromDate, column: "from_date"), until: try storedDate(untilDate, column: "until_date"))
    }
}

struct DossierRow: Codable, Sendable {
    var id: String, title: String, summary: String, themesJson: String, bodyId: String?, leadsJson: String
    /// Since migration 7 the ids of the dossier's `rail_links` (before: their names).
    var railLinksJson: String, mandateJson: String?, visibility: String, version: Int, updatedAt: String

    init(_ d: Dossier, version: Int) {
        id = d.id; title = d.title; summary = d.summary; themesJson = JSONColumn.encode(d.themes); bodyId = d.bodyID
        leadsJson = JSONColumn.encode(d.leadIDs); railLinksJson = JSONColumn.encode(d.railLinkIDs)
        mandateJson = JSONColumn.encode(d.mandate); visibility = d.visibility.rawValue; self.version = version
        updatedAt = Timestamp.now()
    }

    func model() throws -> Dossier {
        Dossier(id: id, title: title, summary: summary, themes: try JSONColumn.decodeList(String.self, themesJson, column: "themes_json"),
                bodyID: bodyId, leadIDs: try JSONColumn.decodeList(String.self, leadsJson, column: "leads_json"),
                railLinkIDs: try JSONColumn.decodeList(String.self, railLinksJson, column: "rail_links_json"),
                mandate: try JSONColumn.decode(PoliticalMandate.self, mandateJson, column: "mandate_json"),
                visibility: try storedEnum(Visibility.self, visibility, column: "visibility"))
    }
}

struct AgreementRow: Codable, Sendable {
    var id: String, title: String, documentId: String, anchor: String, spanStart: Int, spanLength: Int, quote: String
    var partiesJson: String, bodyId: String?, dueJson: String?, completion: String
    var visibility: String, version: Int, updatedAt: String, evidenceJson: String

    init(_ a: Agreement, version: Int) {
        id = a.id; title = a.title; documentId = a.source.documentID; anchor = a.source.anchor; spanStart = a.source.start
        spanLength = a.source.length; quote = a.source.quote; partiesJson = JSONColumn.encode(a.partyIDs); bodyId = a.bodyID
        dueJson = JSONColumn.encode(a.due); completion = a.completion.rawValue; visibility = a.visibility.rawValue
        self.version = version; updatedAt = Timestamp.now(); evidenceJson = JSONColumn.encode(a.evidence)
    }

    func model(dossierIDs: [String]) throws -> Agreement {
        Agreement(id: id, title: title,
                  source: PassageReference(documentID: documentId, anchor: anchor, start: spanStart, length: spanLength, quote: quote),
                  partyIDs: try JSONColumn.decodeList(String.self, partiesJson, column: "parties_json"), dossierIDs: dossierIDs,
                  bodyID: bodyId, due: try JSONColumn.decode(FuzzyPeriod.self, dueJson, column: "due_json"),
                  completion: try storedEnum(Completion.self, completion, column: "completion"),
                  evidence: try JSONColumn.decodeList(Evidence.self, evidenceJson, column: "evidence_json"),
                  visibility: try storedEnum(Visibility.self, visibility, column: "visibility"))
    }
}

struct MilestoneRow: Codable, Sendable {
    var id: String, dossierId: String, title: String, dueWording: String, dueEarliest: String, dueLatest: String
    var duePrecision: String, ownerId: String?, status: String, achievedOn: String?, sourceJson: String?, note: String?
    var visibility: String, version: Int, updatedAt: String

    init(_ m: Milestone, version: Int) {
        id = m.id; dossierId = m.dossierIDs.first ?? ""; title = m.title; dueWording = m.due.wording; dueEarliest = m.due.earliest.iso
        dueLatest = m.due.latest.iso; duePrecision = m.due.precision.rawValue; ownerId = m.ownerID; status = m.status.rawValue
        achievedOn = m.achievedOn?.iso; sourceJson = JSONColumn.encode(m.source); note = m.note
        visibility = m.visibility.rawValue; self.version = version; updatedAt = Timestamp.now()
    }

    func model(dossierIDs: [String]) throws -> Milestone {
        Milestone(id: id, dossierIDs: dossierIDs, title: title,
                  due: try storedPeriod(wording: dueWording, earliest: dueEarliest, latest: dueLatest, precision: duePrecision, column: "due"),
                  ownerID: ownerId, status: try storedEnum(MilestoneStatus.self, status, column: "status"),
                  achievedOn: try storedDate(achievedOn, column: "achieved_on"),
                  source: try JSONColumn.decode(PassageReference.self, sourceJson, column: "source_json"), note: note,
                  visibility: try storedEnum(Visibility.self, visibility, column: "visibility"))
    }
}

struct MeetingRow: Codable, Sendable {
    var id: String, bodyId: String, title: String, whenWording: String, whenEarliest: String, whenLatest: String
    var whenPrecision: String, place: String?, status: String, sourceJson: String?
    var visibility: String, version: Int, updatedAt: String
    var timeJson: String?, online: Int, inviteesJson: String, note: String?

    init(_ m: Meeting, version: Int) {
        id = m.id; bodyId = m.bodyID; title = m.title; whenWording = m.when.wording; whenEarliest = m.when.earliest.iso
        whenLatest = m.when.latest.iso; whenPrecision = m.when.precision.rawValue; place = m.place; status = m.status.rawValue
        sourceJson = JSONColumn.encode(m.source); visibility = m.visibility.rawValue; self.version = version
        updatedAt = Timestamp.now()
        timeJson = JSONColumn.encode(m.time); online = m.online ? 1 : 0; inviteesJson = JSONColumn.encode(m.invitees)
        note = m.note
    }

    func model() throws -> Meeting {
        Meeting(id: id, bodyID: bodyId, title: title,
                when: try storedPeriod(wording: whenWording, earliest: whenEarliest, latest: whenLatest, precision: whenPrecision, column: "when"),
                place: place, status: try storedEnum(MeetingStatus.self, status, column: "status"),
                source: try JSONColumn.decode(PassageReference.self, sourceJson, column: "source_json"),
                visibility: try storedEnum(Visibility.self, visibility, column: "visibility"),
                time: try JSONColumn.decode(MeetingTime.self, timeJson, column: "time_json"), online: online != 0,
                invitees: try JSONColumn.decodeList(Invitee.self, inviteesJson, column: "invitees_json"), note: note)
    }
}

struct InvestmentRow: Codable, Sendable {
    var id: String, title: String, amountKind: String, minimumCents: Int64, maximumCents: Int64, wording: String
    var organisationId: String, country: String, fundingSource: String?, firstYear: Int?, lastYear: Int?
    var dossierId: String?, partOfId: String?, sourceJson: String?, visibility: String, version: Int, updatedAt: String
    var recurring: Int, status: String?, coFinancingJson: String, agreementId: String?, measureId: String?

    init(_ i: Investment, version: Int) {
        id = i.id; title = i.title; amountKind = i.amount.kind.rawValue; minimumCents = i.amount.minimumCents
        maximumCents = i.amount.maximumCents; wording = i.wording; organisationId = i.organisationID; country = i.country.rawValue
        fundingSource = i.fundingSource?.rawValue; firstYear = i.firstYear; lastYear = i.lastYear; dossierId = i.dossierID
        partOfId = i.partOfID; sourceJson = JSONColumn.encode(i.source); visibility = i.visibility.rawValue
        self.version = version; updatedAt = Timestamp.now()
        recurring = i.recurring ? 1 : 0; status = i.status?.rawValue; coFinancingJson = JSONColumn.encode(i.coFinancing)
        agreementId = i.agreementID; measureId = i.measureID
    }

    func model() throws -> Investment {
        let kind = try storedEnum(AmountKind.self, amountKind, column: "amount_kind")
        guard let amount = Amount(kind: kind, minimumCents: minimumCents, maximumCents: maximumCents) else {
            throw StoreError.corrupt("investment \(id): amount does not fit its kind")
        }
        return Investment(id: id, title: title, amount: amount, wording: wording, organisationID: organisationId,
                          country: try storedEnum(Country.self, country, column: "country"),
                          fundingSource: try fundingSource.map { try storedEnum(FundingSource.self, $0, column: "funding_source") },
                          firstYear: firstYear, lastYear: lastYear, recurring: recurring != 0,
                          status: try status.map { try storedEnum(InvestmentStatus.self, $0, column: "status") },
                          coFinancing: try JSONColumn.decodeList(CoFinancingShare.self, coFinancingJson, column: "co_financing_json"),
                          agreementID: agreementId, measureID: measureId, dossierID: dossierId, partOfID: partOfId,
                          source: try JSONColumn.decode(PassageReference.self, sourceJson, column: "source_json"),
                          visibility: try storedEnum(Visibility.self, visibility, column: "visibility"))
    }
}

extension PrivateNote {
    /// A note from a `private_notes` row (the same columns `NoteStore` reads; decoded by hand
    /// because `recordID` and `authorID` do not follow the snake-case rule).
    init(stored row: any SQLRow) throws {
        self.init(id: try row.decode(column: "id", as: String.self),
                  recordKind: try storedEnum(RecordKind.self, try row.decode(column: "record_kind", as: String.self), column: "record_kind"),
                  recordID: try row.decode(column: "record_id", as: String.self),
                  delegation: try row.decode(column: "delegation", as: String.self),
                  authorID: try row.decode(column: "author_id", as: String.self),
                  authorName: try row.decode(column: "author_name", as: String.self),
                  text: try row.decode(column: "text", as: String.self),
                  createdAt: try row.decode(column: "created_at", as: String.self))
    }
}
