import Foundation
import Hummingbird
import PetitionsApp

/// One page of a listing the API answers: `limit` rows from row `offset` (0 the first), in the listing's own order
/// (the command's). The body keeps the command's shape (an array of the same objects); what a client needs to page
/// on is in headers: `X-Total-Count` (the rows of the whole listing) and a `Link` to the first, previous, next and
/// last pages (RFC 8288), each the request's own address with `limit` and `offset` set.
struct Paging: Equatable {
    /// Rows a page holds when `limit` is not given.
    static let defaultLimit = 100
    /// The most rows a page may hold: a page of overdue deliveries is about 1 KB a row.
    static let maxLimit = 1000
    /// The furthest `offset` taken; beyond any ledger an office could keep, a bound where the value enters.
    static let maxOffset = 1_000_000_000

    var limit: Int
    var offset: Int

    init(limit: Int = Paging.defaultLimit, offset: Int = 0) {
        self.limit = limit
        self.offset = offset
    }

    /// `limit` and `offset` from the query; empty is the default. Anything but digits in range is one sentence naming
    /// the field and the value (400).
    init(_ query: Query) throws {
        limit = try Self.number(
            query, "limit", in: 1...Self.maxLimit, default: Self.defaultLimit, says: "a number of rows from 1 to \(Self.maxLimit)")
        offset = try Self.number(query, "offset", in: 0...Self.maxOffset, default: 0, says: "a row number from 0 (the first) to \(Self.maxOffset)")
    }

    private static func number(_ query: Query, _ key: String, in range: ClosedRange<Int>, default value: Int, says what: String) throws -> Int {
        guard let text = try query.text(key) else { return value }
        // Digits only: no sign, no space, no fraction, as the OpenAPI document's integer says.
        guard text.utf8.count <= 10, text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }), let n = Int(text),
            range.contains(n)
        else {
            throw PetitionsError.invalid(key, text, "is not \(what)")
        }
        return n
    }

    /// The rows of this page among `count`.
    func range(of count: Int) -> Range<Int> {
        let start = min(offset, count)
        return start..<min(start + min(limit, count - start), count)
    }

    /// This page of `rows`.
    func page<T>(_ rows: [T]) -> [T] { Array(rows[range(of: rows.count)]) }

    /// `X-Total-Count` and, when there is more than this page, `Link` with `first`, `prev`, `next` and `last`.
    func headers(total: Int, request: Request) -> HTTPFields {
        var headers: HTTPFields = [.xTotalCount: String(total)]
        var links: [(String, Int)] = []
        if offset > 0 || total > limit {
            links.append(("first", 0))
            if offset > 0 { links.append(("prev", max(0, min(offset, total) - limit))) }
            if offset + limit < total { links.append(("next", offset + limit)) }
            links.append(("last", total == 0 ? 0 : (total - 1) / limit * limit))
        }
        if !links.isEmpty {
            headers[.link] = links.map { "<\(Self.address(request, limit: limit, offset: $0.1))>; rel=\"\($0.0)\"" }.joined(separator: ", ")
        }
        return headers
    }

    /// The request's path and query with `limit` and `offset` set, its other query items kept as they came; a byte
    /// outside those an address may hold is written %XX, so the address cannot end the `<...>` of a link.
    static func address(_ request: Request, limit: Int, offset: Int) -> String {
        let kept = (request.uri.query ?? "").split(separator: "&").filter { item in
            let name = item.split(separator: "=", maxSplits: 1).first.map(String.init) ?? ""
            let decoded = name.removingPercentEncoding ?? name
            return !decoded.isEmpty && decoded != "limit" && decoded != "offset"
        }
        let query = (kept.map(String.init) + ["limit=\(limit)", "offset=\(offset)"]).joined(separator: "&")
        return safe(request.uri.path) + "?" + safe(query)
    }

    private static let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~%!$&'()*+,;=:@/?".utf8)

    private static func safe(_ s: String) -> String {
        var out = ""
        for byte in s.utf8 {
            if allowed.contains(byte) { out.unicodeScalars.append(Unicode.Scalar(byte)) } else { out += String(format: "%%%02X", byte) }
        }
        return out
    }
}
