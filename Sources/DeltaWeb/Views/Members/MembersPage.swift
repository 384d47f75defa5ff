import DeltaDomain
import DeltaReports
import DeltaServices
import DeltaStore
import Foundation
import HTTPTypes
import Hummingbird

/// The members page.
struct MembersPage: Codable, Sendable {
    let title: String
    let bodyID: String
    let bodyName: String
    let fingerprint: String
    let members: [MemberRow]
    let fields: [FieldView]
    let invited: Bool
    let hasErrors: Bool
    let positionError: String?
    let conflict: Bool
}
