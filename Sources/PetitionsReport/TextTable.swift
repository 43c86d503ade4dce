import Foundation
import PetitionsDomain

/// A plain aligned table that fits a width (the terminal's by default, see `screenWidth`): the widest columns
/// shrink, and their cells wrap onto more lines (or, without `wrapsCells`, are cut with "…"). Widths are counted
/// in terminal cells, so wide (CJK) names keep the columns aligned.
public struct TextTable: Sendable {
    public var headers: [String]
    public var rows: [[String]] = []
    public var maxWidth = TextTable.screenWidth
    /// Columns whose cells are aligned to the right (amounts, counts).
    public var rightAligned: Set<Int> = []
    /// Whether a cell too wide for its column wraps onto further lines instead of being cut: the data a user came
    /// for is never cut unless a caller asks.
    public var wrapsCells = true
    /// Columns whose cells are cut with "…" (between characters, counted in terminal cells) rather than wrapped, at
    /// most this many cells wide and narrower when the table must shrink: a long subject whose whole text the listing
    /// prints elsewhere, so that it neither runs to many lines nor takes the width the other columns need.
    public var caps: [Int: Int] = [:]

    /// The width listings fit: `$COLUMNS`, else the terminal's width (of standard output), else 100.
    public static let screenWidth: Int = {
        if let text = ProcessInfo.processInfo.environment["COLUMNS"], let c = Int(text.trimmingCharacters(in: .whitespaces)), c >= 20 {
            return min(c, 10_000)
        }
        var size = winsize()
        if isatty(STDOUT_FILENO) == 1, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col >= 20 { return Int(size.ws_col) }
        return 100
    }()

    public init(_ headers: [String], rightAligned: Set<Int> = [], wrapsCells: Bool = true, caps: [Int: Int] = [:]) {
        self.headers = headers
        self.rightAligned = rightAligned
        self.wrapsCells = wrapsCells
        self.caps = caps
    }

    /// `s` cut to `cells` terminal cells with "…" when it is wider: never inside a character.
    public static func cut(_ s: String, cells: Int) -> String {
        guard DisplayWidth.of(s) > cells else { return s }
        return DisplayWidth.split(s, cells: max(0, cells - 1)).0 + "…"
    }

    public mutating func add(_ row: [String]) { rows.append(row) }

    /// The table as lines joined by newlines, or "(none)" without rows.
    // Longer than 60 lines on purpose: measuring, fitting and laying out share the cleaned cells and their widths.
    public func render() -> String {
        guard !rows.isEmpty else { return "(none)" }
        let n = headers.count
        // Each cell is cleaned and counted once, not once for the widths and again for its line: on 12,000 rows the
        // newline replacement (through Foundation) was most of `overdue --format text`, for cells that had none.
        func text(_ r: [String], _ i: Int) -> String {
            guard i < r.count else { return "" }
            // Control characters stored before they were refused show as `\u001B`, never act on the terminal.
            let cell = ControlCharacters.visible(r[i])
            return cell.utf8.contains(UInt8(ascii: "\n")) ? cell.replacingOccurrences(of: "\n", with: " ") : cell
        }
        let cells = rows.map { r in (0..<n).map { i in caps[i].map { TextTable.cut(text(r, i), cells: $0) } ?? text(r, i) } }
        let counts = cells.map { $0.map(DisplayWidth.of) }
        var widths = (0..<n).map { i in max(DisplayWidth.of(headers[i]), counts.map { $0[i] }.max() ?? 0) }
        // Shrink the widest column until the table fits, first not below its header or its longest word (up to 24
        // cells): days, handles and numbers stay whole, and text wraps between words. Only a table that cannot fit
        // so breaks words, down to 8 cells a column.
        let fits = widths.reduce(0, +) + 2 * (n - 1) <= maxWidth
        let floors: [Int] =
            fits
            ? widths
            : (0..<n).map { i in
                // A capped column is cut, not wrapped: it may give way down to its header.
                if caps[i] != nil { return max(DisplayWidth.of(headers[i]), 1) }
                let words = cells.map { r in r[i].split(separator: " ").map { DisplayWidth.of(String($0)) }.max() ?? 0 }
                // A table with a capped column keeps its headers whole ("WD LATE" wrapped read as two columns): the
                // capped column gives way more. Others wrap them between words, as their golden files show.
                let header =
                    caps.isEmpty ? headers[i].split(separator: " ").map { DisplayWidth.of(String($0)) }.max() ?? 0 : DisplayWidth.of(headers[i])
                return max(min(header, 24), min(words.max() ?? 0, 24), 1)
            }
        while widths.reduce(0, +) + 2 * (n - 1) > maxWidth,
            let i = widths.indices.filter({ widths[$0] > floors[$0] }).max(by: { widths[$0] < widths[$1] })
        {
            widths[i] -= 1
        }
        while widths.reduce(0, +) + 2 * (n - 1) > maxWidth, let i = widths.indices.max(by: { widths[$0] < widths[$1] }), widths[i] > 8 {
            widths[i] -= 1
        }
        func lines(_ s: String, _ count: Int, _ i: Int) -> [(text: String, count: Int)] {
            let w = widths[i]
            guard count > w else { return [(s, count)] }
            if wrapsCells && caps[i] == nil { return TextTable.wrap(s, width: w).map { ($0, DisplayWidth.of($0)) } }
            let cut = TextTable.cut(s, cells: w)
            return [(cut, DisplayWidth.of(cut))]
        }
        func pad(_ s: String, _ count: Int, _ i: Int) -> String {
            guard widths[i] > count else { return s }
            let fill = String(repeating: " ", count: widths[i] - count)
            if rightAligned.contains(i) { return fill + s }
            return i == n - 1 ? s : s + fill
        }
        func renderRow(_ r: [String], _ c: [Int]) -> [String] {
            let cells = (0..<n).map { lines(r[$0], c[$0], $0) }
            let height = cells.map(\.count).max() ?? 1
            return (0..<height).map { k in
                let line = (0..<n).map { k < cells[$0].count ? pad(cells[$0][k].text, cells[$0][k].count, $0) : pad("", 0, $0) }.joined(
                    separator: "  ")
                // Continuation lines of wrapped cells end where their last text does.
                return k == 0 ? line : String(line.reversed().drop(while: { $0 == " " }).reversed())
            }
        }
        let header = (0..<n).map { text(headers, $0) }
        var out = renderRow(header, header.map(DisplayWidth.of)) + [(0..<n).map { String(repeating: "-", count: widths[$0]) }.joined(separator: "  ")]
        for (r, c) in zip(cells, counts) { out += renderRow(r, c) }
        return out.joined(separator: "\n")
    }

    /// Greedy word wrap to `width` terminal cells: the first line starts with `first`, the others with `indent`; a
    /// word longer than a line is broken across lines.
    public static func wrap(_ text: String, width: Int, first: String = "", indent: String = "") -> [String] {
        var lines: [String] = []
        var line = first
        var used = DisplayWidth.of(first)
        var hasWord = false
        for word in text.split(separator: " ").map(String.init) {
            let cells = DisplayWidth.of(word)
            if hasWord && used + 1 + cells <= width {
                line += " " + word
                used += 1 + cells
                continue
            }
            if hasWord {
                lines.append(line)
                line = indent
                used = DisplayWidth.of(indent)
            }
            var w = word
            while used + DisplayWidth.of(w) > width && width > used {
                let (head, rest) = DisplayWidth.split(w, cells: width - used)
                lines.append(line + head)
                w = rest
                line = indent
                used = DisplayWidth.of(indent)
            }
            line += w
            used += DisplayWidth.of(w)
            hasWord = true
        }
        if hasWord || lines.isEmpty { lines.append(line) }
        return lines
    }
}
