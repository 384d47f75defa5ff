import DeltaDomain
import DeltaReports
import DeltaServices
import DeltaStore
import Foundation
import HTTPTypes
import Hummingbird

/// A body's member list as the API shows it, with its version (fingerprint).
struct MembershipList: Codable, Sendable {
    let bodyID: String
    let version: String
    let members: [Membership]

    init(bodyID: String, members: [Membership]) {
        self.bodyID = bodyID
        version = MembershipSaver.version(of: members).value
        self.members = members
    }
}
