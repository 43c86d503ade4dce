import Foundation
import Hummingbird
import PetitionsApp

/// A page of a long table in the web application (`?page=N`, 100 rows a page), with "Rows 101–200 of 12,926" and
/// links to the first, previous, next and last pages, so that no view renders a whole listing.
struct WebPager {
    /// Rows a page shows.
    static let size = 100
    /// The furthest page taken: a bound where the value enters.
    static let maxPage = 10_000_000

    var page: Int
    /// The address asked for without its `page`, as sent: a page past the last leads to the last from it.
    var address = ""

    /// `page` from the query (1 the first; empty is 1); anything else is one sentence naming it (400).
    init(_ query: Query) throws {
        let uri = query.request.uri
        let others = (uri.query ?? "").split(separator: "&").filter { !$0.hasPrefix("page=") && $0 != "page" }
        address = Form.localPath(uri.path + (others.isEmpty ? "" : "?" + others.joined(separator: "&")))
        guard let text = try query.text("page") else {
            page = 1
            return
        }
        guard text.utf8.count <= 8, text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }), let n = Int(text),
            (1...Self.maxPage).contains(n)
        else {
            throw PetitionsError.invalid("page", text, "is not a page number from 1")
        }
        page = n
    }

    /// The rows of this page among `total`; a page past the last (a next page's link from before rows went) is 404,
    /// naming how many there are, with a link to the last.
    func range(of total: Int) throws -> Range<Int> {
        let pages = Self.pages(total)
        guard page <= pages else {
            let last = pages == 1 ? address : address + (address.contains("?") ? "&" : "?") + "page=\(pages)"
            throw APIFailure(
                status: .notFound, message: "page \(page): there \(pages == 1 ? "is 1 page" : "are \(pages) pages") of rows.", field: "page",
                link: (last, "Go to the last page (page \(pages))"))
        }
        let start = (page - 1) * Self.size
        return start..<min(start + Self.size, total)
    }

    static func pages(_ total: Int) -> Int { max(1, (total + size - 1) / size) }

    /// What the `pager` template shows for `range` of `total` rows on `path`, the query `keep` kept in every link.
    func values(_ range: Range<Int>, of total: Int, path: String, keep: [(String, String?)]) -> [String: Any] {
        let pages = Self.pages(total)
        func href(_ n: Int) -> String {
            let items = keep.compactMap { key, value in value.map { "\(key)=\(Form.encode($0))" } } + (n > 1 ? ["page=\(n)"] : [])
            return items.isEmpty ? path : path + "?" + items.joined(separator: "&")
        }
        var v: [String: Any] = [
            "summary": total == 0
                ? "No rows."
                : "Rows \(Web.grouped(range.lowerBound + 1))–\(Web.grouped(range.upperBound)) of \(Web.grouped(total)), page \(page) of \(pages)."
        ]
        if page > 1 {
            v["first"] = href(1)
            v["prev"] = href(page - 1)
        }
        if page < pages {
            v["next"] = href(page + 1)
            v["last"] = href(pages)
        }
        return v
    }
}

extension Web {
    /// Rows the dashboard shows of each listing, with a link to the whole listing page by page.
    static let dashboardRows = 25

    /// `n` with its thousands grouped by commas: 12,926.
    static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return (n < 0 ? "-" : "") + out
    }
}
