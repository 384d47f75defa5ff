import DeltaReports
import DeltaServices
import DeltaStore
import Foundation
import Hummingbird
import Logging
import NIOCore
import NIOFoundationEssentialsCompat

/// An error a route throws on purpose: a status and the catalogue key of the message the reader
/// sees (with its parameters), rendered by `ErrorPageMiddleware` in the reader's language.
struct AppError: Error, Sendable {
    let status: HTTPResponse.Status
    let key: String
    let arguments: [String: String]

    init(_ status: HTTPResponse.Status, _ key: String, _ arguments: [String: String] = [:]) {
        self.status = status
        self.key = key
        self.arguments = arguments
    }
}
