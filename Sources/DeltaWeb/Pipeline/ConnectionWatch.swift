import NIOCore
import Synchronization

/// Tells the requests on a connection that the client closed it, so that their work stops
/// instead of going on for nobody (`RequestDeadlineMiddleware`). The server lets clients close
/// their half of a connection (Hummingbird allows remote half-closure), so a client's leaving is
/// seen as the end of its input (`ClientGoneHandler`), or as the connection's closing.
///
/// One callback per connection, however many requests a kept-alive connection carries: a callback
/// per request on the channel's close would pile up on long-lived connections. The watches of open
/// connections are kept by channel in `ConnectionWatches`, and removed when the channel closes.
final class ConnectionWatch: Sendable {
    private struct State {
        var closed = false
        var nextID = 0
        var waiters: [Int: CheckedContinuation<Void, Never>] = [:]
        var cancelledEarly: Set<Int> = []
    }

    private let state = Mutex(State())

    /// Requests waiting now (tests check that none is left behind).
    var waiting: Int { state.withLock { $0.waiters.count } }

    /// The connection closed: every request on it is told.
    func close() {
        let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.closed = true
            defer { state.waiters = [:] }
            return Array(state.waiters.values)
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Returns when the connection closes, or at once when the task is cancelled.
    func waitForClose() async {
        let id = state.withLock { state in
            state.nextID += 1
            return state.nextID
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = state.withLock { state -> Bool in
                    if state.closed || state.cancelledEarly.remove(id) != nil { return true }
                    state.waiters[id] = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
                if let waiter = state.waiters.removeValue(forKey: id) { return waiter }
                // Not stored yet: it returns as soon as it would be. (Once it has returned, the
                // handler no longer runs, so no id is left behind.)
                if !state.closed { state.cancelledEarly.insert(id) }
                return nil
            }
            waiter?.resume()
        }
    }
}

/// The watches of the open connections, by channel.
package final class ConnectionWatches: Sendable {
    private let watches = Mutex<[ObjectIdentifier: ConnectionWatch]>([:])

    package init() {}

    /// Connections watched now (tests check that closed ones are let go).
    var count: Int { watches.withLock { $0.count } }

    /// The watch of `channel`, made (with its one close callback) on the connection's first request.
    func watch(_ channel: any Channel) -> ConnectionWatch {
        let key = ObjectIdentifier(channel)
        let (watch, isNew) = watches.withLock { watches -> (ConnectionWatch, Bool) in
            if let watch = watches[key] { return (watch, false) }
            let watch = ConnectionWatch()
            watches[key] = watch
            return (watch, true)
        }
        if isNew {
            channel.closeFuture.whenComplete { [self] _ in
                _ = watches.withLock { $0.removeValue(forKey: key) }
                watch.close()
            }
        }
        return watch
    }
}

/// Sees a client end its input (it closed its side of the connection, or the whole of it) and
/// tells the requests on that connection (`ConnectionWatches`). It only watches: every read and
/// event goes on unchanged.
final class ClientGoneHandler: ChannelInboundHandler, RemovableChannelHandler, Sendable {
    typealias InboundIn = NIOAny
    let connections: ConnectionWatches

    init(connections: ConnectionWatches) { self.connections = connections }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if case .inputClosed? = event as? ChannelEvent {
            connections.watch(context.channel).close()
        }
        context.fireUserInboundEventTriggered(event)
    }
}
