import DeltaDomain
import DeltaReports
import DeltaStore

/// The editor of a node of the goal tree (doelenboom): its level and the node above it, what it
/// says, the dossiers and agreements behind it and, optionally, the passage that states it.
///
/// The tree keeps its shape: a goal has no parent, a priority sits under a goal and a measure
/// under a priority; a node never sits under itself or under a node below it, and a node with
/// children keeps the level its children need.
package enum GoalForm: RecordForm {
    package static let segment = "goals"
    /// The longest description: a paragraph, not a report.
    package static let descriptionLimit = 4_000

    package static func fields(_ choices: FormChoices, isNew: Bool, labels l: Labels) -> [FieldSpec] {
        let parents = nodeChoices(choices, labels: l).filter { choices.goalLevels[$0.value] != .measure }
        return [
            FieldSpec(name: "level", label: l.text("form.goals.level"), input: .select(enumChoices(Goal.Level.self, l.goalLevel)), required: true),
            FieldSpec(name: "parentID", label: l.text("form.goals.parentID"), input: .select(optionalChoice(parents)),
                      hint: l.text("form.goals.parentIDHint")),
            FieldSpec(name: "title", label: l.text("form.goals.title"), input: .text, required: true),
            FieldSpec(name: "description", label: l.text("form.goals.description"), input: .textarea,
                      hint: l.text("form.goals.descriptionHint", ["limit": l.numbers.integer(descriptionLimit)])),
            FieldSpec(name: "dossierIDs", label: l.text("form.goals.dossierIDs"), input: .text, hint: l.text("form.goals.dossierIDsHint")),
            FieldSpec(name: "agreementIDs", label: l.text("form.goals.agreementIDs"), input: .text, hint: l.text("form.goals.agreementIDsHint")),
            FieldSpec(name: "documentID", label: l.text("form.goals.documentID"), input: .select(optionalChoice(choices.documents))),
            FieldSpec(name: "quote", label: l.text("form.goals.quote"), input: .textarea, hint: l.text("form.goals.quoteHint")),
            visibilityField(l),
        ]
    }

    package static func values(of g: Goal) -> [String: String] {
        ["level": g.level.rawValue, "parentID": g.parentID ?? "", "title": g.title, "description": g.description ?? "",
         "dossierIDs": g.dossierIDs.joined(separator: ", "), "agreementIDs": g.agreementIDs.joined(separator: ", "),
         "documentID": g.source?.documentID ?? "", "quote": g.source?.quote ?? "", "visibility": g.visibility.rawValue]
    }

    package static func build(_ r: inout FieldReader, id: String, existing: Goal?, choices: FormChoices) -> Goal? {
        let level = r.choice("level", Goal.Level.self)
        let parent = r.reference("parentID", among: choices.ids(choices.goals))
        if let level { checkPlace(&r, id: id, level: level, parent: parent, choices: choices) }
        let title = r.required("title", r.labels.text("form.goals.title"), limit: 300)
        let description = r.optional("description", limit: descriptionLimit)
        let dossiers = listOfReferences(&r, "dossierIDs", among: choices.ids(choices.dossiers))
        let agreements = listOfReferences(&r, "agreementIDs", among: choices.ids(choices.agreements))
        let source = passage(&r, among: choices.ids(choices.documents), paragraphs: choices.paragraphs)
        let visibility = r.choice("visibility", Visibility.self, default: .public)
        guard r.errors.isEmpty, let level, let visibility else { return nil }
        return Goal(id: id, level: level, parentID: parent, title: title, description: description, source: source,
                    dossierIDs: dossiers, agreementIDs: agreements, visibility: visibility)
    }

    package static func page(of g: Goal) -> String { "/goals#\(g.id)" }

    /// The node's place in the tree: the parent its level needs, no cycle, and children that still fit.
    private static func checkPlace(_ r: inout FieldReader, id: String, level: Goal.Level, parent: String?, choices: FormChoices) {
        let wanted: Goal.Level? = switch level {
        case .goal: nil
        case .priority: .goal
        case .measure: .priority
        }
        if let parent, r.errors["parentID"] == nil {
            if wanted == nil {
                r.fail("parentID", r.labels.text("form.goals.parentIDGoal"))
            } else if parent == id {
                r.fail("parentID", r.labels.text("form.goals.parentIDSelf"))
            } else if isBelow(parent, id, parents: choices.goalParents) {
                r.fail("parentID", r.labels.text("form.goals.parentIDCycle", ["value": parent]))
            } else if let wanted, choices.goalLevels[parent] != wanted {
                r.fail("parentID", r.labels.text("form.goals.parentIDLevel", ["level": r.labels.goalLevel(level), "parent": r.labels.goalLevel(wanted)]))
            }
        } else if parent == nil, let wanted {
            r.fail("parentID", r.labels.text("form.goals.parentIDMissing", ["level": r.labels.goalLevel(level), "parent": r.labels.goalLevel(wanted)]))
        }
        // Children keep fitting: a priority's measures need it to stay a priority.
        let childLevels = Set(choices.goalParents.filter { $0.value == id }.compactMap { choices.goalLevels[$0.key] })
        let fitting: Goal.Level? = switch level {
        case .goal: .priority
        case .priority: .measure
        case .measure: nil
        }
        if let child = childLevels.first(where: { $0 != fitting }) {
            r.fail("level", r.labels.text("form.goals.levelChildren", ["level": r.labels.goalLevel(child)]))
        }
    }

    /// The visible nodes as choices, each labelled with its level ("Priority: …").
    static func nodeChoices(_ choices: FormChoices, labels l: Labels) -> [Choice] {
        choices.goals.map { choice in
            guard let level = choices.goalLevels[choice.value] else { return choice }
            return Choice(value: choice.value, label: l.text("form.goals.nodeChoice", ["level": l.goalLevel(level), "title": choice.label]))
        }
    }

    /// Whether `node` lies below `ancestor` in the stored tree (walking up at most the tree's size).
    static func isBelow(_ node: String, _ ancestor: String, parents: [String: String]) -> Bool {
        var current = parents[node]
        var steps = 0
        while let above = current, steps <= parents.count {
            if above == ancestor { return true }
            current = parents[above]
            steps += 1
        }
        return false
    }

    /// A comma-separated list of known ids, at most 2,000 characters, each once.
    static func listOfReferences(_ r: inout FieldReader, _ name: String, among known: Set<String>) -> [String] {
        if (r.values[name]?.count ?? 0) > 2_000 {
            r.fail(name, r.labels.text("form.error.tooLong", ["limit": r.labels.numbers.integer(2_000)]))
        }
        var unique: [String] = []
        for item in r.references(name, among: known) where !unique.contains(item) { unique.append(item) }
        return unique
    }

    /// An optional passage (`documentID` and `quote`): the one rule of `FieldReader.passage`.
    /// Shared with the indicator form.
    static func passage(_ r: inout FieldReader, among documents: Set<String>, paragraphs: [Paragraph]) -> PassageReference? {
        r.passage(document: "documentID", quote: "quote", among: documents, paragraphs: paragraphs)
    }
}
