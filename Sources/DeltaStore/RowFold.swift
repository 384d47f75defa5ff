import SQLKit
import Synchronization

extension SQLQueryFetcher {
    /// The rows folded into `initial` one at a time, as the database hands them over, in order;
    /// the first error `next` throws stops the fold (the remaining rows are passed over) and is
    /// thrown.
    ///
    /// Why not `all()`: at a thousand times the demo the statements that read a whole kind return
    /// tens of thousands of rows. Held all at once before decoding, they took about 40 MB, and
    /// the allocator kept that memory, scattered between the decoded records' texts, after it was
    /// freed. Decoded as they come, a row is let go before the next one arrives.
    package func fold<State: Sendable>(into initial: State, _ next: @escaping @Sendable (inout State, any SQLRow) throws -> Void) async throws -> State {
        let fold = Fold(initial)
        try await run { row in
            fold.state.withLock { state in
                guard state.error == nil else { return }
                do { try next(&state.value, row) } catch { state.error = error }
            }
        }
        return try fold.state.withLock { state in
            if let error = state.error { throw error }
            return state.value
        }
    }

    /// Each row decoded by `decode` as it comes, in order (see `fold(into:_:)`), in storage of
    /// their size (`compacted`).
    package func decodeEach<T: Sendable>(_ decode: @escaping @Sendable (any SQLRow) throws -> T) async throws -> [T] {
        try await fold(into: [T]()) { values, row in values.append(try decode(row)) }.compacted()
    }
}

/// A fold's state, shared with the closure the database calls for each row.
private final class Fold<Value: Sendable>: Sendable {
    let state: Mutex<(value: Value, error: (any Error)?)>

    init(_ value: Value) { state = Mutex((value, nil)) }
}
