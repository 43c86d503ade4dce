import Foundation
import PetitionsApp

/// A JSON array written to standard output element by element as a streaming use case hands them over: the same
/// bytes as `Output.json(_ values:)` over the whole array (`[`, each element indented on its own line, `]`; an empty
/// array is `[`, an empty line, `]`), with at most 64 KB held.
struct JSONArrayStream {
    private let encoder = HouseJSONEncoder()
    private var buffer: [UInt8] = []
    private var count = 0

    init() { buffer.reserveCapacity(1 << 17) }

    mutating func add<T: Encodable>(_ value: T) throws {
        buffer.append(contentsOf: Array((count == 0 ? "[\n  " : ",\n  ").utf8))
        try encoder.append(value, to: &buffer, depth: 1)
        count += 1
        if buffer.count > 1 << 16 { try flush() }
    }

    /// Closes the array and writes what is left.
    mutating func finish() throws {
        buffer.append(contentsOf: Array((count == 0 ? "[\n\n]\n" : "\n]\n").utf8))
        try flush()
    }

    private mutating func flush() throws {
        try StandardOutput.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }
}

/// A CSV table written to standard output row by row (`CSVText`, cells neutralised as `CSVTable.render` does): the
/// same bytes as rendering the whole table, with at most 64 KB held.
struct CSVStream {
    private var text = CSVText(reservingCapacity: 1 << 17)

    init(header: [String]) { text.append(row: header.map(CSVTable.neutralise)) }

    mutating func add(_ row: [String]) throws {
        text.append(row: row.map(CSVTable.neutralise))
        if text.bytes.count > 1 << 16 { try flush() }
    }

    /// Writes what is left.
    mutating func finish() throws { try flush() }

    private mutating func flush() throws {
        try StandardOutput.write(Data(text.bytes))
        text.removeAll()
    }
}

/// Lines of text written to standard output as they come, with at most 64 KB held: a table streamed by
/// `TextTable.stream`.
struct TextStream {
    private var buffer: [UInt8] = []

    init() { buffer.reserveCapacity(1 << 17) }

    /// Adds `line` and its newline.
    mutating func add(line: String) throws {
        buffer.append(contentsOf: line.utf8)
        buffer.append(UInt8(ascii: "\n"))
        if buffer.count > 1 << 16 { try flush() }
    }

    /// Writes what is left.
    mutating func finish() throws { try flush() }

    private mutating func flush() throws {
        try StandardOutput.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }
}

extension TextTable {
    /// Writes the table to standard output as `TextTable.stream` lays it out, line by line through a `TextStream`:
    /// the same text as printing `render()` of the same rows, without holding them. `rows` hands every row over
    /// twice (pass 0, then pass 1), as `stream` asks.
    func write(streaming rows: (_ add: (_ pass: Int, _ row: [String]) throws -> Void) throws -> Void) throws {
        var out = TextStream()
        try stream(rows: rows, write: { try out.add(line: $0) })
        try out.finish()
    }
}

/// A listing written as its records are read, in either format: JSON element by element, the text table in two
/// passes over one snapshot (the columns measured, then each row written). The same bytes as the whole list's
/// `Output.json` or `TextTable.render`, without holding it. `records` runs the listing's use case with the number of
/// passes asked, handing each record over with its pass. (Both closures are escaping only because Swift's exclusivity
/// rules refuse one closure parameter called with a closure that captures another; neither is kept.)
enum StreamedListing {
    static func write<Record: Encodable>(
        _ format: OutputFormat, headers: [String], row: @escaping (Record) -> [String],
        records: @escaping (_ passes: Int, _ each: (_ pass: Int, Record) throws -> Void) throws -> Void
    ) throws {
        if format == .json {
            var out = JSONArrayStream()
            try records(1) { _, record in try out.add(record) }
            return try out.finish()
        }
        try TextTable(headers).write { add in try records(2) { pass, record in try add(pass, row(record)) } }
    }
}
