import Foundation
import PetitionsDomain
import PetitionsRules
import PetitionsTestSupport
import Testing

@testable import PetitionsReport

/// The text, Markdown and HTML reports are written as they are laid out, in chunks, and are the same bytes as the
/// whole report rendered as one string (which the office server serves).
@Suite struct ReportStreamTests {
    /// The Dmitrov report with 300 late deliveries, the last with the longest recipient of its table.
    static func longReport() throws -> StatusReport {
        var report = try ReportHTMLTests.dmitrov()
        let one = try #require(report.overdueDeliveries.first)
        report.overdueDeliveries = OverdueSection(
            (0..<300).map { n -> OverdueDelivery in
                var o = one
                o.delivery = Int64(n + 1)
                if n == 299 { o.recipient = "dmitrov-post-office" }
                return o
            })
        return report
    }

    /// What `write` hands its sink, piece by piece.
    static func pieces(_ write: (([UInt8]) throws -> Void) throws -> Void) rethrows -> [[UInt8]] {
        var pieces: [[UInt8]] = []
        try write { pieces.append($0) }
        return pieces
    }

    @Test("each format streamed in small chunks is the same bytes as its whole string, written piece by piece")
    func streamedEqualsRendered() throws {
        let report = try Self.longReport()
        let formats: [(String, String, [[UInt8]])] = [
            ("text", ReportText.render(report), try Self.pieces { try ReportText.write(report, chunk: 1_024, to: $0) }),
            (
                "text in colour", ReportText.render(report, colour: true),
                try Self.pieces { try ReportText.write(report, colour: true, chunk: 1_024, to: $0) }
            ),
            ("markdown", ReportMarkdown.render(report), try Self.pieces { try ReportMarkdown.write(report, chunk: 1_024, to: $0) }),
            ("html", ReportHTML.render(report), try Self.pieces { try ReportHTML.write(report, chunk: 1_024, to: $0) }),
        ]
        for (name, whole, pieces) in formats {
            #expect(Array(whole.utf8) == pieces.flatMap { $0 }, "\(name)")
            #expect(whole.utf8.count > 30_000 && pieces.count > 25, "\(name): written as it was laid out, not whole (\(pieces.count) pieces)")
            #expect(pieces.dropLast().allSatisfy { $0.count >= 1_024 }, "\(name): gathered into chunks, not a write per line")
        }
        #expect(ReportText.render(report).contains("\u{1B}[") == false && ReportText.render(report, colour: true).contains("\u{1B}[1;31m"))
    }

    @Test("the report embedded in another page is the page's body, its main a div and the links in its header, in chunks")
    func embeddedIsTheBody() throws {
        let report = try Self.longReport()
        let page = ReportHTML.render(report)
        let links = #"<p class="formats"><a href="/report?format=json">json</a></p>"#
        let pieces = try Self.pieces { try ReportHTML.writeEmbedded(report, links: links, chunk: 1_024, to: $0) }
        let embedded = String(decoding: pieces.flatMap { $0 }, as: UTF8.self)
        // The standalone page's body, between its `<body>` and `</body>`, with the changes an embedding page needs.
        let start = try #require(page.range(of: "<body>")).upperBound
        let end = try #require(page.range(of: "</body>", options: .backwards)).lowerBound
        let expected = String(page[start..<end]).replacingOccurrences(of: "<main>", with: #"<div class="report">"#)
            .replacingOccurrences(of: "</main>", with: "</div>").replacingOccurrences(of: "</header>", with: links + "</header>")
        #expect(embedded == expected)
        #expect(!embedded.contains("<main") && !embedded.contains("<body") && !embedded.contains("<style"))
        #expect(pieces.count > 25 && pieces.dropLast().allSatisfy { $0.count >= 1_024 }, "written as it is laid out (\(pieces.count) pieces)")
    }

    @Test("each CSV section written in small chunks is the same bytes as its table rendered whole")
    func csvStreamedEqualsTable() throws {
        let report = try Self.longReport()
        for section in ReportCSV.sections {
            let table = try ReportCSV.table(report, section: section)
            let whole = try CSVTable.render(header: table.header, rows: table.rows)
            let pieces = try Self.pieces { try ReportCSV.write(report, section: section, chunkSize: 1_024, chunk: $0) }
            #expect(Array(whole.utf8) == pieces.flatMap { $0 }, "\(section)")
            #expect(pieces.dropLast().allSatisfy { $0.count >= 1_024 }, "\(section): gathered into chunks, not a write per row")
            #expect(try ReportCSV.render(report, section: section) == whole, "\(section)")
        }
        let late = try Self.pieces { try ReportCSV.write(report, section: "overdue_deliveries", chunkSize: 1_024, chunk: $0) }
        #expect(late.count > 25, "300 late deliveries are written as they come, not whole (\(late.count) pieces)")
        #expect(throws: PetitionsError.self) { try ReportCSV.write(report, section: "letters") { _ in } }
    }

    @Test("a text table whose widest cell comes in its last row is aligned from its first row on")
    func widestCellLastStillAligned() throws {
        let text = String(decoding: try Self.pieces { try ReportText.write(try Self.longReport(), chunk: 512, to: $0) }.flatMap { $0 }, as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let header = try #require(lines.firstIndex { $0.hasPrefix("PERIOD") && $0.contains("RECIPIENT") })
        let column = try #require(lines[header].range(of: "DECREE")).lowerBound.utf16Offset(in: lines[header])
        let rows = lines[(header + 2)...].prefix { !$0.isEmpty }
        #expect(rows.count == 300)
        #expect(rows.last?.contains("dmitrov-post-office") == true)
        for row in rows {
            let at = try #require(row.range(of: "decree-1918")).lowerBound.utf16Offset(in: row)
            #expect(at == column, "\(row)")
        }
        #expect(lines[header + 1].split(separator: " ")[1].count == "dmitrov-post-office".count, "the recipient column is as wide as its widest cell")
    }

    @Test("words are split at spaces as String.split finds them, byte by byte in ASCII text and by character elsewhere")
    func wordsAsSplitFindsThem() {
        let pieces = [" ", " ", "a", "bc", "\r", "\n", "\r\n", "\t", "é", "e\u{301}", "\u{301}", "東", "-", "1,700"]
        var g = SeededRandom(state: 14)
        for _ in 0..<2_000 {
            let s = (0..<Int.random(in: 0...12, using: &g)).map { _ in pieces.randomElement(using: &g)! }.joined()
            #expect(TextTable.words(s).map(String.init) == s.split(separator: " ").map(String.init), "\(Array(s.unicodeScalars))")
        }
        #expect(TextTable.wrap("  two   words  ", width: 20) == ["two words"])
    }
}
