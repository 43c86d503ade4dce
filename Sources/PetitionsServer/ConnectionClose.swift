import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import NIOHTTP1

/// The HTTP/1 server with two things Hummingbird leaves out: an address too long for the decoder told from headers too
/// large (LongLines, for MalformedRequest's 414 and 431), and a request that does not ask to keep its connection (an
/// HTTP/1.0 request without `Connection: keep-alive`, RFC 9112 §9.3) has it closed after its answer. Hummingbird
/// reads the request through version-less HTTP types and closes only on `Connection: close`, so an HTTP/1.0 client
/// (ab, an old proxy) waited for the idle cut-off for an end of answer it reads as the connection closing.
struct ClosingHTTP1Channel: ServerChildChannel {
    typealias Value = HTTP1Channel.Value
    let channel: HTTP1Channel

    /// The server for `settings`-like configuration, as `.http1(configuration:)` builds it, with this added.
    static func builder(_ configuration: HTTP1Channel.Configuration) -> HTTPServerBuilder {
        HTTPServerBuilder { responder in ClosingHTTP1Channel(channel: HTTP1Channel(responder: responder, configuration: configuration)) }
    }

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        self.channel.setup(channel: channel, logger: logger).flatMapThrowing { value in
            // Right after the HTTP/1 decoder, while the request still has its version.
            let decoder = try channel.pipeline.syncOperations.handler(type: ByteToMessageHandler<HTTPRequestDecoder>.self)
            try channel.pipeline.syncOperations.addHandler(CloseUnlessKeptAlive(), position: .after(decoder))
            // Just before it, the watch that tells an address too long for it from headers too large (LongAddress).
            let lines = LongLines()
            try channel.pipeline.syncOperations.addHandler(lines, position: .before(decoder))
            try channel.pipeline.syncOperations.handler(type: MalformedRequest.self).lines = lines
            return value
        }
    }

    func handle(value: Value, logger: Logger) async { await channel.handle(value: value, logger: logger) }
}

/// Marks `Connection: close` on a request that does not ask to keep its connection, which Hummingbird then closes
/// after the answer.
final class CloseUnlessKeptAlive: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard case .head(var head) = unwrapInboundIn(data), !head.isKeepAlive else {
            context.fireChannelRead(data)
            return
        }
        head.headers.replaceOrAdd(name: "connection", value: "close")
        context.fireChannelRead(wrapInboundOut(.head(head)))
    }
}
