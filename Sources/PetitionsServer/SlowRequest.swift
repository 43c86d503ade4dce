import HTTPTypes
import NIOCore
import NIOHTTPTypes

/// Cuts off a request whose body trickles in. Hummingbird's idle timeout (`ServerSettings.idleTimeout`) closes a
/// connection on which nothing happens, a request's head that never ends among them, but every byte of a body counts
/// as something: a body sent a byte every few seconds would hold its connection open for ever. This handler, just
/// after the HTTP codec, gives a body `grace` from the request's head and `1 s` more for each `rate` bytes received;
/// past that it answers 408 (in the house's JSON words, with the security headers, when no answer has begun) and
/// closes the connection. A body arriving at any honest speed never comes near: 1 MiB at 500 bytes a second is 35
/// minutes.
final class SlowRequest: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    /// The time a body may take whatever its size.
    let grace: TimeAmount
    /// The bytes a second a body must keep up, on average, after that.
    let rate: Int
    /// When the head of the request whose body is being read arrived; nil between requests.
    private var started: NIODeadline?
    private var received: Int64 = 0
    /// Whether the answer to the request being read has begun (then it is not answered again).
    private var answering = false
    private var timer: Scheduled<Void>?

    /// The body of the answer.
    static let body =
        #"{"error":"The request's body came too slowly and was not read; send it again at a steadier pace.","field":null}"# + "\n"

    init(grace: TimeAmount, rate: Int) {
        self.grace = grace
        self.rate = max(1, rate)
    }

    /// When the body being read must have ended by, given what has come of it.
    private var deadline: NIODeadline? {
        started.map { $0 + grace + .nanoseconds(received.multipliedReportingOverflow(by: 1_000_000_000).partialValue / Int64(rate)) }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head:
            started = .now()
            received = 0
            answering = false
            schedule(context)
        case .body(let bytes): received += Int64(bytes.readableBytes)
        case .end:
            started = nil
            cancel()
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .head = unwrapOutboundIn(data) { answering = true }
        context.write(data, promise: promise)
    }

    func channelInactive(context: ChannelHandlerContext) {
        cancel()
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) { cancel() }

    private func cancel() {
        timer?.cancel()
        timer = nil
    }

    private func schedule(_ context: ChannelHandlerContext) {
        guard timer == nil, let deadline else { return }
        timer = context.eventLoop.assumeIsolated().scheduleTask(deadline: deadline) {
            self.timer = nil
            guard let now = self.deadline else { return }
            if now > .now() {
                self.schedule(context)
            } else {
                self.cutOff(context)
            }
        }
    }

    private func cutOff(_ context: ChannelHandlerContext) {
        started = nil
        guard !answering, context.channel.isActive else {
            context.close(promise: nil)
            return
        }
        answering = true
        ClosingAnswer.send(.requestTimeout, body: Self.body, context: context) { self.wrapOutboundOut($0) }
    }
}
