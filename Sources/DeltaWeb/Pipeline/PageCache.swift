import DeltaDomain
import Foundation
import Hummingbird
import Synchronization

/// Answers kept by address, language, day, register version and reader.
///
/// The register version is the head of the audit log: every change of a record — form, API,
/// import, command line, migration — appends an entry in its own transaction, so a new version
/// is visible exactly when the change is, and an answer kept under an older one is never given
/// again. Bounded: at most `maximumEntries` answers and `maximumBytes` together; the oldest go first.
package final class PageCache: Sendable {
    package struct Key: Hashable, Sendable {
        let uri: String
        let language: String
        let day: String
        let version: Int
        /// Who the answer was built for; nil for anonymous readers, who all see the same.
        let reader: Reader?

        package init(uri: String, language: String, day: String, version: Int, reader: Reader? = nil) {
            self.uri = uri; self.language = language; self.day = day; self.version = version; self.reader = reader
        }
    }

    /// A signed-in reader, as far as a page can depend on them: the whole account (role, scope,
    /// delegation, name — an admin's change of any of them makes a new key) and the session or
    /// token (a page carries its session's CSRF token).
    package struct Reader: Hashable, Sendable {
        let account: Account
        let credential: String

        package init(account: Account, credential: String) {
            self.account = account; self.credential = credential
        }
    }

    package struct Entry: Sendable {
        let status: HTTPResponse.Status
        let headers: HTTPFields
        let body: ByteBuffer
        let route: String?

        package init(status: HTTPResponse.Status, headers: HTTPFields, body: ByteBuffer, route: String?) {
            self.status = status; self.headers = headers; self.body = body; self.route = route
        }
    }

    package static let maximumEntries = 2_000
    /// The bytes of all answers kept together.
    let maximumBytes: Int
    /// Larger answers are not kept.
    static let maximumEntryBytes = 4 * 1024 * 1024

    private struct State {
        var entries: [Key: Entry] = [:]
        var order: [Key] = []
        var bytes = 0
    }

    private let state = Mutex(State())

    /// A cache of at most `maximumBytes` of answers (`AppConfiguration.pageCacheBytes`).
    package init(maximumBytes: Int) { self.maximumBytes = maximumBytes }

    package func entry(_ key: Key) -> Entry? { state.withLock { $0.entries[key] } }

    package func keep(_ entry: Entry, for key: Key) {
        guard entry.body.readableBytes <= Self.maximumEntryBytes else { return }
        state.withLock { state in
            // Answers of an older version are never asked for again: drop them first.
            if state.order.first.map({ $0.version < key.version }) == true {
                for old in state.order where old.version < key.version { state.bytes -= state.entries.removeValue(forKey: old)?.body.readableBytes ?? 0 }
                state.order.removeAll { $0.version < key.version }
            }
            if let previous = state.entries.updateValue(entry, forKey: key) {
                state.bytes -= previous.body.readableBytes
            } else {
                state.order.append(key)
            }
            state.bytes += entry.body.readableBytes
            while state.order.count > Self.maximumEntries || state.bytes > maximumBytes, !state.order.isEmpty {
                let oldest = state.order.removeFirst()
                state.bytes -= state.entries.removeValue(forKey: oldest)?.body.readableBytes ?? 0
            }
        }
    }

    package var count: Int { state.withLock { $0.entries.count } }
}
