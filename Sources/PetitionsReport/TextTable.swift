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
    public func render() -> String {
        guard !rows.isEmpty else { return "(none)" }
        let n = headers.count
        // Each cell is cleaned and counted once, not once for the widths and again for its line.
        let cells = rows.map { shownCells($0) }
        let counts = cells.map { $0.map(DisplayWidth.of) }
        let widest = (0..<n).map { i in counts.map { $0[i] }.max() ?? 0 }
        let layout = columnWidths(widest: widest) { i, atoms in
            cells.map { r in TextTable.longest(r[i], atoms: atoms) }.max() ?? 0
        }
        var out = headerLines(layout)
        for (r, c) in zip(cells, counts) { out += lines(of: r, counts: c, layout: layout) }
        return out.joined(separator: "\n")
    }

    /// Writes the table of the rows `rows` hands over, line by line, holding one row at a time rather than the whole
    /// table: the same text as `render()` of the same rows, each line passed to `write` without its newline. `rows`
    /// hands every row over twice, in the same order, through `add`: first as pass 0 (the columns are measured),
    /// then as pass 1 (each row is laid out as it comes). A listing as long as the event log of a million records.
    public func stream(rows: (_ add: (_ pass: Int, _ row: [String]) throws -> Void) throws -> Void, write: (String) throws -> Void) throws {
        let n = headers.count
        var widest = Array(repeating: 0, count: n)
        var longestWord = Array(repeating: 0, count: n)
        var longestAtom = Array(repeating: 0, count: n)
        var measured = 0
        var layout: Layout?
        // `write` is called only while `rows` runs, from the closure handed to it; it never outlives this call.
        try withoutActuallyEscaping(write) { write in
            try rows { pass, row in
                let cells = shownCells(row)
                guard pass > 0 else {
                    for i in 0..<n {
                        let width = DisplayWidth.of(cells[i])
                        widest[i] = max(widest[i], width)
                        // The longest word (and part of a hyphenated word) matters only up to 24 cells (`columnWidths`),
                        // and is never wider than its cell.
                        if longestWord[i] < 24, width > longestWord[i] {
                            longestWord[i] = max(longestWord[i], TextTable.longest(cells[i], atoms: false))
                        }
                        if longestAtom[i] < 24, width > longestAtom[i] {
                            longestAtom[i] = max(longestAtom[i], TextTable.longest(cells[i], atoms: true))
                        }
                    }
                    measured += 1
                    return
                }
                let laid = layout ?? columnWidths(widest: widest) { $1 ? longestAtom[$0] : longestWord[$0] }
                if layout == nil {
                    layout = laid
                    for line in headerLines(laid) { try write(line) }
                }
                for line in lines(of: cells, counts: cells.map(DisplayWidth.of), layout: laid) { try write(line) }
            }
        }
        if measured == 0, layout == nil { try write("(none)") }
    }

    /// A row's cells as the table shows them: control characters stored before they were refused made visible (as
    /// `\u001B`, never acting on the terminal), line breaks and tabs as spaces (a terminal moves a tab to its next stop,
    /// past the columns after it), capped columns cut (`capped`: not the header).
    private func shownCells(_ r: [String], capped: Bool = true) -> [String] {
        (0..<headers.count).map { i in
            guard i < r.count else { return "" }
            let visible = ControlCharacters.visible(r[i])
            // Through Foundation only for a cell with a line break or a tab: on 12,000 rows the replacement was most of
            // `overdue --format text`, for cells that had none.
            let cell =
                visible.utf8.contains(where: { $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\t") })
                ? visible.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\t", with: " ") : visible
            return capped ? caps[i].map { TextTable.cut(cell, cells: $0) } ?? cell : cell
        }
    }

    /// The columns' widths for cells at most `widest` wide (by column), fitted to `maxWidth`. `longest(i, false)` is the
    /// widest word of column `i`'s cells, and `longest(i, true)` its widest part of a word between hyphens (`telegraph-`
    /// of `moscow-telegraph-supply`; see `atoms`), asked only when the table does not fit.
    private func columnWidths(widest: [Int], longest: (Int, Bool) -> Int) -> Layout {
        let n = headers.count
        let full = (0..<n).map { i in max(DisplayWidth.of(headers[i]), widest[i]) }
        var widths = full
        var gap = 2
        func over() -> Bool { widths.reduce(0, +) + gap * (n - 1) > maxWidth }
        guard over() else { return Layout(widths: widths, gap: gap) }
        // Shrink the widest column until the table fits, first not below its header or its longest word (up to 24
        // cells): days, handles and numbers stay whole, and text wraps between words. Then, if it still does not
        // fit, not below the longest part of a hyphenated word: a handle (`moscow-postal-telegraph-supply`) wraps
        // after one of its hyphens, never inside a word, whichever column that takes the width from. Only a table
        // that cannot fit even so breaks words, down to 8 cells a column (a handle with a part wider than the column
        // is then broken between characters: 80 columns cannot hold nine columns of 24-cell handles).
        func floors(atoms: Bool) -> [Int] {
            (0..<n).map { i in
                // A capped column is cut, not wrapped: it may give way down to its header.
                if caps[i] != nil { return max(DisplayWidth.of(headers[i]), 1) }
                // A table with a capped column keeps its headers whole ("WD LATE" wrapped read as two columns): the
                // capped column gives way more. Others wrap them between words, as their golden files show.
                let header =
                    caps.isEmpty ? headers[i].split(separator: " ").map { DisplayWidth.of(String($0)) }.max() ?? 0 : DisplayWidth.of(headers[i])
                return max(min(header, 24), min(longest(i, atoms), 24), 1)
            }
        }
        func shrink() {
            for atoms in [false, true] {
                let floor = floors(atoms: atoms)
                while over(), let i = widths.indices.filter({ widths[$0] > floor[$0] }).max(by: { widths[$0] < widths[$1] }) {
                    widths[i] -= 1
                }
            }
        }
        shrink()
        // Rather than break a word (a day cut as `1920-01-` over `20`, at 80 columns the unanswered letters' nine
        // columns), the columns stand one space apart, and give way again from their full widths.
        if over() {
            widths = full
            gap = 1
            shrink()
        }
        // Still too wide: a capped column, whose cells are cut anyway, gives way below its header (`SUBJE…`) before a
        // word of another is broken.
        while over(), let i = caps.keys.filter({ widths[$0] > 4 }).max(by: { widths[$0] < widths[$1] }) {
            widths[i] -= 1
        }
        while over(), let i = widths.indices.max(by: { widths[$0] < widths[$1] }), widths[i] > 8 {
            widths[i] -= 1
        }
        return Layout(widths: widths, gap: gap)
    }

    /// How a table is laid out: its columns' widths and the spaces between two columns.
    private struct Layout {
        var widths: [Int]
        var gap: Int
    }

    /// The header's lines and the dashes under them.
    private func headerLines(_ layout: Layout) -> [String] {
        let header = shownCells(headers, capped: false)
        return lines(of: header, counts: header.map(DisplayWidth.of), layout: layout) + [
            layout.widths.map { String(repeating: "-", count: $0) }.joined(separator: String(repeating: " ", count: layout.gap))
        ]
    }

    /// The lines of one row (`cells`, `counts` cells wide) laid out in columns `widths` wide.
    private func lines(of cells: [String], counts: [Int], layout: Layout) -> [String] {
        let n = headers.count
        let widths = layout.widths
        let gap = String(repeating: " ", count: layout.gap)
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
        let laid = (0..<n).map { lines(cells[$0], counts[$0], $0) }
        let height = laid.map(\.count).max() ?? 1
        return (0..<height).map { k in
            let line = (0..<n).map { k < laid[$0].count ? pad(laid[$0][k].text, laid[$0][k].count, $0) : pad("", 0, $0) }.joined(separator: gap)
            // Continuation lines of wrapped cells end where their last text does (trailing spaces are single bytes).
            guard k > 0 else { return line }
            var end = line.utf8.endIndex
            while end > line.utf8.startIndex, line.utf8[line.utf8.index(before: end)] == UInt8(ascii: " ") { end = line.utf8.index(before: end) }
            return String(line[..<end])
        }
    }

    /// The words of `text` between spaces, as `text.split(separator: " ")` finds them. That goes character by
    /// character, which was a quarter of a text report's instructions; in ASCII text a space is always a character
    /// of its own (elsewhere a combining mark after it joins it), so there the bytes are split instead.
    static func words(_ text: String) -> [Substring] {
        let utf8 = text.utf8
        guard utf8.allSatisfy({ $0 < 0x80 }) else { return text.split(separator: " ") }
        var words: [Substring] = []
        var start = utf8.startIndex
        var i = start
        while i < utf8.endIndex {
            if utf8[i] == UInt8(ascii: " ") {
                if start < i { words.append(text[start..<i]) }
                start = utf8.index(after: i)
            }
            i = utf8.index(after: i)
        }
        if start < utf8.endIndex { words.append(text[start...]) }
        return words
    }

    /// The widest word of `text` in cells, or with `atoms` its widest part of a word between hyphens (`atoms`).
    static func longest(_ text: String, atoms: Bool) -> Int {
        words(text).map { word in atoms ? TextTable.atoms(word).map(DisplayWidth.of).max() ?? 0 : DisplayWidth.of(String(word)) }.max() ?? 0
    }

    /// The parts of `word` a line may end between: after a hyphen between two letters (`moscow-` `postal-` `telegraph`,
    /// `Kropotkina-` `Lebedeva`), between a digit and a letter (`1918-08-15-` `of`), or between a letter and a digit
    /// (`decree-` `1918-08-15`), never between two digits, so that a day (`1920-01-20`) or a period stays whole, nor
    /// after a hyphen that begins a word (`-5`).
    static func atoms(_ word: Substring) -> [String] {
        var parts: [String] = []
        var part = ""
        var previous: Character?
        var it = word.makeIterator()
        var next = it.next()
        while let c = next {
            part.append(c)
            next = it.next()
            if c == "-", let p = previous, let after = next, (p.isLetter || p.isNumber) && after.isLetter || p.isLetter && after.isNumber {
                parts.append(part)
                part = ""
            }
            previous = c
        }
        if !part.isEmpty { parts.append(part) }
        return parts
    }

    /// The longest head of `word` that ends after one of its hyphens (`atoms`) and is at most `cells` wide, and the
    /// rest; nil when even its first part is wider.
    static func hyphenSplit(_ word: String, cells: Int) -> (String, String)? {
        var head = ""
        var used = 0
        let parts = atoms(word[...])
        for part in parts.dropLast() {
            let w = DisplayWidth.of(part)
            guard used + w <= cells else { break }
            head += part
            used += w
        }
        guard !head.isEmpty else { return nil }
        return (head, String(word.dropFirst(head.count)))
    }

    /// Greedy word wrap to `width` terminal cells: the first line starts with `first`, the others with `indent`; a
    /// word longer than a line is broken after one of its hyphens (`atoms`: a handle keeps its words whole), and only
    /// a part wider than the whole line is broken between characters.
    public static func wrap(_ text: String, width: Int, first: String = "", indent: String = "") -> [String] {
        var lines: [String] = []
        var line = first
        var used = DisplayWidth.of(first)
        var hasWord = false
        for word in words(text).map(String.init) {
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
                let (head, rest) = hyphenSplit(w, cells: width - used) ?? DisplayWidth.split(w, cells: width - used)
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
