import CSV
import Foundation
import PetitionsReport
import PetitionsTestSupport
import Testing

/// The hand-written CSV writer against CSV.swift's, which wrote the CSV before it: the same bytes.
@Suite("CSV text") struct CSVTextTests {
    /// What CSV.swift's writer made of `rows` (with the CRLF the renderers add after the last row).
    static func csvSwift(_ rows: [[String]]) throws -> [UInt8] {
        let stream = OutputStream(toMemory: ())
        let writer = try CSVWriter(stream: stream, newline: .crlf)
        for row in rows { try writer.write(row: row) }
        writer.stream.close()
        let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        return [UInt8](data) + [0x0D, 0x0A]
    }

    @Test("the same bytes as CSV.swift on 3,000 rows of random cells")
    func sameBytesAsCSVSwift() throws {
        // Pieces that need quoting, that do not, and text in other scripts; a quote or comma followed by a combining
        // mark is left out: CSV.swift saw one character there (not a quote) and wrote it unquoted, which a reader
        // then takes for a broken field.
        let pieces = [
            "a", "Kropotkin", " ", "\"", ",", "\r", "\n", "\r\n", "\t", "=", "-", "1700 funt wheat", "Пётр", "é", "e\u{301}", "🌾",
            "'", ";", "",
        ]
        var random = SeededRandom(state: 14)
        var rows: [[String]] = []
        for _ in 0..<3000 {
            let width = Int.random(in: 1...6, using: &random)
            rows.append(
                (0..<width).map { _ in
                    (0..<Int.random(in: 0...5, using: &random)).map { _ in pieces[Int.random(in: 0..<pieces.count, using: &random)] }.joined()
                })
        }
        var text = CSVText()
        for row in rows { text.append(row: row) }
        #expect(text.bytes == (try CSVTextTests.csvSwift(rows)))
    }

    @Test("cells are quoted only when they must be, quotes doubled, rows ended by CRLF")
    func quoting() throws {
        var text = CSVText()
        text.append(row: ["plain", "with, comma", "say \"no\"", "two\nlines", ""])
        text.append(row: [])
        text.append(row: ["x"])
        #expect(text.text == "plain,\"with, comma\",\"say \"\"no\"\"\",\"two\nlines\",\r\nx\r\n")
        // A quote or comma followed by a combining mark: CSV.swift saw one character (not a quote) and wrote it bare.
        var marked = CSVText()
        marked.append(row: ["x\"\u{301}", ",\u{301}"])
        #expect(marked.text == "\"x\"\"\u{301}\",\",\u{301}\"\r\n")
        #expect(try CSVTextTests.csvSwift([["x\"\u{301}"]]) == Array("x\"\u{301}\r\n".utf8))
    }
}
