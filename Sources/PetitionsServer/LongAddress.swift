import Foundation
import HTTPTypes
import NIOCore

/// The longest address (a request's path and query) the server reads, and what it says of a longer one: 414 URI Too
/// Long, in the house's words (JSON under `/api/`, the web's error page elsewhere). FrontDoor refuses an address over
/// `limit` that NIO's HTTP/1.1 decoder read; one so long that the decoder gave up on it (its 80 KiB bound on a head's
/// field, the address included) is refused by MalformedRequest, which asks `LongLines` whether the address was what
/// overflowed.
enum LongAddress {
    /// 8 KiB, as most servers and proxies take (nginx's header buffer, Apache's `LimitRequestLine`): the office's
    /// addresses are short, and the longest query a page or a script sends (a search, a day, a page's cursor) is far below.
    static let limit = 8 * 1024

    /// The refusal of an address over the limit.
    static var failure: APIFailure {
        APIFailure(
            status: .uriTooLong,
            message: "The address is too long: its path and query may be at most 8 KiB (8,192 bytes); ask for less, such as a shorter search.",
            field: nil)
    }

    /// Whether the request line whose first bytes are `line` names an address under `/api/`, answered in JSON.
    static func isAPI(requestLine line: [UInt8]) -> Bool {
        guard let space = line.firstIndex(of: UInt8(ascii: " ")) else { return false }
        var target = String(decoding: line[(space + 1)...], as: UTF8.self)
        // The absolute form (`GET http://host/api/v1/…`) names the same address after its host.
        for scheme in ["http://", "https://"] where target.lowercased().hasPrefix(scheme) {
            let rest = target.dropFirst(scheme.count)
            target = rest.firstIndex(of: "/").map { String(rest[$0...]) } ?? ""
        }
        return target.hasPrefix("/api/")
    }

    /// Whether `line` opens as a request line does (`METHOD SP /…` or `METHOD SP http://…`), not a header field
    /// (`Name: value`, whose name holds no space) nor a line of a body that happens to be long.
    static func isRequestLine(_ line: [UInt8]) -> Bool {
        guard let space = line.firstIndex(of: UInt8(ascii: " ")), (1...20).contains(space), isToken(line[..<space]) else { return false }
        let target = String(decoding: line[(space + 1)...], as: UTF8.self).lowercased()
        return target.hasPrefix("/") || target.hasPrefix("http://") || target.hasPrefix("https://")
    }

    /// Whether `bytes` are a token (RFC 9110 5.6.2), as a method and a header field's name are.
    static func isToken(_ bytes: ArraySlice<UInt8>) -> Bool {
        let tchar = Set("!#$%&'*+-.^_`|~".utf8)
        return !bytes.isEmpty
            && bytes.allSatisfy { b in
                (0x30...0x39).contains(b) || (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b) || tchar.contains(b)
            }
    }
}

/// Watches a connection's bytes before the HTTP/1.1 decoder reads them, line by line, keeping the first bytes of the
/// last request line and of the last line longer than `LongAddress.limit`. NIO's decoder says only "header overflow"
/// of a head over its bound, whether the address, one header or all of them overflowed; when the last long line is a
/// request line, it was the address (MalformedRequest answers 414), else the headers (431, LargeHeaders), answered
/// in JSON or as a page as the request line's address says. The bytes pass on untouched.
final class LongLines: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    /// The most bytes of a line kept: enough for a method and the start of an address.
    static let kept = 64

    /// The current line's length so far and its first bytes.
    private var length = 0
    private var opening: [UInt8] = []
    /// Whether the current line's opening was looked at (`kept` bytes of it, or all of a shorter one).
    private var judged = false
    /// The first bytes of the last line longer than `LongAddress.limit`, since the last request line.
    private(set) var lastLong: [UInt8]?
    /// The first bytes of the last request line.
    private(set) var lastRequest: [UInt8]?

    /// Whether the head the decoder gave up on was a request line over the limit.
    var addressTooLong: Bool { lastLong.map(LongAddress.isRequestLine) ?? false }

    /// The name of the header whose line was over `LongAddress.limit` in the head the decoder gave up on, if one was.
    var longField: String? { addressTooLong ? nil : lastLong.flatMap(LargeHeaders.fieldName) }

    /// Whether the request the decoder gave up on is answered in JSON (under `/api/`, or unknown) rather than a page.
    var answersJSON: Bool { lastRequest.map(LongAddress.isAPI) ?? true }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        unwrapInboundIn(data).withUnsafeReadableBytes { watch($0) }
        context.fireChannelRead(data)
    }

    /// Follows `bytes` line by line.
    func watch(_ bytes: UnsafeRawBufferPointer) {
        var start = 0
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            if opening.count < Self.kept { opening += bytes[start..<min(end, start + Self.kept - opening.count)] }
            if !judged, opening.count == Self.kept || end < bytes.count {
                judged = true
                if LongAddress.isRequestLine(opening) {
                    lastRequest = opening
                    lastLong = nil
                }
            }
            let before = length
            length += end - start
            if before <= LongAddress.limit, length > LongAddress.limit { lastLong = opening }
            if end < bytes.count {
                length = 0
                judged = false
                opening.removeAll(keepingCapacity: true)
            }
            start = end + 1
        }
    }
}
