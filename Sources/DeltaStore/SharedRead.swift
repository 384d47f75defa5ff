import Synchronization

/// A value read once per register view: the first caller reads it, and callers at the same time
/// (a page's reads side by side, `withShownAlongside`) wait for that read instead of each running
/// the statement again. A read that fails is forgotten, so the next caller reads again.
///
/// Why: `QueryCountTests` holds every page to a fixed number of statements; with reads side by
/// side, a value remembered only once read was read by each of them.
final class SharedRead<Value: Sendable>: Sendable {
    private let reading = Mutex<Task<Value, any Error>?>(nil)

    /// The value `read()` gives, read by the first caller only.
    func value(_ read: @escaping @Sendable () async throws -> Value) async throws -> Value {
        let task = reading.withLock { current in
            if let current { return current }
            let task = Task { try await read() }
            current = task
            return task
        }
        do {
            // The callers are one request's reads: when it is cancelled (its client has gone, its
            // deadline passed), so is the read, which is then forgotten like any failed one.
            return try await withTaskCancellationHandler { try await task.value } onCancel: { task.cancel() }
        } catch {
            reading.withLock { if $0 == task { $0 = nil } }
            throw error
        }
    }
}
