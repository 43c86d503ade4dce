import Foundation
import Hummingbird
import PetitionsApp

/// A listing kept between requests with each of its rows already written as JSON, so that any page of it is answered
/// by copying bytes: the web pages `/overdue` and `/unanswered` read the rows, the API the written ones. Computed once per change of what the
/// listing reads (ListingCache), for both.
struct KeptRows<Row: Encodable & Sendable>: Sendable {
    let rows: [Row]
    /// Each row as the house encoder writes it as an element of a top-level array (indented one level).
    let written: [[UInt8]]

    init(_ rows: [Row]) throws {
        let encoder = HouseJSONEncoder()
        var written: [[UInt8]] = []
        written.reserveCapacity(rows.count)
        for row in rows {
            var out: [UInt8] = []
            try encoder.append(row, to: &out, depth: 1)
            written.append(out)
        }
        self.rows = rows
        self.written = written
    }

    var count: Int { rows.count }

    /// The rows in `range` as the JSON array `JSONText.bytes` writes of them, byte for byte: pretty-printed, two spaces
    /// a level, a final newline (an empty one is `[`, two newlines, `]`, as the encoder writes it).
    func json(_ range: Range<Int>) -> ByteBuffer {
        let size = written[range].reduce(8) { $0 + $1.count + 4 }
        var buffer = ByteBuffer()
        buffer.reserveCapacity(size)
        buffer.writeString("[\n")
        for i in range {
            if i > range.lowerBound { buffer.writeString(",\n") }
            buffer.writeString("  ")
            buffer.writeBytes(written[i])
        }
        buffer.writeString("\n]\n")
        return buffer
    }

    /// The answer to a page of this listing: its rows, `X-Total-Count` and the links to the other pages.
    func response(_ paging: Paging, request: Request) -> Response {
        var response = JSONText.response(body: json(paging.range(of: count)))
        for header in paging.headers(total: count, request: request) { response.headers.append(header) }
        return response
    }
}

extension Paging {
    /// The rows this page asks the store for.
    var window: RowWindow { RowWindow(limit: limit, offset: offset) }

    /// The answer to this page read in SQL (`page` holds only its rows, and the whole listing's count).
    func response<T: Encodable>(_ page: RowPage<T>, request: Request) throws -> Response {
        var response = JSONText.response(body: try JSONText.bytes(page.rows))
        for header in headers(total: page.total, request: request) { response.headers.append(header) }
        return response
    }

    /// The answer to this page of `rows` (a listing not kept): the page written by the house encoder, and the headers.
    func response<T: Encodable>(_ rows: [T], request: Request) throws -> Response {
        var response = JSONText.response(body: try JSONText.bytes(page(rows)))
        for header in headers(total: rows.count, request: request) { response.headers.append(header) }
        return response
    }
}
