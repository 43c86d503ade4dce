import Foundation
import NIOCore

/// Watches the heads of a connection's requests before the HTTP/1.1 decoder reads them, line by line, keeping the
/// first bytes of the request line and of the last line longer than `LongAddress.limit`. NIO's decoder says only
/// "header overflow" of a head over its bound, whether the address, one header or all of them overflowed; when the
/// long line was the request line, it was the address (MalformedRequest answers 414), else the headers (431,
/// LargeHeaders), answered in JSON or as a page as the request line's address says. The bytes pass on untouched.
///
/// Only heads are looked at: after a head's empty line the bytes are a body's (an attachment's megabytes), passed on
/// unread. A head's `Content-Length` (none: no body) says where its body ends and the next head begins, so a client
/// that pipelines (sends a request before the answer to the one before, often in the same packet) has its next head
/// watched from its first byte; what each head held is kept until the decoder has read it, since this watch runs
/// ahead of the decoder. Only a body sent chunked, whose end only the decoder finds, is passed on until
/// MalformedRequest sees the decoder end the request (`requestEnded`); a head pipelined behind one may then be missed,
/// and its overflow answered 431 where 414 was due.
final class LongLines: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    /// The most bytes of a line kept: enough for a method and the start of an address.
    static let kept = 64

    /// What a head held: the first bytes of its last line longer than `LongAddress.limit` and whether that was the
    /// request line, and the first bytes of its request line.
    struct Head {
        var long: [UInt8]?
        var longIsRequestLine = false
        var request: [UInt8]?
    }

    /// Whether the bytes coming are a head's (watched) or a body's (passed on unread).
    private var inHead = true
    /// The head's lines so far, empty lines before the request line aside.
    private var lines = 0
    /// The current line's length so far and its first bytes.
    private var length = 0
    private var opening: [UInt8] = []
    /// The head being watched, and those watched whole that the decoder has not yet read, oldest first.
    private var current = Head()
    private var watched: [Head] = []
    /// The head's `Content-Length`, and whether its body's length is unknown here (sent chunked, or a length that is
    /// not a number, which the decoder refuses).
    private var declaredLength: Int?
    private var lengthUnknown = false
    /// The bytes left of the body being passed on (nil: its end is the decoder's to find).
    private var bodyLeft: Int?
    /// Requests whose end was found here before the decoder said so: as many of its `requestEnded` are not news.
    private var endsFound = 0

    /// The head the decoder is reading: the oldest it has not read.
    private var reading: Head { watched.first ?? current }

    /// Whether the head the decoder gave up on had a request line over the limit.
    var addressTooLong: Bool { reading.long != nil && reading.longIsRequestLine }

    /// The name of the header whose line was over `LongAddress.limit` in the head the decoder gave up on, if one was.
    var longField: String? { addressTooLong ? nil : reading.long.flatMap(LargeHeaders.fieldName) }

    /// Whether the request the decoder gave up on is answered in JSON (under `/api/`, or unknown) rather than a page.
    var answersJSON: Bool { reading.request.map(LongAddress.isAPI) ?? true }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if inHead || bodyLeft != nil { unwrapInboundIn(data).withUnsafeReadableBytes { watch($0) } }
        context.fireChannelRead(data)
    }

    /// The decoder has read a request's head: what it held is no longer wanted.
    func headRead() {
        if !watched.isEmpty { watched.removeFirst() }
    }

    /// The decoder has read a request to its end: the next bytes open a head, unless that end was found here already
    /// (and the next head is being watched).
    func requestEnded() {
        if endsFound > 0 {
            endsFound -= 1
        } else {
            nextHead()
        }
    }

    /// What comes next is a head.
    private func nextHead() {
        inHead = true
        lines = 0
        length = 0
        opening.removeAll(keepingCapacity: true)
        current = Head()
        declaredLength = nil
        lengthUnknown = false
        bodyLeft = nil
    }

    /// Follows `bytes` line by line to the end of the head, past its body when its length is known, and on into the
    /// next head.
    func watch(_ bytes: UnsafeRawBufferPointer) {
        var start = 0
        while start < bytes.count {
            guard inHead else {
                // A body: its bytes passed over, up to its end when the head said where that is.
                guard let left = bodyLeft else { return }
                let passed = min(left, bytes.count - start)
                start += passed
                bodyLeft = left - passed
                if bodyLeft == 0 { endFound() }
                continue
            }
            let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            if opening.count < Self.kept { opening += bytes[start..<min(end, start + Self.kept - opening.count)] }
            let before = length
            length += end - start
            let blank = length == 0 || (length == 1 && opening == [UInt8(ascii: "\r")])
            if lines == 0, !blank, opening.count == Self.kept || end < bytes.count { current.request = opening }
            if before <= LongAddress.limit, length > LongAddress.limit {
                current.long = opening
                current.longIsRequestLine = lines == 0
            }
            if end < bytes.count {
                if !blank && lines > 0 { framing(opening) }
                // An empty line ends the head (one before the request line is allowed, RFC 9112 2.2, and skipped).
                if !blank { lines += 1 } else if lines > 0 { headEnded() }
                length = 0
                opening.removeAll(keepingCapacity: true)
            }
            start = end + 1
        }
    }

    /// Notes what the header line opening with `line` says of the body's length.
    private func framing(_ line: [UInt8]) {
        let text = String(decoding: line, as: UTF8.self).lowercased()
        if text.hasPrefix("transfer-encoding:") {
            lengthUnknown = true
        } else if text.hasPrefix("content-length:") {
            let value = text.dropFirst("content-length:".count).trimmingCharacters(in: .whitespacesAndNewlines)
            // 64 bytes hold any length a request may have; one cut short, or not a number, is the decoder's to refuse.
            if line.count < Self.kept, let n = Int(value), n >= 0, declaredLength == nil || declaredLength == n {
                declaredLength = n
            } else {
                lengthUnknown = true
            }
        }
    }

    /// The head's empty line: its body follows, of the length it declared (none: no body), or to an end the decoder
    /// finds. What the head held is kept for the decoder's reading of it.
    private func headEnded() {
        watched.append(current)
        current = Head()
        inHead = false
        bodyLeft = lengthUnknown ? nil : declaredLength ?? 0
        if bodyLeft == 0 { endFound() }
    }

    /// The request's last byte has passed: the next bytes open a head, and the decoder's word of this end is not news.
    private func endFound() {
        endsFound += 1
        nextHead()
    }
}
