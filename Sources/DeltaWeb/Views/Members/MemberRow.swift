import DeltaDomain
import DeltaReports
import DeltaServices
import DeltaStore
import Foundation
import HTTPTypes
import Hummingbird

/// A member in the list.
struct MemberRow: Codable, Sendable {
    let position: Int
    let organisation: String
    let person: String?
    let roleLabel: String
    let invited: Bool
    let from: String?
    let until: String?
}
