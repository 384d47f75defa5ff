/// The obstacle register's list (`/obstacles`, `/api/obstacles`): the obstacles this reader is
/// shown — the public sees the published ones — with the filters applied, and counts per domain
/// and status over all of them (so that each filter says how many it would show).
struct ObstacleListPage: Codable, Sendable {
    let title: String
    /// The filters as given (raw values; nil: not filtered).
    let domain: String?
    let status: String?
    let region: String?
    let domains: [ObstacleCount]
    let statuses: [ObstacleCount]
    /// The regions the shown obstacles name, for the region filter.
    let regions: [ObstacleChoice]
    let obstacles: [ObstacleItem]
    /// How many obstacles the reader is shown in all, and how many the filters keep.
    let total: Int
    let shown: Int
}

/// One value of a filter with the number of obstacles that have it.
struct ObstacleCount: Codable, Sendable {
    let value: String
    let label: String
    let count: Int
    let selected: Bool
}

/// One choice of the region filter.
struct ObstacleChoice: Codable, Sendable {
    let value: String
    let selected: Bool
}

/// An obstacle in the list.
struct ObstacleItem: Codable, Sendable {
    let id: String
    let url: String
    let reference: String?
    let title: String
    let domain: String
    let domainLabel: String
    let status: String
    let statusLabel: String
    let region: String?
    /// False for the ones only officials see (not published yet).
    let published: Bool
}
