import DeltaDomain
import DeltaReports
import DeltaServices
import DeltaStore
import Foundation
import HTTPTypes
import Hummingbird

/// The body of `PUT /api/bodies/{id}/members`.
struct MembershipInput: Codable, Sendable {
    let members: [Membership]?
}
