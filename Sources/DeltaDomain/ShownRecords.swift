/// The records one reader is shown, and what a shown record may say about the others: THE rule
/// that keeps a hidden record from appearing through a visible one.
///
/// A record is shown when its visibility is in the reader's scope and everything it cannot stand
/// without is shown too: an agreement its source document, a meeting its body, a goal-tree node its
/// parent, an indicator its node, an investment the organisation that puts in the money, a
/// milestone at least one of its dossiers. A shown record's references to records that are not
/// shown are left out (a lead, an owner, a party, a source passage, a document relation, evidence,
/// an agenda item's links, a decision's register change…), so that no hidden title, id or count
/// reaches the reader, and a register written from what one reader is shown (`export --public`)
/// holds no reference it cannot resolve.
public struct ShownRecords: Sendable, Hashable {
    /// A record in the scope, with what it needs: shown when each group of `needs` has a shown
    /// record (a milestone: one of its dossiers; a complete agreement: one piece of its evidence).
    public struct Candidate: Sendable, Hashable {
        public var kind: RecordKind
        public var id: String
        public var needs: [[Key]]

        public init(kind: RecordKind, id: String, needs: [[Key]] = []) {
            self.kind = kind; self.id = id; self.needs = needs
        }
    }

    /// A record's kind and id.
    public struct Key: Sendable, Hashable {
        public var kind: RecordKind
        public var id: String

        public init(_ kind: RecordKind, _ id: String) { self.kind = kind; self.id = id }
    }

    /// The shown records' ids, per kind.
    ///
    /// Why per kind, not one set of keys: at a thousand times the demo every one of 207 000
    /// records is shown, and one set of (kind, id) keys took 12.6 MB, its table just past a
    /// power of two; sets of ids per kind hold the same in about 5 MB.
    private let shown: [RecordKind: Set<String>]

    /// The records shown out of the candidates (the records of the reader's scope; a record given
    /// more than once needs every group of every entry).
    public init(candidates: [Candidate]) {
        var needs: [Key: [[Key]]] = [:]
        needs.reserveCapacity(candidates.count)
        for candidate in candidates { needs[Key(candidate.kind, candidate.id), default: []] += candidate.needs }
        self.init(needs: needs)
    }

    /// The records shown out of the records of the reader's scope, each with the groups it needs
    /// (shown when each group has a shown record).
    public init(needs: [Key: [[Key]]]) {
        var free: [RecordKind: Set<String>] = [:]
        var waiting: [Key: [[Key]]] = [:]
        for (key, groups) in needs {
            if groups.isEmpty { free[key.kind, default: []].insert(key.id) } else { waiting[key] = groups }
        }
        self.init(free: free, needs: waiting)
    }

    /// The records shown out of the records of the reader's scope: `free` needs nothing of its
    /// own, `needs` the groups each other record needs (a record in both needs its groups).
    ///
    /// Why apart: at a thousand times the demo, two thirds of 300 000 records need nothing, and
    /// gathering them with the others in one table of needs took a quarter of the first page.
    public init(free: [RecordKind: Set<String>], needs: [Key: [[Key]]]) {
        var shown = free
        // Only the records that need others are looked at again (at a thousand times the demo,
        // most records need nothing, and going over all of them on every pass cost a second).
        var waiting: [(key: Key, groups: [[Key]])] = []
        waiting.reserveCapacity(needs.count)
        for (key, groups) in needs {
            shown[key.kind]?.remove(key.id)
            if groups.isEmpty { shown[key.kind, default: []].insert(key.id) } else { waiting.append((key, groups)) }
        }
        // A dependency chain is short (a measure's priority's goal); the loop ends when nothing new is shown.
        var changed = true
        while changed {
            changed = false
            waiting.removeAll { entry in
                guard entry.groups.allSatisfy({ group in group.contains { shown[$0.kind]?.contains($0.id) == true } }) else { return false }
                shown[entry.key.kind, default: []].insert(entry.key.id)
                changed = true
                return true
            }
        }
        self.shown = shown
    }

    /// What a complete agreement needs of its evidence (nil: nothing, as a link is always shown).
    public static func evidenceNeeds(_ evidence: [Evidence]) -> [Key]? {
        var keys: [Key] = []
        for item in evidence {
            switch item {
            case .passage(let passage): keys.append(Key(.document, passage.documentID))
            case .decision(let meetingID, _): keys.append(Key(.meeting, meetingID))
            case .link: return nil
            }
        }
        return keys
    }

    /// Whether a record is shown.
    public func contains(_ kind: RecordKind, _ id: String?) -> Bool {
        guard let id else { return false }
        return shown[kind]?.contains(id) == true
    }

    private func keep(_ kind: RecordKind, _ id: String?) -> String? { contains(kind, id) ? id : nil }
    /// The ids that are shown; the array itself when all are (a copy per record read whole held
    /// megabytes at a thousand times the demo).
    private func keep(_ kind: RecordKind, _ ids: [String]) -> [String] {
        ids.allSatisfy { contains(kind, $0) } ? ids : ids.filter { contains(kind, $0) }
    }
    private func keep(_ passage: PassageReference?) -> PassageReference? {
        passage.flatMap { contains(.document, $0.documentID) ? $0 : nil }
    }

    // MARK: Records as this reader is shown them (nil: not shown)

    public func organisation(_ record: Organisation) -> Organisation? {
        guard contains(.organisation, record.id) else { return nil }
        var shown = record
        shown.parentID = keep(.organisation, record.parentID)
        return shown
    }

    public func document(_ record: Document) -> Document? {
        guard contains(.document, record.id) else { return nil }
        var shown = record
        shown.issuerIDs = keep(.organisation, record.issuerIDs)
        shown.signatories = record.signatories.map { signatory in
            var kept = signatory
            kept.organisationID = keep(.organisation, signatory.organisationID)
            return kept
        }
        shown.relations = record.relations.filter { contains(.document, $0.targetID) }
        return shown
    }

    public func body(_ record: Body) -> Body? {
        guard contains(.body, record.id) else { return nil }
        var shown = record
        shown.parentID = keep(.body, record.parentID)
        shown.establishedBy = keep(record.establishedBy)
        return shown
    }

    public func membership(_ record: Membership) -> Membership? {
        contains(.body, record.bodyID) && contains(.organisation, record.organisationID) ? record : nil
    }

    public func dossier(_ record: Dossier) -> Dossier? {
        guard contains(.dossier, record.id) else { return nil }
        var shown = record
        shown.bodyID = keep(.body, record.bodyID)
        shown.leadIDs = keep(.organisation, record.leadIDs)
        shown.railLinkIDs = keep(.railLink, record.railLinkIDs)
        shown.mandate?.bodyID = keep(.body, record.mandate?.bodyID)
        shown.mandate?.documentID = keep(.document, record.mandate?.documentID)
        return shown
    }

    /// An agreement (one marked complete whose evidence is all hidden is not shown: the register
    /// holds no completion without evidence).
    public func agreement(_ record: Agreement) -> Agreement? {
        guard contains(.agreement, record.id) else { return nil }
        var shown = record
        shown.partyIDs = keep(.organisation, record.partyIDs)
        shown.dossierIDs = keep(.dossier, record.dossierIDs)
        shown.bodyID = keep(.body, record.bodyID)
        shown.evidence = record.evidence.filter { evidence in
            switch evidence {
            case .passage(let passage): contains(.document, passage.documentID)
            case .decision(let meetingID, _): contains(.meeting, meetingID)
            case .link: true
            }
        }
        return shown
    }

    public func milestone(_ record: Milestone) -> Milestone? {
        guard contains(.milestone, record.id) else { return nil }
        var shown = record
        shown.dossierIDs = keep(.dossier, record.dossierIDs)
        shown.ownerID = keep(.organisation, record.ownerID)
        shown.source = keep(record.source)
        return shown.dossierIDs.isEmpty ? nil : shown
    }

    public func meeting(_ record: Meeting) -> Meeting? {
        guard contains(.meeting, record.id) else { return nil }
        var shown = record
        shown.source = keep(record.source)
        shown.invitees = record.invitees.compactMap { invitee in
            var kept = invitee
            kept.organisationID = keep(.organisation, invitee.organisationID)
            return kept.organisationID == nil && kept.person == nil ? nil : kept
        }
        return shown
    }

    public func investment(_ record: Investment) -> Investment? {
        guard contains(.investment, record.id) else { return nil }
        var shown = record
        shown.coFinancing = record.coFinancing.filter { contains(.organisation, $0.organisationID) }
        shown.agreementID = keep(.agreement, record.agreementID)
        shown.measureID = keep(.goal, record.measureID)
        shown.dossierID = keep(.dossier, record.dossierID)
        shown.partOfID = keep(.investment, record.partOfID)
        shown.source = keep(record.source)
        return shown
    }

    public func goal(_ record: Goal) -> Goal? {
        guard contains(.goal, record.id) else { return nil }
        var shown = record
        shown.dossierIDs = keep(.dossier, record.dossierIDs)
        shown.agreementIDs = keep(.agreement, record.agreementIDs)
        shown.source = keep(record.source)
        return shown
    }

    public func indicator(_ record: Indicator) -> Indicator? {
        guard contains(.indicator, record.id) else { return nil }
        var shown = record
        shown.source = keep(record.source)
        return shown
    }

    public func railLink(_ record: RailLink) -> RailLink? {
        guard contains(.railLink, record.id) else { return nil }
        var shown = record
        shown.source = keep(record.source)
        return shown
    }

    public func allocationRegime(_ record: AllocationRegime) -> AllocationRegime? {
        guard contains(.allocationRegime, record.id) else { return nil }
        var shown = record
        shown.source = keep(record.source)
        return shown
    }

    /// An obstacle, without its links to hidden records (it needs none of them to be shown).
    public func obstacle(_ record: Obstacle) -> Obstacle? {
        guard contains(.obstacle, record.id) else { return nil }
        var shown = record
        shown.ownerID = keep(.organisation, record.ownerID)
        shown.dossierIDs = keep(.dossier, record.dossierIDs)
        shown.bodyIDs = keep(.body, record.bodyIDs)
        shown.agreementIDs = keep(.agreement, record.agreementIDs)
        shown.documentIDs = keep(.document, record.documentIDs)
        shown.source = keep(record.source)
        return shown
    }

    /// An agenda item of a shown meeting, without its links to hidden records.
    public func agendaItem(_ item: AgendaItem) -> AgendaItem {
        var shown = item
        shown.dossierID = keep(.dossier, item.dossierID)
        shown.milestoneID = keep(.milestone, item.milestoneID)
        shown.agreementID = keep(.agreement, item.agreementID)
        shown.documentID = keep(.document, item.documentID)
        return shown
    }

    /// An outcome of a shown meeting, without a hidden owner or a change to a hidden record.
    public func outcome(_ outcome: Outcome) -> Outcome {
        var shown = outcome
        shown.ownerID = keep(.organisation, outcome.ownerID)
        if let change = outcome.change {
            let kind: RecordKind = switch change.kind {
            case .milestoneDue, .milestoneStatus: .milestone
            case .agreementCompletion: .agreement
            case .mandateGiven: .dossier
            }
            if !contains(kind, change.recordID) { shown.change = nil }
        }
        return shown
    }

    /// Minutes of a shown meeting; approval "by" a hidden meeting names no meeting.
    public func minutes(_ minutes: MinutesRecord) -> MinutesRecord {
        var shown = minutes
        if let approver = minutes.approvedBy, approver != "chair", !contains(.meeting, approver) { shown.approvedBy = nil }
        return shown
    }
}
