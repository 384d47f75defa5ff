import DeltaDomain
import DeltaReports
import DeltaServices
import DeltaStore

/// The filters of the obstacle list.
struct ObstacleFilter: Sendable {
    var domain: ObstacleDomain?
    var status: ObstacleStatus?
    var region: String?
}

extension Register {
    /// The obstacle list with its filters and counts: one read (two for a public-only reader, who
    /// is shown what the register's one rule shows).
    func obstacleListPage(filter: ObstacleFilter, labels: Labels) async throws -> ObstacleListPage {
        let all = try await obstacles()
        let kept = all.filter { obstacle in
            (filter.domain.map { obstacle.domain == $0 } ?? true) && (filter.status.map { obstacle.status == $0 } ?? true)
                && (filter.region.map { obstacle.region == $0 } ?? true)
        }
        let domainCounts = Dictionary(grouping: all, by: \.domain).mapValues(\.count)
        let statusCounts = Dictionary(grouping: all, by: \.status).mapValues(\.count)
        let regions = Set(all.compactMap(\.region)).sorted()
        return ObstacleListPage(
            title: labels.text("obstacles.list.title"), domain: filter.domain?.rawValue, status: filter.status?.rawValue, region: filter.region,
            domains: ObstacleDomain.allCases.map { ObstacleCount(value: $0.rawValue, label: labels.text("obstacleDomain.\($0.rawValue)"),
                                                                 count: domainCounts[$0] ?? 0, selected: filter.domain == $0) },
            statuses: ObstacleStatus.allCases.map { ObstacleCount(value: $0.rawValue, label: labels.text("obstacleStatus.\($0.rawValue)"),
                                                                  count: statusCounts[$0] ?? 0, selected: filter.status == $0) },
            regions: regions.map { ObstacleChoice(value: $0, selected: filter.region == $0) },
            obstacles: kept.map { obstacle in
                ObstacleItem(id: obstacle.id, url: "/obstacles/\(obstacle.id)", reference: obstacle.reference, title: obstacle.title,
                             domain: obstacle.domain.rawValue, domainLabel: labels.text("obstacleDomain.\(obstacle.domain.rawValue)"),
                             status: obstacle.status.rawValue, statusLabel: labels.text("obstacleStatus.\(obstacle.status.rawValue)"),
                             region: obstacle.region, published: obstacle.visibility == .public)
            },
            total: all.count, shown: kept.count)
    }

    /// One obstacle's page; nil when the reader is not shown it. Reads the names of what it links
    /// to only when it links to something of that kind (at most six reads).
    func obstaclePage(id: String, account: Account?, labels: Labels) async throws -> ObstaclePage? {
        guard let obstacle = try await obstacle(id: id) else { return nil }
        return ObstaclePage(title: obstacle.title, obstacle: try await obstacleView(obstacle, account: account, labels: labels))
    }

    /// An obstacle with the names of the records it is linked to.
    func obstacleView(_ obstacle: Obstacle, account: Account?, labels: Labels) async throws -> ObstacleView {
        let organisations = obstacle.ownerID == nil ? [] : try await organisations()
        let dossiers = obstacle.dossierIDs.isEmpty ? [] : try await dossiers()
        let bodies = obstacle.bodyIDs.isEmpty ? [] : try await bodies()
        let agreements = obstacle.agreementIDs.isEmpty ? [] : try await agreements()
        let documents = obstacle.documentIDs.isEmpty && obstacle.source == nil ? [] : try await documentHeaders()
        func links<R>(_ ids: [String], _ records: [R], id: (R) -> String, name: (R) -> String, url: (String) -> String) -> [LinkView] {
            let byID = Dictionary(records.map { (id($0), $0) }, uniquingKeysWith: { first, _ in first })
            return ids.compactMap { key in byID[key].map { LinkView(id: key, name: name($0), url: url(key)) } }
        }
        let owner = links(obstacle.ownerID.map { [$0] } ?? [], organisations, id: \.id, name: \.name, url: { "/organisations#\($0)" }).first
        let sourceTitle = obstacle.source.flatMap { source in documents.first { $0.id == source.documentID }?.title }
        // Only an account that edits something can be one that triages (no reads for the public).
        let mayEdit = AccessRules.mayEditSomething(account) ? try await RecordSaver.mayEdit(obstacle, account: account, in: self) : false
        return ObstacleView(
            id: obstacle.id, reference: obstacle.reference, title: obstacle.title, description: obstacle.description,
            placeBelgium: obstacle.placeBelgium, placeNetherlands: obstacle.placeNetherlands, since: obstacle.since, affected: obstacle.affected,
            domain: obstacle.domain.rawValue, domainLabel: labels.text("obstacleDomain.\(obstacle.domain.rawValue)"), region: obstacle.region,
            status: obstacle.status.rawValue, statusLabel: labels.text("obstacleStatus.\(obstacle.status.rawValue)"), statusReason: obstacle.statusReason,
            owner: owner, ownerSide: obstacle.ownerSide?.rawValue, ownerSideLabel: obstacle.ownerSide.map(labels.country),
            dossiers: links(obstacle.dossierIDs, dossiers, id: \.id, name: \.title, url: { "/dossiers/\($0)" }),
            bodies: links(obstacle.bodyIDs, bodies, id: \.id, name: \.name, url: { "/bodies/\($0)" }),
            agreements: links(obstacle.agreementIDs, agreements, id: \.id, name: \.title, url: { "/agreements/\($0)" }),
            documents: links(obstacle.documentIDs, documents, id: \.id, name: \.title, url: { "/documents/\($0)" }),
            source: obstacle.source.flatMap { source in sourceTitle.map { PassageView(source, documentTitle: $0) } },
            reportedOn: obstacle.reportedOn, published: obstacle.visibility == .public,
            editURL: mayEdit ? "/obstacles/\(obstacle.id)/edit" : nil, triageURL: mayEdit ? "/obstacles/\(obstacle.id)/triage" : nil)
    }
}
