import DeltaReports
import Foundation
import HTTPTypes
import Hummingbird
import Mustache
import NIOFoundationEssentialsCompat

/// An RFC 9457 problem details document.
struct ProblemDocument: Codable, Sendable {
    let type: String
    let title: String
    let status: Int
    let detail: String
}
