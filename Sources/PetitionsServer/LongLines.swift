import NIOCore

/// Watches the heads of a connection's requests before the HTTP/1.1 decoder reads them, line by line, keeping the
/// first bytes of the request line and of the last line longer than `LongAddress.limit`. NIO's decoder says only
/// "header overflow" of a head over its bound, whether the address, one header or all of them overflowed; when the
/// long line was the request line, it was the address (MalformedRequest answers 414), else the headers (431,
/// LargeHeaders), answered in JSON or as a page as the request line's address says. The bytes pass on untouched.
///
/// Only heads are looked at: after a head's empty line the bytes are a body's (an attachment's megabytes), passed on
/// unread until MalformedRequest sees the decoder end the request (`requestEnded`), and the next bytes open the next
/// head. A client that pipelines (sends a request before the answer to the one before) may have the start of a head
/// in the bytes of a body; its overflow is then answered 431, never 414, and MalformedRequest answers none of a head
/// that comes while an answer is owed anyway.
final class LongLines: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    /// The most bytes of a line kept: enough for a method and the start of an address.
    static let kept = 64

    /// Whether the bytes coming are a head's (watched) or a body's (passed on unread).
    private var inHead = true
    /// The head's lines so far, empty lines before the request line aside.
    private var lines = 0
    /// The current line's length so far and its first bytes.
    private var length = 0
    private var opening: [UInt8] = []
    /// The first bytes of the head's last line longer than `LongAddress.limit`, and whether it was the request line.
    private(set) var lastLong: [UInt8]?
    private var longIsRequestLine = false
    /// The first bytes of the head's request line.
    private(set) var lastRequest: [UInt8]?

    /// Whether the head the decoder gave up on had a request line over the limit.
    var addressTooLong: Bool { lastLong != nil && longIsRequestLine }

    /// The name of the header whose line was over `LongAddress.limit` in the head the decoder gave up on, if one was.
    var longField: String? { addressTooLong ? nil : lastLong.flatMap(LargeHeaders.fieldName) }

    /// Whether the request the decoder gave up on is answered in JSON (under `/api/`, or unknown) rather than a page.
    var answersJSON: Bool { lastRequest.map(LongAddress.isAPI) ?? true }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if inHead { unwrapInboundIn(data).withUnsafeReadableBytes { watch($0) } }
        context.fireChannelRead(data)
    }

    /// The decoder has read a request to its end: the next bytes open a head.
    func requestEnded() {
        inHead = true
        lines = 0
        length = 0
        opening.removeAll(keepingCapacity: true)
        lastLong = nil
        lastRequest = nil
    }

    /// Follows `bytes` line by line to the end of the head.
    func watch(_ bytes: UnsafeRawBufferPointer) {
        var start = 0
        while inHead, start < bytes.count {
            let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            if opening.count < Self.kept { opening += bytes[start..<min(end, start + Self.kept - opening.count)] }
            let before = length
            length += end - start
            let blank = length == 0 || (length == 1 && opening == [UInt8(ascii: "\r")])
            if lines == 0, !blank, opening.count == Self.kept || end < bytes.count { lastRequest = opening }
            if before <= LongAddress.limit, length > LongAddress.limit {
                lastLong = opening
                longIsRequestLine = lines == 0
            }
            if end < bytes.count {
                // An empty line ends the head (one before the request line is allowed, RFC 9112 2.2, and skipped).
                if !blank { lines += 1 } else if lines > 0 { inHead = false }
                length = 0
                opening.removeAll(keepingCapacity: true)
            }
            start = end + 1
        }
    }
}
