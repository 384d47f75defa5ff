import DeltaReports
import DeltaServices
import DeltaStore
import Foundation
import Hummingbird
import Logging
import NIOCore
import NIOFoundationEssentialsCompat

/// A plain error page: a title and one sentence.
struct ErrorPage: Codable, Sendable {
    let title: String
    let message: String
}
