/// RFC 4180 CSV written byte by byte into one buffer: a cell is quoted when it holds a double quote, a comma, a
/// carriage return or a line feed, its double quotes doubled, and every row ends with CRLF.
///
/// The same bytes CSV.swift's `CSVWriter` wrote (`CSVTextTests` compares them on random cells), without its cost:
/// CSV.swift searches each cell five times through Foundation and writes it one scalar at a time into an
/// `OutputStream`, which made `overdue --format csv` take 5.8 s at a million deliveries against 1.6 s for JSON
/// (BENCHMARKS.md; the gain is not yet measured).
public struct CSVText {
    /// The text so far, in UTF-8.
    public private(set) var bytes: [UInt8] = []

    public init(reservingCapacity capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    /// Appends one row and its CRLF; a row of no cells writes nothing (as CSV.swift did).
    public mutating func append(row cells: [String]) {
        guard !cells.isEmpty else { return }
        for (i, cell) in cells.enumerated() {
            if i > 0 { bytes.append(UInt8(ascii: ",")) }
            append(cell: cell)
        }
        bytes.append(0x0D)
        bytes.append(0x0A)
    }

    /// Appends one cell, quoted when it must be.
    mutating func append(cell: String) {
        var cell = cell
        cell.withUTF8 { utf8 in
            let quoted = utf8.contains { $0 == 0x22 || $0 == 0x2C || $0 == 0x0D || $0 == 0x0A }
            guard quoted else {
                bytes.append(contentsOf: utf8)
                return
            }
            bytes.append(0x22)
            for b in utf8 {
                bytes.append(b)
                if b == 0x22 { bytes.append(0x22) }
            }
            bytes.append(0x22)
        }
    }

    /// Forgets the text written, keeping the buffer's capacity (after writing it out).
    public mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
    }

    /// The text as a string.
    public var text: String { String(decoding: bytes, as: UTF8.self) }
}
