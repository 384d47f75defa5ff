import DeltaDomain

/// An import reads and writes the register a part at a time (`Importer.read`): parts are joined
/// (`append`) when they are kept, and records that must wait are taken out of one (`removeHeld`).
extension RegisterSnapshot {
    /// Adds every record of `part` after those held.
    mutating func append(_ part: RegisterSnapshot) {
        organisations += part.organisations
        documents += part.documents
        bodies += part.bodies
        memberships += part.memberships
        dossiers += part.dossiers
        agreements += part.agreements
        milestones += part.milestones
        meetings += part.meetings
        investments += part.investments
        goals += part.goals
        indicators += part.indicators
        allocationRegimes += part.allocationRegimes
        railLinks += part.railLinks
        obstacles += part.obstacles
    }

    /// Takes out the records whose `kind/id` is in `keys` (a body with its memberships), in their
    /// order, and returns them.
    mutating func removeHeld(_ keys: Set<String>) -> RegisterSnapshot {
        var held = RegisterSnapshot()
        func move<R: Identifiable>(_ records: inout [R], _ kind: RecordKind, to target: inout [R]) where R.ID == String {
            guard records.contains(where: { keys.contains("\(kind.rawValue)/\($0.id)") }) else { return }
            var rest: [R] = []
            for record in records {
                if keys.contains("\(kind.rawValue)/\(record.id)") { target.append(record) } else { rest.append(record) }
            }
            records = rest
        }
        move(&organisations, .organisation, to: &held.organisations)
        move(&documents, .document, to: &held.documents)
        move(&bodies, .body, to: &held.bodies)
        if !held.bodies.isEmpty {
            let bodies = Set(held.bodies.map(\.id))
            held.memberships = memberships.filter { bodies.contains($0.bodyID) }
            memberships.removeAll { bodies.contains($0.bodyID) }
        }
        move(&dossiers, .dossier, to: &held.dossiers)
        move(&agreements, .agreement, to: &held.agreements)
        move(&milestones, .milestone, to: &held.milestones)
        move(&meetings, .meeting, to: &held.meetings)
        move(&investments, .investment, to: &held.investments)
        move(&goals, .goal, to: &held.goals)
        move(&indicators, .indicator, to: &held.indicators)
        move(&allocationRegimes, .allocationRegime, to: &held.allocationRegimes)
        move(&railLinks, .railLink, to: &held.railLinks)
        move(&obstacles, .obstacle, to: &held.obstacles)
        return held
    }
}
