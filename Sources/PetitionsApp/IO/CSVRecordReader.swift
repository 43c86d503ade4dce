import Foundation
import PetitionsDomain

/// A strict RFC 4180 reader over a byte stream: quoted fields with commas, doubled quotes and line breaks; LF or
/// CRLF record ends; UTF-8. What a lenient reader would guess at is an error with its line: a quoted field never
/// closed (which would swallow the rest of the file), text after a closing quote, a NUL byte (not a text file), a
/// field longer than `fieldLimit`.
struct CSVRecordReader {
    /// The most bytes one field may hold.
    let fieldLimit: Int
    private let stream: InputStream
    private var block = [UInt8](repeating: 0, count: 1 << 16)
    private var start = 0, end = 0
    private var atEnd = false
    /// The line the next byte is on.
    private(set) var line = 1
    private var first = true

    init(stream: InputStream, fieldLimit: Int) {
        self.stream = stream
        self.fieldLimit = fieldLimit
        stream.open()
    }

    /// Why a record cannot be read; `line` is where the problem is, `column` the index of the field it is in.
    struct Problem: Error {
        let line: Int
        let message: String
        let notUTF8: Bool
        var column: Int? = nil
    }

    private mutating func peek() throws -> UInt8? {
        if start == end {
            guard !atEnd else { return nil }
            let n = block.withUnsafeMutableBufferPointer { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return stream.read(base, maxLength: buffer.count)
            }
            if n < 0 { throw PetitionsError(stream.streamError.map { "\($0)" } ?? "the input cannot be read", code: .ioError) }
            if n == 0 {
                atEnd = true
                return nil
            }
            start = 0
            end = n
        }
        return block[start]
    }

    private mutating func take() throws -> UInt8? {
        guard let b = try peek() else { return nil }
        start += 1
        if b == 0x0A { line += 1 }
        return b
    }

    /// The next record's fields and the line it starts on, or nil at the end of the input.
    // Longer than 60 lines on purpose: one state machine over the bytes of a record (RFC 4180).
    mutating func next() throws -> (line: Int, fields: [String])? {
        if first {
            first = false
            // A UTF-8 byte-order mark.
            if try peek() == 0xEF, block[start..<end].starts(with: [0xEF, 0xBB, 0xBF]) { start += 3 }
            // A UTF-16 file (what a spreadsheet writes as "Unicode text"): its byte-order mark, or a NUL beside each
            // ASCII letter in the first bytes. Said as such, not as a NUL byte in the file.
            let head = Array(block[start..<min(end, start + 8)])
            let zeros = (
                even: stride(from: 0, to: head.count, by: 2).filter { head[$0] == 0 }.count,
                odd: stride(from: 1, to: head.count, by: 2).filter { head[$0] == 0 }.count
            )
            if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF])
                || (head.count == 8 && ((zeros.odd == 4 && zeros.even == 0) || (zeros.even == 4 && zeros.odd == 0)))
            {
                throw Problem(line: 1, message: "the file is UTF-16 text, not UTF-8; save it as UTF-8 CSV", notUTF8: true)
            }
        }
        guard try peek() != nil else { return nil }
        let startLine = line
        var fields: [String] = []
        var field: [UInt8] = []
        func finish(_ field: [UInt8], at line: Int) throws -> String {
            guard let s = String(validating: field, as: UTF8.self) else {
                throw Problem(line: line, message: "the text is not UTF-8; save the file as UTF-8 CSV", notUTF8: true)
            }
            return s
        }
        func append(_ b: UInt8, _ field: inout [UInt8], line: Int) throws {
            guard b != 0 else { throw Problem(line: line, message: "the file holds a NUL byte: it is not a text (CSV) file", notUTF8: false) }
            guard field.count < fieldLimit else {
                throw Problem(
                    line: line,
                    message:
                        "a field is longer than \(fieldLimit / 1_048_576 > 0 ? "\(fieldLimit / 1_048_576) MB" : "\(fieldLimit) bytes"), the most one may hold",
                    notUTF8: false)
            }
            field.append(b)
        }
        while true {
            // One field; a problem in it names its column too (the how-manieth field of the record).
            do {
                field.removeAll(keepingCapacity: true)
                if try peek() == UInt8(ascii: "\"") {
                    let opened = line
                    _ = try take()
                    while true {
                        guard let b = try take() else {
                            throw Problem(line: opened, message: "a quoted field opened on this line is never closed", notUTF8: false)
                        }
                        if b == UInt8(ascii: "\"") {
                            if try peek() == UInt8(ascii: "\"") {
                                _ = try take()
                                try append(b, &field, line: line)
                                continue
                            }
                            break
                        }
                        // A line break inside a field is a line break, however the file ends its lines: CRLF becomes LF.
                        if b == 0x0D, try peek() == 0x0A { continue }
                        try append(b, &field, line: line)
                    }
                    let after = try peek()
                    if let after, after != UInt8(ascii: ","), after != 0x0A, after != 0x0D {
                        let shown = after < 0x20 || after > 0x7E ? String(format: "byte 0x%02X", after) : quoted(String(UnicodeScalar(after)))
                        throw Problem(
                            line: line,
                            message: "text (\(shown)) follows the closing quote of a field; quote the whole field and double the quotes inside it",
                            notUTF8: false)
                    }
                } else {
                    while let b = try peek(), b != UInt8(ascii: ","), b != 0x0A, b != 0x0D {
                        _ = try take()
                        try append(b, &field, line: line)
                    }
                }
                fields.append(try finish(field, at: line))
            } catch var problem as Problem {
                problem.column = problem.column ?? fields.count
                throw problem
            }
            // What ends the field: a comma, a record end, or the end of the input.
            guard let b = try take() else { return (startLine, fields) }
            if b == UInt8(ascii: ",") { continue }
            if b == 0x0D {
                if try peek() == 0x0A { _ = try take() } else { line += 1 }
            }
            return (startLine, fields)
        }
    }
}
