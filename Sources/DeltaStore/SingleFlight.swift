import Synchronization

/// One piece of work at a time per key: who asks while it runs waits for it and shares its result.
///
/// Why: after a change (or a start) at 1 000× the demo, sixteen readers of the overview each read
/// the whole register and built the page at once: 33 s each and 2.4 GB, against 3.4 s and
/// 0.3 GB for one. The remembered reads (`ReadMemo`) and the page cache both take turns here.
package final class SingleFlight<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    /// What an asker does.
    package enum Turn: Sendable {
        /// Nobody works on the key: do the work, then `finish` it (also when it fails).
        case lead
        /// The work another did.
        case shared(Value)
        /// The other's work failed or cannot be shared, or this asker was cancelled: do it alone.
        case alone
    }

    private struct State {
        /// Work in progress, with the ids of the askers waiting for each.
        var working: [Key: Set<Int>] = [:]
        /// Waiting askers' continuations, once installed.
        var continuations: [Int: CheckedContinuation<Turn, Never>] = [:]
        /// Turns given before their asker installed its continuation.
        var given: [Int: Turn] = [:]
        var nextAsker = 0
    }

    private let state = Mutex(State())

    package init() {}

    /// `.lead` if nobody works on `key`; otherwise waits for the one who does.
    package func turn(for key: Key) async -> Turn {
        let id: Int? = state.withLock { state in
            guard state.working[key] != nil else {
                state.working[key] = []
                return nil
            }
            let id = state.nextAsker
            state.nextAsker += 1
            state.working[key]?.insert(id)
            return id
        }
        guard let id else { return .lead }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in install(continuation, id: id) }
        } onCancel: {
            stopWaiting(id, for: key)
        }
    }

    /// Ends the work on `key`: its waiters get `value`, or `.alone` when there is none to share.
    package func finish(_ key: Key, with value: Value?) {
        let turn: Turn = value.map { .shared($0) } ?? .alone
        let waiting = state.withLock { state -> [CheckedContinuation<Turn, Never>] in
            var waiting: [CheckedContinuation<Turn, Never>] = []
            for id in state.working.removeValue(forKey: key) ?? [] {
                if let continuation = state.continuations.removeValue(forKey: id) {
                    waiting.append(continuation)
                } else {
                    state.given[id] = turn
                }
            }
            return waiting
        }
        waiting.forEach { $0.resume(returning: turn) }
    }

    /// Askers waiting now (tests wait for them).
    package var waiting: Int { state.withLock { $0.working.values.reduce(0) { $0 + $1.count } } }

    private func install(_ continuation: CheckedContinuation<Turn, Never>, id: Int) {
        let turn = state.withLock { state -> Turn? in
            if let turn = state.given.removeValue(forKey: id) { return turn }
            state.continuations[id] = continuation
            return nil
        }
        if let turn { continuation.resume(returning: turn) }
    }

    /// A cancelled asker stops waiting (if the work has not ended yet).
    private func stopWaiting(_ id: Int, for key: Key) {
        let continuation = state.withLock { state -> CheckedContinuation<Turn, Never>? in
            guard state.working[key]?.remove(id) != nil else { return nil }
            if let continuation = state.continuations.removeValue(forKey: id) { return continuation }
            state.given[id] = .alone
            return nil
        }
        continuation?.resume(returning: .alone)
    }
}
