import HTTPTypes
import Hummingbird
import Synchronization

/// Collects a response body's bytes (a body writes itself into a writer, which it consumes;
/// the bytes are gathered here so they can be kept and sent again).
final class BodyCollector: Sendable {
    private let collected = Mutex(ByteBuffer())

    var buffer: ByteBuffer { collected.withLock { $0 } }

    func writer() -> Writer { Writer(collector: self) }

    func append(_ buffer: ByteBuffer) {
        collected.withLock { collected in
            var part = buffer
            collected.writeBuffer(&part)
        }
    }

    struct Writer: ResponseBodyWriter {
        let collector: BodyCollector
        mutating func write(_ buffer: ByteBuffer) async throws { collector.append(buffer) }
        consuming func finish(_ trailingHeaders: HTTPFields?) async throws {}
    }
}
