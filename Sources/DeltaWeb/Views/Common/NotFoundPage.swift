import DeltaDomain
import DeltaReports
import DeltaServices
import DeltaStore
import Hummingbird

/// The 404 page: what was asked for, in the reader's language.
struct NotFoundPage: Codable, Sendable {
    let title: String
    let message: String

    init(kind: String, id: String, labels: Labels) {
        title = labels.text("error.notFound.title")
        message = labels.text("error.notFound.record", ["kind": labels.text("kind.\(kind)"), "id": id])
    }

    init(path: String, labels: Labels) {
        title = labels.text("error.notFound.title")
        message = labels.text("error.notFound.page", ["path": path])
    }
}
