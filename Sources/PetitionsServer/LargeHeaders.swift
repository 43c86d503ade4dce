import Hummingbird
import HummingbirdCore

/// The most a request's head may hold besides its address, and what the server says of a larger one: 431 Request
/// Header Fields Too Large, in the house's words (JSON under `/api/`, the web's error page elsewhere). The bound is the
/// HTTP/1.1 decoder's, set here (`decoder`) so that the sentence says what the decoder does: it counts the address
/// and every header's name and value together, and the fields. A head over it is refused by MalformedRequest, which
/// asks `LongLines` whether the address was what overflowed (414, LongAddress) or the headers (431).
enum LargeHeaders {
    /// 80 KiB, NIO's and Hummingbird's own bound, now ours by name: the office's pages and scripts send a session
    /// cookie or a token and a few standard headers, far below it.
    static let limit = 80 * 1024
    /// At most this many header fields (Hummingbird's default).
    static let fields = 1000

    /// The decoder's bounds: one field, all of them, and their number.
    static var decoder: HTTP1Channel.Configuration.DecoderConfiguration {
        .init(maxHeaderFieldSize: limit, maxHeaderListSize: limit, maxHeaderFieldCount: fields)
    }

    /// The refusal of a head over the limit; `field`: the header last seen over `LongAddress.limit` alone, if one was.
    static func failure(field: String?) -> APIFailure {
        let advice = field.map { "such as a shorter \($0)" } ?? "such as a smaller cookie"
        return APIFailure(
            status: .requestHeaderFieldsTooLarge,
            message:
                "The request's headers are too large: with its address they may be at most 80 KiB (81,920 bytes), in at most 1,000 fields; send fewer or shorter ones, \(advice).",
            field: field)
    }

    /// The name of the header field whose line opens with `line` (`Name: value`), or nil when it is not one.
    static func fieldName(_ line: [UInt8]) -> String? {
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")), LongAddress.isToken(line[..<colon]) else { return nil }
        return String(decoding: line[..<colon], as: UTF8.self)
    }
}
