import PetitionsReport
import PetitionsTestSupport
import Testing

/// `TextTable.stream`, which the `events` listing writes through so as not to hold the log, must print what
/// `render()` prints for the same rows: the same widths, wrapping, cutting, padding and "(none)".
@Suite struct TextTableStreamTests {
    /// Words of every kind the tables meet: short and long, wide (CJK), accented, with a line break or a control
    /// character stored before they were refused, and empty.
    static let words = [
        "a", "to", "Dmitrov", "postal-telegraph", "provisions", "1920-03-04", "letter.sent", "Kropotkin", "8 funt wheat",
        "Łódź", "Pëtr", "東京都庁", "Сергей Иванович", "line\nbreak", "esc\u{1B}[2J", "", "averyveryverylongwordthatcannotwrapanywhere",
        "1,021", "Zoë",
    ]

    static func cell(_ g: inout SeededRandom) -> String {
        (0..<Int.random(in: 0...9, using: &g)).map { _ in words.randomElement(using: &g)! }.joined(separator: " ")
    }

    static func streamed(_ t: TextTable) throws -> String {
        var lines: [String] = []
        try t.stream(rows: { add in for pass in 0..<2 { for r in t.rows { try add(pass, r) } } }, write: { lines.append($0) })
        return lines.joined(separator: "\n")
    }

    @Test func streamPrintsWhatRenderPrints() throws {
        var g = SeededRandom(state: 19_200_304)  // SplitMix64: a failing round repeats
        for round in 0..<400 {
            let columns = Int.random(in: 1...7, using: &g)
            var t = TextTable((0..<columns).map { ["ID", "DAY", "KIND", "WHAT", "DAYS LATE", "SUBJECT", "AMOUNT"][$0] })
            t.maxWidth = [20, 40, 60, 100, 200][round % 5]
            t.wrapsCells = round % 7 != 0
            if round % 3 == 0 { t.rightAligned = [0] }
            if round % 4 == 0, columns > 1 { t.caps = [columns - 1: Int.random(in: 4...30, using: &g)] }
            for _ in 0..<Int.random(in: 0...12, using: &g) {
                // Some rows shorter than the header: their missing cells are empty.
                t.add((0..<Int.random(in: max(0, columns - 1)...columns, using: &g)).map { _ in Self.cell(&g) })
            }
            #expect(try Self.streamed(t) == t.render(), "round \(round): \(t.headers) width \(t.maxWidth) rows \(t.rows)")
        }
    }

    @Test func anEmptyTableIsNoneBothWays() throws {
        let t = TextTable(["ID", "WHAT"])
        #expect(try Self.streamed(t) == "(none)")
        #expect(t.render() == "(none)")
    }

    @Test func aLongCellWrapsAndTheLinesEndWhereTheirTextDoes() throws {
        var t = TextTable(["ID", "WHAT"])
        t.maxWidth = 30
        t.add(["7", "Letter to the Chairman of the Council of People's Commissars about provisions"])
        let text = try Self.streamed(t)
        #expect(text == t.render())
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count > 3, "\(text)")
        #expect(lines.allSatisfy { !$0.hasSuffix(" ") && $0.count <= 30 }, "\(text)")
    }
}
