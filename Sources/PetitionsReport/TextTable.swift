import PetitionsDomain

/// A plain aligned table that fits a width (100 columns by default): the widest columns shrink, and their cells
/// are cut with "…", or wrapped onto more lines with `wrapsCells`.
public struct TextTable: Sendable {
    public var headers: [String]
    public var rows: [[String]] = []
    public var maxWidth = 100
    /// Columns whose cells are aligned to the right (amounts, counts).
    public var rightAligned: Set<Int> = []
    /// Whether a cell too wide for its column wraps onto further lines instead of being cut.
    public var wrapsCells = false

    public init(_ headers: [String], rightAligned: Set<Int> = [], wrapsCells: Bool = false) {
        self.headers = headers
        self.rightAligned = rightAligned
        self.wrapsCells = wrapsCells
    }

    public mutating func add(_ row: [String]) { rows.append(row) }

    /// The table as lines joined by newlines, or "(none)" without rows.
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
        let cells = rows.map { r in (0..<n).map { text(r, $0) } }
        let counts = cells.map { $0.map(\.count) }
        var widths = (0..<n).map { i in max(headers[i].count, counts.map { $0[i] }.max() ?? 0) }
        // Shrink the widest column until the table fits.
        while widths.reduce(0, +) + 2 * (n - 1) > maxWidth, let i = widths.indices.max(by: { widths[$0] < widths[$1] }), widths[i] > 8 {
            widths[i] -= 1
        }
        func lines(_ s: String, _ count: Int, _ i: Int) -> [(text: String, count: Int)] {
            let w = widths[i]
            guard count > w else { return [(s, count)] }
            if wrapsCells { return TextTable.wrap(s, width: w).map { ($0, $0.count) } }
            let cut = String(s.prefix(max(0, w - 1))) + "…"
            return [(cut, cut.count)]
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
        var out = renderRow(header, header.map(\.count)) + [(0..<n).map { String(repeating: "-", count: widths[$0]) }.joined(separator: "  ")]
        for (r, c) in zip(cells, counts) { out += renderRow(r, c) }
        return out.joined(separator: "\n")
    }

    /// Greedy word wrap to `width` columns: the first line starts with `first`, the others with `indent`; a word
    /// longer than a line is cut.
    public static func wrap(_ text: String, width: Int, first: String = "", indent: String = "") -> [String] {
        var lines: [String] = []
        var line = first
        var hasWord = false
        for word in text.split(separator: " ").map(String.init) {
            if hasWord && line.count + 1 + word.count <= width {
                line += " " + word
                continue
            }
            if hasWord {
                lines.append(line)
                line = indent
            }
            var w = word
            while line.count + w.count > width && width > line.count {
                let room = width - line.count
                lines.append(line + w.prefix(room))
                w = String(w.dropFirst(room))
                line = indent
            }
            line += w
            hasWord = true
        }
        if hasWord || lines.isEmpty { lines.append(line) }
        return lines
    }
}
