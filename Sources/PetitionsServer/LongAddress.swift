import Foundation
import HTTPTypes

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

    /// Whether `bytes` are a token (RFC 9110 5.6.2), as a method and a header field's name are.
    static func isToken(_ bytes: ArraySlice<UInt8>) -> Bool {
        let tchar = Set("!#$%&'*+-.^_`|~".utf8)
        return !bytes.isEmpty
            && bytes.allSatisfy { b in
                (0x30...0x39).contains(b) || (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b) || tchar.contains(b)
            }
    }
}
