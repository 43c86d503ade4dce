import HTTPTypes
import NIOCore
import NIOHTTP1
import NIOHTTPTypes

/// The answer to bytes that are not an HTTP/1.1 request. Hummingbird answers those itself, below the router and so
/// below every middleware, with a bare 400 (no body, none of the security headers). This handler sits in the
/// connection's pipeline just after the HTTP codec, sees the parse error first, and answers it as FrontDoor answers
/// every other error: the JSON error body (the request's address cannot be known, so JSON for all) and the security
/// headers, then closes the connection, as Hummingbird would. An error in the middle of a request, whose handler is
/// already answering, is left to Hummingbird: one answer per request. A head that cannot be read while answers to the
/// requests before it are owed (a client that pipelines) is answered once they have been sent, in order.
final class MalformedRequest: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    /// Requests read whose response has not yet ended.
    private var open = 0
    private var answered = false
    /// Whether a request's head has been read and not yet its end (an error now is in its body, its handler's to answer).
    private var reading = false
    /// The refusal of a head read while answers to requests before it were owed, sent when the last of them ends.
    private var owed: HTTPParserError?
    /// What the connection's heads held before the decoder read them: whether a head it gave up on was an address over
    /// the limit or headers, and under which address; told when the decoder has read a request's head and its end,
    /// after which a head comes again (set by ClosingHTTP1Channel; nil in a pipeline without it).
    var lines: LongLines?

    /// The body of the answer.
    static let body = #"{"error":"The request could not be read: it is not well-formed HTTP/1.1.","field":null}"# + "\n"

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head:
            open += 1
            reading = true
            lines?.headRead()
        case .end:
            reading = false
            lines?.requestEnded()
        case .body: break
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        guard case .end = unwrapOutboundIn(data) else { return context.write(data, promise: promise) }
        open = max(0, open - 1)
        context.write(data, promise: promise)
        if open == 0, let error = owed {
            owed = nil
            answer(error, context: context)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        // The decoder, having given up, refuses whatever else comes: the refusal owed says all there is to say.
        if owed != nil, error is ByteToMessageDecoderError { return }
        // An error in a request whose answer is being given (its body) is the handler's to answer.
        guard let error = error as? HTTPParserError, !answered, open == 0 || !reading else {
            context.fireErrorCaught(error)
            return
        }
        answered = true
        if open > 0 {
            owed = error
        } else {
            answer(error, context: context)
        }
    }

    /// Answers a head the decoder could not read, and closes the connection.
    private func answer(_ error: HTTPParserError, context: ChannelHandlerContext) {
        // A head too large for the decoder: 414 when its address was (LongAddress), as one it read but FrontDoor
        // refused, else 431 (LargeHeaders).
        if case .headerOverflow = error {
            let failure = lines?.addressTooLong == true ? LongAddress.failure : LargeHeaders.failure(field: lines?.longField)
            if lines?.answersJSON == false {
                ClosingAnswer.send(failure.status, body: WebPage.html(failure), contentType: "text/html; charset=utf-8", context: context) {
                    self.wrapOutboundOut($0)
                }
            } else {
                let body = (try? JSONText.bytes(ErrorBody(error: failure.message, field: failure.field))).map { String(buffer: $0) } ?? Self.body
                ClosingAnswer.send(failure.status, body: body, context: context) { self.wrapOutboundOut($0) }
            }
            return
        }
        ClosingAnswer.send(.badRequest, body: Self.body, context: context) { self.wrapOutboundOut($0) }
    }
}

/// The answer a channel handler below the router gives before it closes the connection: `status` with a JSON error
/// `body` (or a page, of `contentType`) and the security headers FrontDoor gives every other answer (MalformedRequest, SlowRequest).
enum ClosingAnswer {
    static func send(
        _ status: HTTPResponse.Status, body text: String, contentType: String = "application/json; charset=utf-8",
        context: ChannelHandlerContext, wrap: (HTTPResponsePart) -> NIOAny
    ) {
        let body = ByteBuffer(string: text)
        var head = HTTPResponse(status: status)
        head.headerFields = FrontDoor.securityHeaders
        head.headerFields[.contentType] = contentType
        head.headerFields[.contentLength] = String(body.readableBytes)
        head.headerFields[.connection] = "close"
        context.write(wrap(.head(head)), promise: nil)
        context.write(wrap(.body(body)), promise: nil)
        context.writeAndFlush(wrap(.end(nil))).assumeIsolated().whenComplete { _ in context.close(promise: nil) }
    }
}
