import Foundation
import PetitionsDomain
import PetitionsRules

extension ReportHTML {
    // MARK: - Tables

    /// A table that scrolls sideways on a narrow screen; cells are HTML already escaped by the caller.
    /// Numeric columns align right; prose columns (`prose`) keep a readable width rather than wrap to a word a line.
    struct Table {
        var headers: [String]
        var numeric: Set<Int>
        var prose: Set<Int>
        init(_ headers: [String], numeric: Set<Int> = [], prose: Set<Int> = []) {
            self.headers = headers
            self.numeric = numeric
            self.prose = prose
        }
        func cls(_ i: Int) -> String { numeric.contains(i) ? " class=\"num\"" : prose.contains(i) ? " class=\"prose\"" : "" }

        /// Writes the table to `out`, each row as `rows` hands it to `row`: no row is held once it is written.
        func write(to out: ReportOutput, _ rows: (_ row: ([String]) throws -> Void) throws -> Void) throws {
            var h = "<div class=\"scroll\">\n<table>\n<thead><tr>"
            for (i, head) in headers.enumerated() { h += "<th scope=\"col\"\(cls(i))>\(ReportHTML.esc(head))</th>" }
            h += "</tr></thead>\n<tbody>\n"
            try out.write(h)
            // Each column's opening tag is worked out once, not once a cell.
            let opening = headers.indices.map { "<td\(cls($0))>" }
            try rows { cells in
                var line = "<tr>"
                for (i, cell) in cells.enumerated() {
                    line += i < opening.count ? opening[i] : "<td\(cls(i))>"
                    line += cell
                    line += "</td>"
                }
                line += "</tr>\n"
                try out.write(line)
            }
            try out.write("</tbody>\n</table>\n</div>\n")
        }
    }

    // MARK: - Text

    /// Escapes text for HTML content and attribute values: & < > " ' and also / (so no text can form `//`).
    /// Byte by byte: these characters are single bytes in UTF-8 that no other character contains. (Going by
    /// `Character`, a quote followed by a combining mark was one character, not `"`, and was left as it was: a raw
    /// quote that ends an attribute. It was also half of an HTML report's instructions.)
    public static func esc(_ s: String) -> String {
        func special(_ b: UInt8) -> Bool {
            b == UInt8(ascii: "&") || b == UInt8(ascii: "<") || b == UInt8(ascii: ">") || b == UInt8(ascii: "\"")
                || b == UInt8(ascii: "'") || b == UInt8(ascii: "/")
        }
        guard s.utf8.contains(where: special) else { return s }
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count + 16)
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "&"): out += "&amp;".utf8
            case UInt8(ascii: "<"): out += "&lt;".utf8
            case UInt8(ascii: ">"): out += "&gt;".utf8
            case UInt8(ascii: "\""): out += "&quot;".utf8
            case UInt8(ascii: "'"): out += "&#39;".utf8
            case UInt8(ascii: "/"): out += "&#47;".utf8
            default: out.append(b)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A handle, kept on one line: a browser would otherwise break it at its hyphens (`amina-` / `yusuf`).
    static func handle(_ s: String) -> String { "<span class=\"h\">" + esc(s) + "</span>" }

    static func badge(_ s: Severity) -> String { "<span class=\"badge b-\(s.rawValue)\">\(s.rawValue)</span>" }

    static func day(_ d: Day) -> String { "<time datetime=\"\(d.description)\">\(esc(d.longDescription))</time>" }

    static func amount(_ d: Decimal, _ unit: String) -> String { Thousands.format(d) + " " + esc(unit) }

    /// Quantities one a line; with `as`, each followed by what came of it in another unit (`(as 10 kg)`).
    static func quantities(_ list: [QuantityValue], as late: OverdueDelivery? = nil) -> String {
        list.isEmpty
            ? "–"
            : list.map { Thousands.format($0.amount) + " " + esc($0.unit) + " " + esc($0.commodity) + esc(late?.cameAs($0.commodity) ?? "") }
                .joined(separator: "<br>")
    }

    static func statusName(_ s: PetitionStatus) -> String { s.rawValue.replacingOccurrences(of: "_", with: " ") }

    static func shortPeriod(_ p: Period) -> String { "\(Day.monthNames[p.month - 1].prefix(3)) \(p.year)" }

    static func truncated(_ s: String, _ limit: Int) -> String { s.count > limit ? String(s.prefix(limit - 1)) + "…" : s }

    static func decimal(_ d: Decimal) -> Double { NSDecimalNumber(decimal: d).doubleValue }

    /// A coordinate with at most one decimal.
    static func n(_ x: Double) -> String {
        let tenths = (x * 10).rounded()
        return tenths.truncatingRemainder(dividingBy: 10) == 0 ? String(Int(tenths / 10)) : String(tenths / 10)
    }
}
