import Crypto
import Hummingbird
import NIOCore

extension Response {
    /// A successful answer whose `ETag` names its bytes, so `ConditionalGetMiddleware` can answer
    /// a repeated request with 304 Not Modified. The tag is a digest of the body as sent, which
    /// already differs per language and per read scope, so two readers never share a tag for
    /// different content.
    static func tagged(headers: HTTPFields, body buffer: ByteBuffer, status: HTTPResponse.Status = .ok) -> Response {
        var headers = headers
        if status == .ok && headers[.eTag] == nil { headers[.eTag] = contentTag(buffer) }
        return Response(status: status, headers: headers, body: .init(byteBuffer: buffer))
    }

    /// A strong entity tag: the first 128 bits of the body's SHA-256, quoted.
    static func contentTag(_ buffer: ByteBuffer) -> String {
        let digest = buffer.withUnsafeReadableBytes { SHA256.hash(data: $0) }
        return "\"" + digest.prefix(16).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined() + "\""
    }
}
