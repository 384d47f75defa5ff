import DeltaDomain
import DeltaStore
import Foundation
import Yams

/// Writes the register as data files in the import format, one file per section plus the
/// document texts, so that `import` of the result restores exactly the same register.
public enum Exporter {
    /// Reads everything a scope may see into a snapshot.
    public static func snapshot(of register: Register) async throws -> RegisterSnapshot {
        var snapshot = RegisterSnapshot()
        snapshot.organisations = try await register.organisations()
        snapshot.documents = try await register.documents()
        snapshot.bodies = try await register.bodies()
        snapshot.memberships = try await register.memberships()
        snapshot.dossiers = try await register.dossiers()
        snapshot.agreements = try await register.agreements()
        snapshot.milestones = try await register.milestones()
        snapshot.meetings = try await register.meetings()
        snapshot.investments = try await register.investments()
        snapshot.goals = try await register.goals()
        snapshot.indicators = try await register.indicators()
        snapshot.allocationRegimes = try await register.allocationRegimes()
        snapshot.railLinks = try await register.railLinks()
        // The records only: reporters' contact addresses, their reports as sent and the messages
        // to them are never exported, not even by a full export (docs/OBSTACLES.md).
        snapshot.obstacles = try await register.obstacles()
        return snapshot
    }

    /// Writes a snapshot into `directory` and returns the data files written (texts not included).
    @discardableResult
    public static func write(_ snapshot: RegisterSnapshot, to directory: String) throws -> [String] {
        let manager = FileManager.default
        let root = URL(fileURLWithPath: directory)
        try manager.createDirectory(at: root.appendingPathComponent("texts"), withIntermediateDirectories: true)
        for document in snapshot.documents where !document.isStub {
            try Data(document.text.utf8).write(to: root.appendingPathComponent("texts/\(document.id).txt"))
        }
        let memberships = Dictionary(grouping: snapshot.memberships, by: \.bodyID)
        let sections: [(String, [Node])] = [
            ("organisations", snapshot.organisations.map(node)),
            ("documents", snapshot.documents.map(node)),
            ("bodies", snapshot.bodies.map { node($0, members: memberships[$0.id] ?? []) }),
            ("rail_links", snapshot.railLinks.map(node)),
            ("dossiers", snapshot.dossiers.map(node)),
            ("agreements", snapshot.agreements.map(node)),
            ("goals", snapshot.goals.map(node)),
            ("indicators", snapshot.indicators.map(node)),
            ("milestones", snapshot.milestones.map(node)),
            ("meetings", snapshot.meetings.map(node)),
            ("investments", snapshot.investments.map(node)),
            ("allocation_regimes", snapshot.allocationRegimes.map(node)),
            ("obstacles", snapshot.obstacles.map(node)),
        ]
        var written: [String] = []
        for (name, records) in sections {
            let document = Node.mapping(.init([(Node("format"), Node(DataFormat.current)), (Node(name), Node(records))]))
            let yaml = try Yams.serialize(node: document, width: -1, allowUnicode: true, sortKeys: false)
            let path = root.appendingPathComponent("\(name).yaml").path
            try Data(yaml.utf8).write(to: URL(fileURLWithPath: path))
            written.append(path)
        }
        return written
    }

    // MARK: Records as nodes, keys in the documented order

    private static func map(_ pairs: [(String, Node?)]) -> Node {
        .mapping(.init(pairs.compactMap { key, value in value.map { (Node(key), $0) } }))
    }

    private static func text(_ value: String?) -> Node? { value.map { Node($0) } }
    private static func list(_ values: [String]) -> Node? {
        values.isEmpty ? nil : Node(values.map { Node($0) }, Tag(.seq), .flow)
    }
    private static func visibility(_ value: Visibility) -> Node? { value == .public ? nil : Node(value.rawValue) }
    private static func passage(_ value: PassageReference?) -> Node? {
        value.map { map([("document", Node($0.documentID)), ("anchor", Node($0.anchor)), ("quote", Node($0.quote))]) }
    }
    private static func euros(_ cents: Int64) -> Node {
        let fraction = cents % 100
        return Node(fraction == 0 ? "\(cents / 100)" : "\(cents / 100).\(fraction < 10 ? "0" : "")\(fraction)")
    }

    static func node(_ o: Organisation) -> Node {
        map([("id", Node(o.id)), ("name", Node(o.name)), ("short_name", text(o.shortName)), ("country", Node(o.country.rawValue)),
             ("level", Node(o.level.rawValue)), ("parent", text(o.parentID)), ("website", text(o.website)),
             ("visibility", visibility(o.visibility))])
    }

    static func node(_ d: Document) -> Node {
        let signatories = d.signatories.map {
            map([("name", Node($0.name)), ("role", Node($0.role)), ("organisation", text($0.organisationID))])
        }
        let relations = d.relations.map { r in
            map([("type", Node(r.kind.rawValue)), ("document", Node(r.targetID)), ("planned", r.planned ? Node("true") : nil),
                 ("anchor", text(r.passage?.anchor)), ("quote", text(r.passage?.quote)), ("note", text(r.note))])
        }
        return map([("id", Node(d.id)), ("kind", Node(d.kind.rawValue)), ("title", Node(d.title)),
                    ("stub", d.isStub ? Node("true") : nil), ("date", text(d.date?.wording)), ("date_source", text(d.dateSource)),
                    ("relations", relations.isEmpty ? nil : Node(relations)), ("place", text(d.place)), ("reference", text(d.reference)), ("language", Node(d.language)),
                    ("issuers", list(d.issuerIDs)), ("signatories", signatories.isEmpty ? nil : Node(signatories)),
                    ("deadline", text(d.deadline?.wording)), ("attachments", d.attachmentCount.map { Node(String($0)) }),
                    ("summary", text(d.summary)), ("text_file", d.isStub ? nil : Node("texts/\(d.id).txt")),
                    ("visibility", visibility(d.visibility))])
    }

    static func node(_ b: Body, members: [Membership]) -> Node {
        let cadence: Node? = switch b.cadence {
        case .perYear(let count): map([("per_year", Node(String(count)))])
        case .perHalfYear(let count): map([("per_half_year", Node(String(count)))])
        case .yearlyAround(let season): map([("yearly_around", Node(season))])
        case .everyYears(let years): map([("every_years", Node(String(years)))])
        case .none: nil
        }
        let memberNodes = members.map {
            map([("organisation", Node($0.organisationID)), ("person", text($0.person)), ("role", Node($0.role.rawValue)),
                 ("invited", Node($0.invited ? "true" : "false")), ("from", text($0.from?.iso)), ("until", text($0.until?.iso))])
        }
        return map([("id", Node(b.id)), ("name", Node(b.name)), ("kind", Node(b.kind.rawValue)), ("description", text(b.description)),
                    ("cadence", cadence), ("parent", text(b.parentID)), ("since", text(b.since?.iso)),
                    ("meetings_recorded_since", text(b.meetingsRecordedSince?.iso)),
                    ("source", passage(b.establishedBy)), ("members", memberNodes.isEmpty ? nil : Node(memberNodes)),
                    ("visibility", visibility(b.visibility))])
    }

    static func node(_ d: Dossier) -> Node {
        let mandate = d.mandate.map {
            map([("given", Node($0.given.wording)), ("body", text($0.bodyID)), ("document", text($0.documentID)), ("note", text($0.note))])
        }
        return map([("id", Node(d.id)), ("title", Node(d.title)), ("summary", Node(d.summary)), ("themes", list(d.themes)),
                    ("body", text(d.bodyID)), ("leads", list(d.leadIDs)), ("rail_links", list(d.railLinkIDs)), ("mandate", mandate),
                    ("visibility", visibility(d.visibility))])
    }

    static func node(_ a: Agreement) -> Node {
        map([("id", Node(a.id)), ("title", Node(a.title)), ("source", passage(a.source)), ("parties", list(a.partyIDs)),
             ("dossiers", list(a.dossierIDs)), ("body", text(a.bodyID)), ("due", text(a.due?.wording)),
             ("completion", Node(a.completion.rawValue)), ("evidence", a.evidence.isEmpty ? nil : Node(a.evidence.map(node))),
             ("visibility", visibility(a.visibility))])
    }

    static func node(_ e: Evidence) -> Node {
        switch e {
        case .passage(let p): map([("document", Node(p.documentID)), ("anchor", Node(p.anchor)), ("quote", Node(p.quote))])
        case .decision(let meeting, let decision): map([("meeting", Node(meeting)), ("decision", Node(decision))])
        case .link(let url, let title): map([("link", Node(url)), ("title", Node(title))])
        }
    }

    static func node(_ g: Goal) -> Node {
        map([("id", Node(g.id)), ("level", Node(g.level.rawValue)), ("parent", text(g.parentID)), ("title", Node(g.title)),
             ("description", text(g.description)), ("source", passage(g.source)), ("dossiers", list(g.dossierIDs)),
             ("agreements", list(g.agreementIDs)), ("visibility", visibility(g.visibility))])
    }

    static func node(_ i: Indicator) -> Node {
        func reading(_ r: Indicator.Reading) -> Node {
            map([("value", Node(NumberText.plain(r.value))), ("date", text(r.date?.iso)), ("source", text(r.source))])
        }
        return map([("id", Node(i.id)), ("goal", Node(i.goalID)), ("title", Node(i.title)), ("unit", Node(i.unit)),
                    ("baseline", i.baseline.map(reading)), ("target", i.target.map(reading)),
                    ("values", i.values.isEmpty ? nil : Node(i.values.map(reading))), ("source", passage(i.source)),
                    ("visibility", visibility(i.visibility))])
    }

    static func node(_ m: Milestone) -> Node {
        map([("id", Node(m.id)), ("dossiers", list(m.dossierIDs)), ("title", Node(m.title)), ("due", Node(m.due.wording)),
             ("owner", text(m.ownerID)), ("status", Node(m.status.rawValue)), ("achieved_on", text(m.achievedOn?.iso)),
             ("source", passage(m.source)), ("note", text(m.note)), ("visibility", visibility(m.visibility))])
    }

    static func node(_ m: Meeting) -> Node {
        let invitees: Node? = m.invitees.isEmpty ? nil : Node(m.invitees.map { invitee in
            map([("organisation", text(invitee.organisationID)), ("person", text(invitee.person)),
                 ("attendance", invitee.attendance == .invited ? nil : Node(invitee.attendance.rawValue))])
        })
        return map([("id", Node(m.id)), ("body", Node(m.bodyID)), ("title", Node(m.title)), ("when", Node(m.when.wording)),
                    ("time", text(m.time?.wording)),
                    ("time_zone", m.time.flatMap { $0.timeZone == "Europe/Brussels" ? nil : Node($0.timeZone) }),
                    ("place", text(m.place)), ("online", m.online ? Node("true") : nil), ("invitees", invitees),
                    ("status", Node(m.status.rawValue)), ("source", passage(m.source)), ("note", text(m.note)),
                    ("visibility", visibility(m.visibility))])
    }

    static func node(_ i: Investment) -> Node {
        let amount: Node = switch i.amount.kind {
        case .exact: map([("exact", euros(i.amount.minimumCents))])
        case .approximate: map([("approximate", euros(i.amount.minimumCents))])
        case .range: map([("range", Node([euros(i.amount.minimumCents), euros(i.amount.maximumCents)], Tag(.seq), .flow))])
        case .upToAtMost: map([("up_to", euros(i.amount.maximumCents))])
        }
        let span: Node? = i.firstYear.map { first in
            Node([Node(String(first)), Node(String(i.lastYear ?? first))], Tag(.seq), .flow)
        }
        let years = i.recurring ? span.map { map([("per_year", $0)]) } : span
        let shares = i.coFinancing.map { map([("organisation", Node($0.organisationID)), ("percent", Node(NumberText.plain($0.percent)))]) }
        return map([("id", Node(i.id)), ("title", Node(i.title)), ("amount", amount), ("wording", Node(i.wording)),
                    ("organisation", Node(i.organisationID)), ("country", Node(i.country.rawValue)),
                    ("funding_source", text(i.fundingSource?.rawValue)), ("years", years), ("status", text(i.status?.rawValue)),
                    ("co_financing", shares.isEmpty ? nil : Node(shares)), ("agreement", text(i.agreementID)),
                    ("measure", text(i.measureID)), ("dossier", text(i.dossierID)),
                    ("part_of", text(i.partOfID)), ("source", passage(i.source)), ("visibility", visibility(i.visibility))])
    }

    static func node(_ o: Obstacle) -> Node {
        map([("id", Node(o.id)), ("reference", text(o.reference)), ("title", Node(o.title)), ("description", Node(o.description)),
             ("place_belgium", text(o.placeBelgium)), ("place_netherlands", text(o.placeNetherlands)), ("since", text(o.since)),
             ("affected", text(o.affected)), ("domain", Node(o.domain.rawValue)), ("region", text(o.region)),
             ("status", Node(o.status.rawValue)), ("status_reason", text(o.statusReason)), ("owner", text(o.ownerID)),
             ("owner_side", text(o.ownerSide?.rawValue)), ("dossiers", list(o.dossierIDs)), ("bodies", list(o.bodyIDs)),
             ("agreements", list(o.agreementIDs)), ("documents", list(o.documentIDs)), ("source", passage(o.source)),
             ("reported_on", text(o.reportedOn)), ("visibility", visibility(o.visibility))])
    }

    static func node(_ r: AllocationRegime) -> Node {
        map([("id", Node(r.id)), ("country", Node(r.country.rawValue)), ("funding_sources", list(r.fundingSources.map(\.rawValue))),
             ("title", Node(r.title)), ("explanation", text(r.explanation)), ("source", passage(r.source)),
             ("visibility", visibility(r.visibility))])
    }

    static func node(_ l: RailLink) -> Node {
        let sides = l.sides.map { side in
            map([("country", Node(side.country.rawValue)), ("section", text(side.section)), ("ertms", text(side.ertms)),
                 ("electrification", text(side.electrification)), ("freight_740m", text(side.freight740m.map { $0 ? "true" : "false" }))])
        }
        return map([("id", Node(l.id)), ("name", Node(l.name)), ("aliases", list(l.aliases)), ("stations", list(l.stations)),
                    ("status", text(l.status?.rawValue)), ("use", list(l.uses.map(\.rawValue))), ("sides", sides.isEmpty ? nil : Node(sides)),
                    ("summary", text(l.summary)), ("source", passage(l.source)), ("visibility", visibility(l.visibility))])
    }
}
