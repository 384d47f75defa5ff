import DeltaDomain
import Foundation
import Yams

/// The sections and keys format 2 added: document relations, agreement evidence, investment
/// years and co-financing, and the goal tree with its indicators.
extension RecordParser {
    // MARK: Documents

    /// `relations:` — `{type, document, planned, quote, anchor, note}`; the quote is in this document.
    mutating func documentRelations(_ map: YAMLMapping, documentID: String, index: Int) throws -> [DocumentRelation] {
        var relations: [DocumentRelation] = []
        for (position, node) in try map.list("relations").enumerated() {
            let entry = try YAMLMapping(node, file: map.file, context: map.context.field("relations"))
            try entry.rejectUnknownKeys(["type", "document", "planned", "quote", "anchor", "note"])
            let target = try entry.id("document")
            guard target != documentID else { throw entry.error(key: "import.document.relatesToItself", at: "document") }
            refer(.init(kind: .document, id: target, location: entry.location(of: "document"), context: map.context))
            relations.append(DocumentRelation(kind: try required(entry, "type", DocumentRelation.Kind.self), targetID: target,
                                              planned: try entry.bool("planned") ?? false, note: try entry.optionalString("note")))
            if try entry.optionalString("quote") != nil {
                try passage(in: entry, document: documentID, context: map.context) { $0.documents[index].relations[position].passage = $1 }
            }
        }
        return relations
    }

    // MARK: Agreements

    /// `evidence:` — `{document, quote}` (a passage), `{meeting, decision}` or `{link, title}`.
    mutating func evidence(_ map: YAMLMapping, index: Int) throws -> [Evidence] {
        var result: [Evidence] = []
        for (position, node) in try map.list("evidence").enumerated() {
            let entry = try YAMLMapping(node, file: map.file, context: map.context.field("evidence"))
            try entry.rejectUnknownKeys(["document", "quote", "anchor", "meeting", "decision", "link", "title"])
            if try entry.optionalString("document") != nil {
                result.append(.passage(PassageReference(documentID: "", anchor: "", start: 0, length: 0, quote: "")))
                try passage(in: entry, context: map.context) { $0.agreements[index].evidence[position] = .passage($1) }
            } else if let meeting = try entry.optionalID("meeting") {
                refer(.init(kind: .meeting, id: meeting, location: entry.location(of: "meeting"), context: map.context))
                result.append(.decision(meetingID: meeting, decisionID: try entry.id("decision")))
            } else if let link = try entry.optionalString("link") {
                guard let url = URL(string: link), ["http", "https"].contains(url.scheme?.lowercased() ?? "") else {
                    throw entry.error(key: "import.agreement.evidenceLink", ["value": .verbatim(link)], at: "link")
                }
                result.append(.link(url: link, title: try entry.string("title")))
            } else {
                throw entry.error(key: "import.agreement.evidenceKind")
            }
        }
        return result
    }

    // MARK: Investments

    /// `years:` — `2026`, `[2026, 2030]` or `{per_year: [2026, 2030]}`.
    func investmentYears(_ map: YAMLMapping) throws -> (years: [Int], recurring: Bool) {
        var recurring = false
        var list: [String]
        if case .mapping = map["years"] {
            let inner = try YAMLMapping(map["years"]!, file: map.file, context: map.context.field("years"))
            try inner.rejectUnknownKeys(["per_year"])
            list = try inner.stringList("per_year")
            recurring = true
        } else {
            list = try map.stringList("years")
        }
        let years = try list.map { text -> Int in
            guard let year = Int(text), (1900...2200).contains(year) else { throw map.error(key: "import.investment.notYears", at: "years") }
            return year
        }
        guard years.count <= 2, years.count < 2 || years[0] <= years[1] else {
            throw map.error(key: "import.investment.yearsOutOfOrder", at: "years")
        }
        if recurring, years.count != 2 { throw map.error(key: "import.investment.perYearRange", at: "years") }
        return (years, recurring)
    }

    /// `co_financing:` — `{organisation, percent}`; shares add up to at most 100.
    mutating func coFinancing(_ map: YAMLMapping) throws -> [CoFinancingShare] {
        var shares: [CoFinancingShare] = []
        for node in try map.list("co_financing") {
            let entry = try YAMLMapping(node, file: map.file, context: map.context.field("co_financing"))
            try entry.rejectUnknownKeys(["organisation", "percent"])
            let organisation = try entry.id("organisation")
            refer(.init(kind: .organisation, id: organisation, location: entry.location(of: "organisation"), context: map.context))
            let text = try entry.string("percent")
            guard let percent = Double(text), percent > 0, percent <= 100 else {
                throw entry.error(key: "import.investment.percent", ["value": .verbatim(text)], at: "percent")
            }
            shares.append(CoFinancingShare(organisationID: organisation, percent: percent))
        }
        if shares.reduce(0, { $0 + $1.percent }) > 100.0001 { throw map.error(key: "import.investment.sharesOver100", at: "co_financing") }
        return shares
    }

    // MARK: Goal tree

    mutating func goal(_ node: Node, file: String) throws {
        var map = try YAMLMapping(node, file: file, context: .kind(.goal))
        let id = try map.id()
        map.context = .record(.goal, id)
        try map.rejectUnknownKeys(["id", "level", "parent", "title", "description", "source", "dossiers", "agreements", "visibility"])
        try define(.goal, id, map.location)
        let level = try required(map, "level", Goal.Level.self)
        let parent = try map.optionalID("parent")
        if level == .goal, parent != nil { throw map.error(key: "import.goal.goalWithParent", at: "parent") }
        if level != .goal, parent == nil { throw map.error(key: "import.field.required", ["field": "parent"]) }
        if let parent {
            refer(.init(kind: .goal, id: parent, location: map.location(of: "parent"), context: map.context))
            self.parent(.goal, id, is: parent, at: map.location(of: "parent"))
        }
        let dossiers = try map.idList("dossiers"), agreements = try map.idList("agreements")
        dossiers.forEach { refer(.init(kind: .dossier, id: $0, location: map.location(of: "dossiers"), context: map.context)) }
        agreements.forEach { refer(.init(kind: .agreement, id: $0, location: map.location(of: "agreements"), context: map.context)) }
        let index = snapshot.goals.count
        snapshot.goals.append(Goal(id: id, level: level, parentID: parent, title: try map.string("title"),
                                   description: try map.optionalString("description"), dossierIDs: dossiers, agreementIDs: agreements,
                                   visibility: try map.enumValue("visibility", Visibility.self) ?? .public))
        try passage(map, "source") { $0.goals[index].source = $1 }
    }

    mutating func indicator(_ node: Node, file: String) throws {
        var map = try YAMLMapping(node, file: file, context: .kind(.indicator))
        let id = try map.id()
        map.context = .record(.indicator, id)
        try map.rejectUnknownKeys(["id", "goal", "title", "unit", "baseline", "target", "values", "source", "visibility"])
        try define(.indicator, id, map.location)
        let goal = try map.id("goal")
        refer(.init(kind: .goal, id: goal, location: map.location(of: "goal"), context: map.context))
        let values = try map.list("values").map { try reading($0, map: map, field: "values", dated: true) }
        let index = snapshot.indicators.count
        snapshot.indicators.append(Indicator(
            id: id, goalID: goal, title: try map.string("title"), unit: try map.string("unit"),
            baseline: try map["baseline"].map { try reading($0, map: map, field: "baseline", dated: true) },
            target: try map["target"].map { try reading($0, map: map, field: "target", dated: false) }, values: values,
            visibility: try map.enumValue("visibility", Visibility.self) ?? .public))
        try passage(map, "source") { $0.indicators[index].source = $1 }
    }

    /// `{value: 12.5, date: 2024-12-31, source: "…"}`; the date may be left out of a target only.
    private func reading(_ node: Node, map: YAMLMapping, field: String, dated: Bool) throws -> Indicator.Reading {
        let entry = try YAMLMapping(node, file: map.file, context: map.context.field(field))
        try entry.rejectUnknownKeys(["value", "date", "source"])
        let text = try entry.string("value")
        guard let value = Double(text), value.isFinite else {
            throw entry.error(key: "import.indicator.notANumber", ["value": .verbatim(text)], at: "value")
        }
        let date = try entry.date("date")
        if dated, date == nil { throw entry.error(key: "import.field.required", ["field": "date"]) }
        return Indicator.Reading(value: value, date: date, source: try entry.optionalString("source"))
    }
}
