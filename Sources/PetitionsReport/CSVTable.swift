import Foundation

/// RFC 4180 CSV (`CSVText`), with cells neutralised so that a spreadsheet never runs them as formulas.
public enum CSVTable {
    /// A cell that begins with `=`, `+`, `-` or `@` (or a tab or carriage return) is prefixed with `'`.
    /// Plain negative numbers stay numbers. A value that itself begins with `'` and one of those gets a second `'`,
    /// so that an import, which takes off the first, reads back the value as it was (`'=x`, not `=x`).
    public static func neutralise(_ cell: String) -> String {
        guard let first = cell.unicodeScalars.first else { return cell }
        if first == "'", let second = cell.unicodeScalars.dropFirst().first, "=+-@\t\r".unicodeScalars.contains(second) { return "'" + cell }
        return defuse(cell)
    }

    /// `cell` as a file already holds it (a row of an import file written back to a rejects file), defused: one
    /// beginning with `=`, `+`, `-` or `@` (or a tab or carriage return) gets a `'`, which the import takes off again;
    /// one beginning with `'` is already written so. Plain negative numbers stay numbers.
    public static func defuse(_ cell: String) -> String {
        guard let first = cell.first else { return cell }
        if first == "-", Double(cell) != nil { return cell }
        return "=+-@\t\r".contains(first) ? "'" + cell : cell
    }

    /// The CSV text of a header and rows, CRLF line ends, every cell neutralised.
    public static func render(header: [String], rows: [[String]]) throws -> String {
        var out = CSVText(reservingCapacity: 64 * (rows.count + 1))
        out.append(row: header.map(neutralise))
        for row in rows { out.append(row: row.map(neutralise)) }
        return out.text
    }
}
