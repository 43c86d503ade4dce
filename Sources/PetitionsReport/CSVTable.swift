import CSV
import Foundation

/// RFC 4180 CSV through CSV.swift, with cells neutralised so that a spreadsheet never runs them as formulas.
public enum CSVTable {
    /// A cell that begins with `=`, `+`, `-` or `@` (or a tab or carriage return) is prefixed with `'`.
    /// Plain negative numbers stay numbers.
    public static func neutralise(_ cell: String) -> String {
        guard let first = cell.first else { return cell }
        if first == "-", Double(cell) != nil { return cell }
        return "=+-@\t\r".contains(first) ? "'" + cell : cell
    }

    /// The CSV text of a header and rows, CRLF line ends, every cell neutralised.
    public static func render(header: [String], rows: [[String]]) throws -> String {
        let stream = OutputStream(toMemory: ())
        let writer = try CSVWriter(stream: stream, newline: .crlf)
        try writer.write(row: header.map(neutralise))
        for row in rows { try writer.write(row: row.map(neutralise)) }
        writer.stream.close()
        guard let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data else { return "" }
        return String(decoding: data, as: UTF8.self) + "\r\n"
    }
}
