import DeltaDomain
import DeltaStore

/// The title and page of every record of some kinds that a reader may see, read once per kind:
/// what a list of changes needs to name its records. A record missing here is one the reader
/// may not see (or one that is gone), and is left out of the list.
struct RecordNames: Sendable {
    let title: String
    /// The record's page, as a path.
    let path: String

    static func read(kinds: Set<RecordKind>, register: Register) async throws -> [RecordKind: [String: RecordNames]] {
        var result: [RecordKind: [String: RecordNames]] = [:]
        // Milestones and agreements link to a dossier or document, only if that one is visible too.
        let dossiers = kinds.contains(.dossier) || kinds.contains(.milestone) ? try await register.dossiers() : []
        let visibleDossiers = Set(dossiers.map(\.id))
        let documents = kinds.contains(.document) || kinds.contains(.agreement) ? try await register.documentHeaders() : []
        let visibleDocuments = Set(documents.map(\.id))
        for kind in kinds.sorted(by: { $0.rawValue < $1.rawValue }) {
            var names: [String: RecordNames] = [:]
            func add(_ id: String, _ title: String, _ path: String) { names[id] = RecordNames(title: title, path: path) }
            switch kind {
            case .dossier:
                for dossier in dossiers { add(dossier.id, dossier.title, "/dossiers/\(dossier.id)") }
            case .document:
                for document in documents { add(document.id, document.title, "/documents/\(document.id)") }
            case .agreement:
                for agreement in try await register.agreements() {
                    let path = visibleDocuments.contains(agreement.source.documentID)
                        ? "/documents/\(agreement.source.documentID)#\(agreement.source.anchor)"
                        : agreement.dossierIDs.first.map { "/dossiers/\($0)" } ?? "/documents"
                    add(agreement.id, agreement.title, path)
                }
            case .milestone:
                for milestone in try await register.milestones() {
                    let dossier = milestone.dossierIDs.first(where: visibleDossiers.contains)
                    add(milestone.id, milestone.title, dossier.map { "/dossiers/\($0)#\(milestone.id)" } ?? "/planning")
                }
            case .meeting:
                for meeting in try await register.meetings() { add(meeting.id, meeting.title, "/meetings/\(meeting.id)") }
            case .body:
                for body in try await register.bodies() { add(body.id, body.name, "/bodies/\(body.id)") }
            case .organisation:
                for organisation in try await register.organisations() { add(organisation.id, organisation.name, "/organisations#\(organisation.id)") }
            case .investment:
                for investment in try await register.investments() { add(investment.id, investment.title, "/investments") }
            case .goal:
                for goal in try await register.goals() { add(goal.id, goal.title, "/goals#\(goal.id)") }
            case .indicator:
                for indicator in try await register.indicators() { add(indicator.id, indicator.title, "/goals") }
            case .allocationRegime:
                for regime in try await register.allocationRegimes() { add(regime.id, regime.title, "/investments#regime-\(regime.id)") }
            case .railLink:
                for link in try await register.railLinks() { add(link.id, link.name, "/rail-links/\(link.id)") }
            case .obstacle:
                for obstacle in try await register.obstacles() { add(obstacle.id, obstacle.title, "/obstacles/\(obstacle.id)") }
            }
            result[kind] = names
        }
        return result
    }
}
